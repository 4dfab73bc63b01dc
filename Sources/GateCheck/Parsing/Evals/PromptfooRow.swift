/// One row of a promptfoo results file (`results.results[]`): one test case run against one prompt and provider.
///
/// Only what the accuracy metrics need is kept: the outcome, the named scores and a short name for the row. Prompts,
/// outputs, token usage and the test's assertions are skipped unread, so a row's size does not matter.
struct PromptfooRow {
    /// The keys of a row read.
    enum Key: String, JSONKeyEnum {
        case success, failureReason, error, gradingResult, namedScores, testCase, vars, provider, description, testIdx
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of `gradingResult` and of `testCase` read.
    enum InnerKey: String, JSONKeyEnum {
        case namedScores, description, vars
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of `provider` read.
    enum ProviderKey: String, JSONKeyEnum {
        case label, id
        static let table = JSONKeyTable<Self>()
    }

    /// promptfoo's `ResultFailureReason.ERROR`: the provider or the evaluation failed, nothing was graded.
    static let errorReason: Int64 = 2
    /// Bytes kept of a sample name: enough to tell rows apart in a gate's note.
    static let nameLimit = 120

    var success: Bool?
    var failureReason: Int64?
    /// Whether `error` holds a message (promptfoo also writes the failed assertion's reason there).
    var hasError = false
    var hasGradingResult = false
    /// The row's `namedScores` (promptfoo ≥ 0.30 writes it on the row and in `gradingResult`; the row's wins).
    var namedScores: [(name: String, score: JSONNumber?)]?
    var gradingNamedScores: [(name: String, score: JSONNumber?)]?
    var description: String?
    var vars: String?
    var provider: String?
    var testIndex: Int64?

    /// Whether the row errored rather than failed: promptfoo's `failureReason` 2, or, in files older than
    /// `failureReason`, a failed row with an error message and no grading result (the provider call failed).
    var isErrored: Bool {
        if let failureReason { return failureReason == Self.errorReason }
        return success != true && hasError && !hasGradingResult
    }

    /// The named scores the row carries.
    var scores: [(name: String, score: JSONNumber?)] { namedScores ?? gradingNamedScores ?? [] }

    /// The row's name in a gate's note: the test's description, else its variables, else its index; with the
    /// provider when there is one, since a test runs once per provider and prompt.
    func name(index: Int) -> String {
        let test = description.flatMap { $0.isEmpty ? nil : $0 } ?? vars ?? testIndex.map { "test \($0)" }
        let base = test ?? "result \(index)"
        guard let provider, !provider.isEmpty else { return base }
        return "\(base) [\(provider)]"
    }

    /// Reads one row object.
    static func read<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> PromptfooRow {
        var row = PromptfooRow()
        try reader.beginObject()
        while let key = try reader.nextKey(Key.self) {
            switch key {
            case .known(.success): row.success = try reader.readBool()
            case .known(.failureReason): row.failureReason = try reader.peek() == .null ? nil : try reader.readInt64()
            case .known(.error): row.hasError = !(try reader.readMessage().isEmpty)
            case .known(.gradingResult):
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                row.hasGradingResult = true
                try readInner(&reader, into: &row, grading: true)
            case .known(.namedScores): row.namedScores = try readScores(&reader)
            case .known(.testCase):
                guard try reader.peek() == .object else { try reader.skipValue(); continue }
                try readInner(&reader, into: &row, grading: false)
            case .known(.vars):
                let vars = try readVars(&reader)
                row.vars = row.vars ?? vars
            case .known(.provider): row.provider = try readProvider(&reader)
            case .known(.description): row.description = try readName(&reader)
            case .known(.testIdx): row.testIndex = try reader.peek() == .null ? nil : try reader.readInt64()
            case .unknown: try reader.skipValue()
            }
        }
        return row
    }

    // MARK: - Private

    /// `gradingResult` (its `namedScores`) or `testCase` (its `description` and `vars`, which win over the row's).
    private static func readInner<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into row: inout PromptfooRow, grading: Bool
    ) throws {
        try reader.beginObject()
        while let key = try reader.nextKey(InnerKey.self) {
            switch key {
            case .known(.namedScores) where grading: row.gradingNamedScores = try readScores(&reader)
            case .known(.description) where !grading:
                let description = try readName(&reader)
                row.description = description ?? row.description
            case .known(.vars) where !grading: row.vars = try readVars(&reader) ?? row.vars
            default: try reader.skipValue()
            }
        }
    }

    /// A `namedScores` object: metric name → score (a number, `null` or NaN).
    private static func readScores<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws
        -> [(name: String, score: JSONNumber?)]
    {
        guard try reader.peek() != .null else {
            try reader.readNull()
            return []
        }
        var scores: [(name: String, score: JSONNumber?)] = []
        try reader.beginObject()
        while try reader.nextKey(in: JSONKeySet.noKeys) != nil {
            let name = reader.lastKey
            let position = reader.position
            guard try reader.peek() == .number || reader.peek() == .null else {
                throw ReportError.invalid(
                    "the named score \"\(name)\" is a \(try reader.peek().rawValue), not a number", at: position,
                    keyPath: "results.results[].namedScores.\(name)")
            }
            let score = try reader.readNullableNumber()
            // A name written twice would count one row twice.
            guard !scores.contains(where: { $0.name == name }) else {
                throw ReportError.invalid(
                    "the named score \"\(name)\" is written twice in one result", at: position,
                    keyPath: "results.results[].namedScores.\(name)")
            }
            scores.append((name, score))
        }
        return scores
    }

    /// `vars` as `name=value, ...`, each value cut short; values that are not strings or numbers are shown as `…`.
    private static func readVars<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> String? {
        guard try reader.peek() == .object else {
            try reader.skipValue()
            return nil
        }
        var parts: [String] = []
        var length = 0
        try reader.beginObject()
        while try reader.nextKey(in: JSONKeySet.noKeys) != nil {
            let name = reader.lastKey
            let value: String
            switch try reader.peek() {
            case .string: value = try reader.readStringPrefix(maxBytes: 40).0
            case .number: value = try reader.readNumber().text
            default:
                try reader.skipValue()
                value = "…"
            }
            guard length < nameLimit else { continue }
            let part = "\(name)=\(value)"
            length += part.utf8.count + 2
            parts.append(part)
        }
        return parts.isEmpty ? nil : shortened(parts.joined(separator: ", "))
    }

    /// `provider`: an object with `label` or `id`, or (older files) the id as a string.
    private static func readProvider<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> String? {
        switch try reader.peek() {
        case .string: return try readName(&reader)
        case .object:
            var label: String?
            var id: String?
            try reader.beginObject()
            while let key = try reader.nextKey(ProviderKey.self) {
                switch key {
                case .known(.label): label = try readName(&reader)
                case .known(.id): id = try readName(&reader)
                case .unknown: try reader.skipValue()
                }
                if label?.isEmpty == true { label = nil }
            }
            return label ?? id
        default:
            try reader.skipValue()
            return nil
        }
    }

    /// A string value cut to ``nameLimit`` bytes, or `nil` for anything else (skipped).
    private static func readName<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws -> String? {
        guard try reader.peek() == .string else {
            try reader.skipValue()
            return nil
        }
        let (text, truncated) = try reader.readStringPrefix(maxBytes: nameLimit)
        return truncated ? text + "…" : text
    }

    /// Text cut to ``nameLimit`` bytes on a character boundary, with `…` when cut.
    static func shortened(_ text: String) -> String {
        guard text.utf8.count > nameLimit else { return text }
        var result = ""
        for character in text {
            guard result.utf8.count + character.utf8.count <= nameLimit else { break }
            result.append(character)
        }
        return result + "…"
    }
}
