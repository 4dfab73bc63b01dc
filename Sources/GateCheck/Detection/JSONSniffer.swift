/// Classifies a JSON prefix by the keys of its top-level object, or of the first element of a top-level array.
///
/// It tolerates a prefix that stops anywhere: it only collects what it has seen. It does not validate; the parser
/// of the detected kind does.
enum JSONSniffer {
    /// The value of a top-level key as far as classification needs it.
    enum Value: Equatable {
        case string(String), number, object, array, bool, null
    }

    /// What the prefix showed.
    struct Shape {
        var isArray = false
        var firstElement: Value?
        var keys: [String: Value] = [:]
        var order: [String] = []
        var complete = false
    }

    static func detect(_ bytes: ArraySlice<UInt8>, isWholeFile: Bool) -> Detection {
        var scanner = Scanner(bytes: bytes)
        let shape = scanner.shape()
        if let kind = classify(shape) { return .report(kind) }
        // Bandit's SARIF writes `runs` first and `version` last, beyond the prefix of a large report: a first key
        // `runs` holding runs with a tool driver is SARIF.
        if shape.order.first == "runs", shape.keys["runs"] == .array, contains(bytes, Self.driverKey) {
            return .report(.sarif)
        }
        if !shape.complete, isWholeFile { return .unreadable(.truncated(at: nil)) }
        if shape.isArray {
            return shape.firstElement == nil
                ? .unknown("an empty JSON array, whose report kind cannot be told; bind it in gates.json `inputs`")
                : .unknown("a JSON array of no known report kind")
        }
        let keys = shape.order.prefix(6).map { "\"\($0)\"" }.joined(separator: ", ")
        return .unknown("JSON of no known report kind (top-level keys: \(keys.isEmpty ? "none" : keys))")
    }

    /// The kind a shape belongs to, from the keys each tool is known to write (shared/docs/formats.md §3–7).
    static func classify(_ shape: Shape) -> ReportKind? {
        let keys = shape.keys
        if shape.isArray {
            switch shape.firstElement {
            case .array?: return .safety
            case .object?:
                if keys["Target"] != nil { return .trivyJSON }
                if keys["Id"] != nil, keys["RepoTags"] != nil || keys["Size"] != nil { return .image }
                if keys["name"] != nil, keys["vulns"] != nil || keys["skip_reason"] != nil { return .pipAudit }
                return nil
            default: return nil
            }
        }
        if case .string(let schema)? = keys["schema"] {
            if schema.hasPrefix("gatecheck.accuracy/") { return .accuracy }
            if schema.hasPrefix("gatecheck.llm-cost/") { return .llmCost }
            if schema.hasPrefix("gatecheck.latency/") { return .latency }
        }
        if case .string(let schema)? = keys["$schema"], schema.lowercased().contains("sarif") { return .sarif }
        if keys["runs"] != nil, keys["version"] != nil { return .sarif }
        // A whole log with `runs` and only other SARIF log keys but no `version` (jenkinsci/analysis-model's
        // fixtures): SARIF in shape, so that the SARIF parser rejects it clearly instead of it being ignored.
        if shape.complete, keys["runs"] == .array, keys.keys.allSatisfy(sarifLogKeys.contains) { return .sarif }
        if keys["SchemaVersion"] != nil || keys["ClusterName"] != nil { return .trivyJSON }
        if keys["ArtifactName"] != nil, keys["Results"] != nil { return .trivyJSON }
        if keys["generated_at"] != nil, keys["metrics"] != nil || keys["results"] != nil || keys["errors"] != nil {
            return .bandit
        }
        if keys["report_meta"] != nil { return .safety }
        if keys["meta"] != nil, keys["scan_results"] != nil { return .safety }
        if keys["dependencies"] == .array { return .pipAudit }
        if keys["total_cost"] != nil { return .llmCost }
        if isDeepEvalRun(keys) { return .accuracy }
        if case .string? = keys["Size"], keys["Repository"] != nil, keys["Tag"] != nil { return .image }
        return nil
    }

    /// A DeepEval test run: `.deepeval/.latest_test_run.json` wraps it in `testRunData`; a saved run has
    /// `testCases` beside the keys DeepEval always writes.
    private static func isDeepEvalRun(_ keys: [String: Value]) -> Bool {
        if keys["testRunData"] == .object { return true }
        return keys["testCases"] == .array
            && (keys["metricsScores"] != nil || keys["conversationalTestCases"] != nil || keys["runDuration"] != nil)
    }

    private static let driverKey = Array(#""driver""#.utf8)

    private static func contains(_ bytes: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        var index = bytes.startIndex
        while index + needle.count <= bytes.endIndex {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    private static let sarifLogKeys: Set<String> = [
        "$schema", "version", "runs", "inlineExternalProperties", "properties",
    ]

    /// Where JSON starts after a text banner: the first line whose first non-blank byte is `{` or `[`.
    static func startOfEmbeddedJSON(_ bytes: ArraySlice<UInt8>) -> Int? {
        var lineStart = true
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x0A {
                lineStart = true
            } else if lineStart, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                return index
            } else if !ReportDetector.isSpace(byte) {
                lineStart = false
            }
        }
        return nil
    }

    /// A tolerant scanner: every method returns `nil` when the prefix ends.
    struct Scanner {
        let bytes: ArraySlice<UInt8>
        var index: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            self.index = bytes.startIndex
        }

        mutating func shape() -> Shape {
            var shape = Shape()
            guard let first = peek() else { return shape }
            if first == UInt8(ascii: "[") {
                shape.isArray = true
                index += 1
                guard let next = peek() else { return shape }
                if next == UInt8(ascii: "]") {
                    shape.complete = true
                    return shape
                }
                shape.firstElement = valueKind(next)
                if next == UInt8(ascii: "{") { readObjectKeys(into: &shape) }
                return shape
            }
            readObjectKeys(into: &shape)
            return shape
        }

        private mutating func readObjectKeys(into shape: inout Shape) {
            index += 1  // '{'
            while let byte = peek() {
                if byte == UInt8(ascii: "}") {
                    shape.complete = !shape.isArray
                    index += 1
                    return
                }
                if byte == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard byte == UInt8(ascii: "\""), let key = readString(), peek() == UInt8(ascii: ":") else { return }
                index += 1
                guard let valueStart = peek() else { return }
                var value = valueKind(valueStart)
                if valueStart == UInt8(ascii: "\"") {
                    guard let text = readString() else { return }
                    value = .string(text)
                } else if !skipValue() {
                    if shape.keys[key] == nil { shape.order.append(key) }
                    shape.keys[key] = value
                    return
                }
                if shape.keys[key] == nil { shape.order.append(key) }
                shape.keys[key] = value
            }
        }

        private func valueKind(_ byte: UInt8) -> Value {
            switch byte {
            case UInt8(ascii: "{"): .object
            case UInt8(ascii: "["): .array
            case UInt8(ascii: "\""): .string("")
            case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
            case UInt8(ascii: "n"): .null
            default: .number
            }
        }

        private mutating func peek() -> UInt8? {
            while index < bytes.endIndex, ReportDetector.isSpace(bytes[index]) { index += 1 }
            return index < bytes.endIndex ? bytes[index] : nil
        }

        /// Reads a string's text (escapes kept as written, at most 256 bytes kept).
        private mutating func readString() -> String? {
            index += 1
            let start = index
            while index < bytes.endIndex {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""):
                    let text = bytes[start..<min(index, start + 256)]
                    index += 1
                    return String(decoding: text, as: UTF8.self)
                default: index += 1
                }
            }
            return nil
        }

        /// Skips a scalar, object or array; `false` when the prefix ends inside it.
        private mutating func skipValue() -> Bool {
            var depth = 0
            while let byte = peek() {
                switch byte {
                case UInt8(ascii: "\""):
                    guard readString() != nil else { return false }
                    if depth == 0 { return true }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth <= 0 {
                        index += 1
                        return depth == 0
                    }
                case UInt8(ascii: ","), UInt8(ascii: ":"):
                    if depth == 0 { return true }
                default:
                    if depth == 0 {
                        while index < bytes.endIndex, !ReportDetector.isSpace(bytes[index]),
                            bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "}"),
                            bytes[index] != UInt8(ascii: "]")
                        {
                            index += 1
                        }
                        return index < bytes.endIndex
                    }
                }
                index += 1
            }
            return false
        }
    }
}
