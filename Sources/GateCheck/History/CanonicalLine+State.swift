extension CanonicalLine {
    /// What stays between lines: the metric names kept, and the labels of recent lines, since a history holds a few
    /// label sets over and over (a line whose labels are byte for byte a recent line's shares its dictionary).
    public struct State {
        /// The kept metrics' names and UTF-8 bytes (`nil`: every metric).
        var wanted: [(name: String, bytes: [UInt8])]?
        /// The label sets of the lines kept (`nil`: every line is kept).
        ///
        /// A line whose labels match none is checked but not kept. Used only with `wanted`.
        var selectors: [[String: String]]?
        /// Up to 8 recent label objects, as bytes, with their dictionaries and whether such a line is kept.
        public internal(set) var recentLabels: [(bytes: [UInt8], labels: [String: String], kept: Bool)] = []
        /// The metric names of the last line by position (quoted, with the colon), and which kept metric each is
        /// (`-1`: none): lines repeat their names, so a name met again is one `memcmp`, checked once.
        var lastNames: [(token: [UInt8], wanted: Int)] = []

        /// The state for reading a file whose `metrics` are kept (`nil`: all), of lines whose labels match one of
        /// `labels` (`nil`: all).
        public init(metrics: Set<String>?, labels: [[String: String]]? = nil) {
            wanted = metrics.map { $0.sorted().map { ($0, Array($0.utf8)) } }
            selectors = metrics == nil ? nil : labels
        }

        /// Whether a line with these labels is kept.
        func keeps(_ labels: [String: String]) -> Bool {
            guard let selectors else { return true }
            return selectors.contains { selector in selector.allSatisfy { labels[$0.key] == $0.value } }
        }
    }

    /// What a line is.
    public enum Outcome {
        /// A canonical line, kept.
        case line(HistoryLine)
        /// A canonical, valid line that no gate's labels select.
        case dropped
        /// Not in the canonical form: the general reader decides.
        case notCanonical
    }
}
