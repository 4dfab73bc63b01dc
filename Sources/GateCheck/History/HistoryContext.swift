/// The history a run is compared with, as the engine receives it: the lines read (or why there are none) and the
/// moment that ends every window.
///
/// Pure: the caller reads the file and the clock and passes both in.
///
/// ```swift
/// let history = HistoryContext.read(BytesSource(bytes), file: "history.jsonl", now: now, metrics: ["llm.cost_usd"])
/// var checker = GateChecker(configuration: configuration, today: today)
/// checker.history = history
/// ```
@_spi(Internals) public struct HistoryContext: Sendable {
    /// What the history file gave.
    public enum Content: Sendable {
        /// The lines, in file order.
        case lines([HistoryLine])
        /// No history file (not given, or absent); `reason` says which, for the gate's message.
        case missing(reason: String)
        /// A damaged history: always an error (exit 2), whatever `on_missing` says.
        case damaged(HistoryError)
    }

    /// The history file as named (`history.jsonl`).
    public var file: String
    /// What it gave.
    public var content: Content
    /// The end of every window: samples count when now − window < time ≤ now.
    public var now: Timestamp

    /// Creates a context.
    public init(file: String, content: Content, now: Timestamp) {
        self.file = file
        self.content = content
        self.now = now
    }

    /// Reads a history file's bytes; a damaged line gives ``Content/damaged(_:)``.
    ///
    /// - Parameters:
    ///   - metrics: the metric names the gates compare (`nil`: every metric is kept).
    ///   - labels: with `metrics`, the gates' label sets: lines that match none are checked, not kept (`nil`: all).
    public static func read<Source: ByteSource>(
        _ source: Source, file: String, now: Timestamp, metrics: Set<String>? = nil, labels: [[String: String]]? = nil
    ) -> HistoryContext {
        do throws(HistoryError) {
            let lines = try HistoryReader.read(source, file: file, metrics: metrics, labels: labels)
            return HistoryContext(file: file, content: .lines(lines), now: now)
        } catch {
            return HistoryContext(file: file, content: .damaged(error), now: now)
        }
    }

    /// The error diagnostic of a damaged history, carried into the verdict.
    var diagnostic: Diagnostic? {
        if case .damaged(let error) = content { return error.diagnostic }
        return nil
    }
}
