#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a history file (JSON Lines of ``HistoryLine``) as it streams: one 64 KiB chunk in memory plus the lines
/// kept.
///
/// Every line must be one `gatecheck.history/v1` object on one line. A line that is not (malformed JSON, another
/// schema, an unknown key, a bad time or metric, two objects on one line, an object spread over several lines) is
/// a ``HistoryError`` naming the file and the line number: a history with a damaged line is never read as if the
/// line were not there. Blank lines are allowed (an editor's final newline).
///
/// ```swift
/// let lines = try HistoryReader.read(BytesSource(bytes), file: "history.jsonl", metrics: ["llm.cost_usd"])
/// ```
@_spi(Internals) public enum HistoryReader {
    /// Reads every line.
    ///
    /// - Parameters:
    ///   - metrics: the metric names to keep (`nil`: all). The others are still checked to be metric objects, so a
    ///     damaged line is found whatever the gates read, but are not materialised: a gate reads one metric.
    ///   - labels: with `metrics`, the label sets the gates select: a line whose labels match none of them is
    ///     checked but not kept (`nil`: every line is kept).
    public static func read<Source: ByteSource>(
        _ source: Source, file: String, metrics: Set<String>? = nil, labels: [[String: String]]? = nil
    ) throws(HistoryError) -> [HistoryLine] {
        var source = source
        let wanted = metrics.map { JSONKeySet($0.sorted()) }
        let wantedNames = metrics.map { $0.sorted() }
        var lines: [HistoryLine] = []
        var number = 0
        var state = CanonicalLine.State(metrics: metrics, labels: labels)
        func take(_ line: UnsafeBufferPointer<UInt8>) throws(HistoryError) {
            number += 1
            var end = line.count
            while end > 0, isSpace(line[end - 1]) { end -= 1 }
            var first = 0
            while first < end, isSpace(line[first]) { first += 1 }
            guard first < end else { return }
            let trimmed = UnsafeBufferPointer(rebasing: line[..<end])
            switch CanonicalLine.outcome(trimmed, state: &state) {
            case .line(let fast): lines.append(fast)
            case .dropped: break
            case .notCanonical:
                let line = try general(
                    Array(trimmed), number: number, file: file, wanted: wanted, wantedNames: wantedNames)
                if state.keeps(line.labels) { lines.append(line) }
            }
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var pending: [UInt8] = []
        while true {
            let count: Int
            do {
                count = try buffer.withUnsafeMutableBytes { raw in try source.read(into: raw) }
            } catch {
                throw HistoryError(file: file, line: nil, message: "it could not be read: \(error)")
            }
            guard count > 0 else { break }
            try buffer.withUnsafeBufferPointer { (all) throws(HistoryError) in
                guard let base = all.baseAddress else { return }
                var lineStart = 0
                // memchr finds the newlines at the C library's vector speed, a byte loop at a fraction of it.
                while lineStart < count, let found = memchr(base + lineStart, 0x0A, count - lineStart) {
                    let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    if pending.isEmpty {
                        try take(UnsafeBufferPointer(rebasing: all[lineStart..<index]))
                    } else {
                        pending.append(contentsOf: all[lineStart..<index])
                        try pending.withUnsafeBufferPointer { (line) throws(HistoryError) in try take(line) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    lineStart = index + 1
                }
                pending.append(contentsOf: all[lineStart..<count])
            }
            if pending.count > maxLineBytes {
                throw HistoryError(
                    file: file, line: number + 1,
                    message: "the line is longer than \(maxLineBytes) bytes; no history line is, so the file is not a "
                        + "history (or two lines lost their newline)")
            }
        }
        if !pending.isEmpty {
            try pending.withUnsafeBufferPointer { (line) throws(HistoryError) in try take(line) }
        }
        return lines
    }

    /// The longest line read; `record` writes lines of a few kilobytes.
    static let maxLineBytes = 1 << 20

    /// Reads one line that is not in the canonical form with the general JSON reader, which accepts any valid line
    /// (other key order, spaces, escapes, non-ASCII labels) and names what is wrong with an invalid one.
    private static func general(
        _ bytes: [UInt8], number: Int, file: String, wanted: JSONKeySet?, wantedNames: [String]?
    ) throws(HistoryError) -> HistoryLine {
        var reader = JSONReader(BytesSource(bytes), options: JSONReaderOptions(maxDepth: 4, maxStringBytes: 64 * 1024))
        func renumbered(_ text: String) -> String {
            text.replacing("at line 1, column", with: "at line \(number), column")
        }
        do {
            guard try reader.peek() == .object else {
                throw HistoryError(
                    file: file, line: number, column: reader.position.column,
                    message: "the line is not a JSON object; every history line is one gatecheck.history/v1 object")
            }
            let line = try readLine(
                &reader, file: file, start: reader.position, wanted: wanted, wantedNames: wantedNames)
            if try hasValue(&reader) {
                throw HistoryError(
                    file: file, line: number, column: reader.position.column,
                    message: "a second value starts on this line; a history line holds exactly one JSON object")
            }
            return line
        } catch let error as HistoryError {
            var renumberedError = error
            renumberedError.line = number
            renumberedError.message = renumbered(error.message)
            throw renumberedError
        } catch let error as JSONError {
            throw HistoryError(
                file: file, line: number, column: error.position?.column,
                message: "the line is not valid JSON (a line cut short, or hand-edited): \(renumbered("\(error)"))")
        } catch {
            throw HistoryError(file: file, line: number, message: "\(error)")
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }

    // MARK: - Private

    /// The keys of a history line.
    enum LineKey: String, JSONKeyEnum {
        case schema, time, labels, metrics
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a metric's value.
    enum ValueKey: String, JSONKeyEnum {
        case value, numerator, denominator
        static let table = JSONKeyTable<Self>()
    }

    /// Whether another value follows; the end of the input (or an empty input) ends the history.
    private static func hasValue<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws(JSONError) -> Bool {
        do {
            _ = try reader.peek()
            return true
        } catch {
            switch error {
            case .empty, .unexpectedEnd: return false
            default: throw error
            }
        }
    }

    private static func readLine<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, file: String, start: JSONPosition, wanted: JSONKeySet?,
        wantedNames: [String]?
    ) throws(HistoryError) -> HistoryLine {
        func fail(_ message: String, _ at: JSONPosition? = nil) -> HistoryError {
            HistoryError(file: file, line: (at ?? start).line, column: (at ?? start).column, message: message)
        }
        var schema: String?
        var time: Timestamp?
        var labels: [String: String] = [:]
        var metrics: [String: MetricValue] = [:]
        var sawMetrics = false
        do {
            try reader.beginObject()
            while let key = try reader.nextKey(LineKey.self) {
                let at = reader.position
                switch key {
                case .known(.schema):
                    let text = try reader.readString()
                    guard text == HistoryLine.schemaID else {
                        throw fail(
                            "\"schema\" is \"\(text)\"; this gatecheck reads \"\(HistoryLine.schemaID)\" history "
                                + "lines only", at)
                    }
                    schema = text
                case .known(.time):
                    let text = try reader.readString()
                    guard let parsed = Timestamp(rfc3339: text) else {
                        throw fail("\"time\" is \"\(text)\", not an RFC 3339 UTC time such as 2026-12-03T04:24:16Z", at)
                    }
                    time = parsed
                case .known(.labels):
                    try reader.beginObject()
                    while try reader.nextKey(in: .noKeys) != nil {
                        let name = reader.lastKey
                        let labelAt = reader.position
                        guard try reader.peek() == .string else {
                            throw fail("the label \"\(name)\" is not a string", labelAt)
                        }
                        labels[name] = try reader.readString()
                    }
                case .known(.metrics):
                    sawMetrics = true
                    try reader.beginObject()
                    if let wanted, let wantedNames {
                        while let index = try reader.nextKey(in: wanted) {
                            let valueAt = reader.position
                            if index == JSONKeySet.unknown {
                                guard try reader.peek() == .object else {
                                    throw fail("the metric \"\(reader.lastKey)\" is not an object", valueAt)
                                }
                                try reader.skipValue()
                            } else {
                                let name = wantedNames[index]
                                metrics[name] = try readValue(&reader, name: name, at: valueAt, fail)
                            }
                        }
                    } else {
                        while try reader.nextKey(in: .noKeys) != nil {
                            let name = reader.lastKey
                            metrics[name] = try readValue(&reader, name: name, at: reader.position, fail)
                        }
                    }
                case .unknown:
                    throw fail(
                        "unknown key \"\(reader.lastKey)\"; a gatecheck.history/v1 line has schema, time, labels and "
                            + "metrics", at)
                }
            }
        } catch let error as HistoryError {
            throw error
        } catch let error as JSONError {
            throw HistoryError(
                file: file, line: start.line, column: start.column,
                message: "the line is not valid JSON (a line cut short, or hand-edited): \(error)")
        } catch {
            throw fail("\(error)")
        }
        guard schema != nil else { throw fail("the line has no \"schema\"; every history line names its schema") }
        guard let time else { throw fail("the line has no \"time\"") }
        guard sawMetrics else { throw fail("the line has no \"metrics\"") }
        return HistoryLine(time: time, labels: labels, metrics: metrics)
    }

    /// Reads `{"value": N}` or `{"value": x, "numerator": n, "denominator": d}` exactly.
    private static func readValue<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, name: String, at: JSONPosition,
        _ fail: (String, JSONPosition?) -> HistoryError
    ) throws -> MetricValue {
        guard try reader.peek() == .object else { throw fail("the metric \"\(name)\" is not an object", at) }
        var value: JSONNumber?
        var numerator: Int64?
        var denominator: Int64?
        try reader.beginObject()
        while let key = try reader.nextKey(ValueKey.self) {
            switch key {
            case .known(.value): value = try reader.readNumber()
            case .known(.numerator): numerator = try reader.readInt64()
            case .known(.denominator): denominator = try reader.readInt64()
            case .unknown:
                throw fail("the metric \"\(name)\" has an unknown key \"\(reader.lastKey)\"", at)
            }
        }
        guard let value else { throw fail("the metric \"\(name)\" has no \"value\"", at) }
        switch (numerator, denominator) {
        case (nil, nil):
            if !value.text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let whole = value.int64 {
                return .integer(Int(whole))
            }
            guard let decimal = fastDecimal(value.text) ?? Decimal(string: value.text), !decimal.isNaN else {
                throw fail("the metric \"\(name)\" has a value \(value.text) that cannot be kept exactly", at)
            }
            return .decimal(decimal)
        case (let numerator?, let denominator?):
            guard denominator > 0, numerator >= 0 else {
                throw fail(
                    "the metric \"\(name)\" has the fraction \(numerator)/\(denominator); a rate needs a positive "
                        + "denominator and a numerator that is not negative", at)
            }
            return .ratio(numerator: Int(numerator), denominator: Int(denominator))
        default:
            throw fail(
                "the metric \"\(name)\" has only one of \"numerator\" and \"denominator\"; give both or neither", at)
        }
    }
}
