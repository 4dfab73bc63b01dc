/// One `<line>` as read, before it is counted: a method line waits in this form until its class ends.
struct CoberturaLine {
    /// The line number, from 1.
    var number: UInt32
    /// Whether `hits` is above 0.
    var hit: Bool
    /// The branch counts of a `branch="true"` line with a `(covered/total)` condition-coverage.
    var branches: BranchCount?
    /// A `branch="true"` line whose condition-coverage gives no counts (warned about, not counted as branches).
    var branchWithoutCounts = false

    init(number: UInt32, hit: Bool) {
        self.number = number
        self.hit = hit
    }
}
