/// Locust's CSV files that are not its statistics, told by their first line so that a directory holding every
/// file of `--csv PREFIX` is read right: `PREFIX_stats.csv` is the report, the others are ignored with what they are.
enum LocustDetection {
    /// Why a first line's file is ignored, when it is one of Locust's other CSV files.
    static func other(_ line: [UInt8]) -> String? {
        guard let other = LocustStatsParser.otherFiles.first(where: { line.starts(with: $0.start.utf8) }) else {
            return nil
        }
        return "\(other.what): not a report; gatecheck reads Locust's totals from PREFIX_stats.csv"
    }
}
