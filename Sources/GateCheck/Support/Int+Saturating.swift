extension Int {
    /// The sum, held at `Int.max` (or `Int.min`) instead of overflowing.
    ///
    /// Counts read from reports are summed with this across reports, so that no input, however large its numbers,
    /// can trap; a parser refuses a single report whose own counts do not add up exactly.
    func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }
}
