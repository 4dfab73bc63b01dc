#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `samples` array of a `gatecheck.accuracy/v1` report, read as it streams: a ``ScoreTally`` per metric and the
/// problems found, never the samples themselves, so that memory does not grow with the number of samples.
///
/// Each sample is checked as the tree decoder would check it (the same messages, key paths and positions), from a
/// small tree of the sample's `id` and its scores. `metrics` may come before or after `samples`, so every problem
/// about one metric's score carries the metric's name and is dropped later if `metrics` does not list it.
struct AccuracySamples {
    /// The most distinct score names read from `samples` (a real evaluation has a handful of metrics).
    static let nameLimit = 1_000
    /// The most errors, and the most warnings, kept from `samples`; the rest are counted.
    static let problemLimit = 100

    /// The metric names `metrics` lists, when it came before `samples`: other scores are then not tallied.
    let candidates: Set<String>?
    /// Whether each tally keeps every sample's score by id (a baseline is written or compared with).
    var keepsScores = false
    /// Per score name, what the samples give.
    private(set) var tallies: [String: ScoreTally] = [:]
    /// Where each score name was first seen (names `metrics` listed before `samples` are not noted: they are known).
    private(set) var firstSeen: [String: JSONPosition] = [:]
    private(set) var problems: [Problem] = []
    /// Problems beyond ``problemLimit``, per metric (`nil`: the sample itself): counted, not kept.
    private(set) var unlisted: [String?: (errors: Int, warnings: Int)] = [:]
    /// Where the first score name beyond ``nameLimit`` was.
    private(set) var tooManyNames: JSONPosition?
    private var keptErrors = 0
    private var keptWarnings = 0
    /// How many samples the array holds.
    private(set) var count = 0
    /// The samples' ids seen so far (``SampleIDs``), so that a sample listed twice is refused.
    private var ids = SampleIDs()
    /// Repeated score keys of the sample being read, reported after its own problems.
    private var repeated: [Problem] = []
    /// The candidates in a table matched without allocating (only for a few: the table is built from the input, so
    /// many colliding names must not lengthen every lookup), their names, and which the current sample has given.
    private let candidateKeys: JSONKeySet?
    private let candidateNames: [String]
    private var given: [Bool]
    private var givenList: [Int] = []

    init(candidates: Set<String>?) {
        self.candidates = candidates
        let names = candidates.map { $0.sorted() } ?? []
        let fast = candidates != nil && names.count <= 64
        candidateNames = fast ? names : []
        candidateKeys = fast ? JSONKeySet(names) : nil
        given = Array(repeating: false, count: candidateNames.count)
    }

    /// Reads the `samples` array (the reader is at its `[`).
    mutating func read<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws(JSONError) {
        try reader.beginArray()
        while try reader.nextElement() {
            let element = try readSample(&reader)
            let index = count
            check(element, at: "samples[\(index)]")
            count += 1
        }
    }

    /// The problems about the metrics in `stated` or about no metric, in the order they were found, and what
    /// was left out beyond the limits.
    func diagnostics(for stated: Set<String>) -> [Diagnostic] {
        var kept = problems.filter { $0.metric.map(stated.contains) ?? true }.map(\.diagnostic)
        var (errors, warnings) = (0, 0)
        for (metric, counts) in unlisted where metric.map(stated.contains) ?? true {
            errors += counts.errors
            warnings += counts.warnings
        }
        if errors > 0 {
            kept.append(Diagnostic(.error, code: "accuracy.more-problems", message: "\(errors) more errors in samples"))
        }
        if warnings > 0 {
            kept.append(
                Diagnostic(
                    .warning, code: "accuracy.more-problems",
                    message: "\(warnings) more warnings about samples are not listed", keyPath: "samples"))
        }
        if let position = tooManyNames {
            kept.append(
                Diagnostic(
                    .error, code: "accuracy.value",
                    message: "samples give scores for more than \(Self.nameLimit) different metrics; an accuracy "
                        + "report has a few metrics, so this is not one", line: position.line,
                    column: position.column, keyPath: "samples"))
        }
        return kept
    }

    // MARK: - Private

    /// One sample as a small tree of what is checked: its `id`, its scores, and its other keys with empty values.
    private mutating func readSample<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws(JSONError)
        -> JSONNode
    {
        guard try reader.peek() == .object else { return try reader.readPruned(.ignored) }
        let position = reader.position
        try reader.beginObject()
        var members: [JSONMember] = []
        var unread: Set<String> = []
        while let key = try reader.nextKey(SampleKey.self) {
            if key == .unknown, keptWarnings >= Self.problemLimit {
                // Its warning would not be listed: count it without building it (the hint costs an edit distance),
                // but a repeated one is still refused.
                let name = reader.lastKey
                if unread.insert(name).inserted {
                    unlisted[nil, default: (0, 0)].warnings += 1
                } else {
                    let position = reader.keyPosition
                    keep(
                        Problem(
                            diagnostic: Diagnostic(
                                .error, code: "accuracy.duplicate-key",
                                message: "the key \"\(name)\" appears twice; keep one", line: position.line,
                                column: position.column, keyPath: "samples[\(count)].\(name)"),
                            metric: nil))
                }
                continue
            }
            let keyPosition = reader.keyPosition
            let name: String
            let node: JSONNode
            switch key {
            case .known(.id):
                name = SampleKey.id.rawValue
                node = try reader.readPruned(.scalar)
            case .known(.scores):
                name = SampleKey.scores.rawValue
                node = try readScores(&reader)
            case .unknown:
                name = reader.lastKey
                node = try reader.readPruned(.ignored)
            }
            members.append(JSONMember(key: name, keyPosition: keyPosition, node: node))
        }
        return JSONNode(value: .object(members), position: position)
    }

    /// A sample's scores: those of the metrics that may be gated, each key once.
    private mutating func readScores<Source: ByteSource>(_ reader: inout JSONReader<Source>) throws(JSONError)
        -> JSONNode
    {
        guard try reader.peek() == .object else { return try reader.readPruned(.ignored) }
        let position = reader.position
        try reader.beginObject()
        var members: [JSONMember] = []
        var seen: Set<String> = []
        defer {
            for index in givenList { given[index] = false }
            givenList.removeAll(keepingCapacity: true)
        }
        while let index = try reader.nextKey(in: candidateKeys ?? .noKeys) {
            let keyPosition = reader.keyPosition
            if index != JSONKeySet.unknown {
                // A metric `metrics` lists, matched without building its name.
                let name = candidateNames[index]
                guard !given[index] else {
                    repeatedKey(name, at: keyPosition)
                    continue
                }
                given[index] = true
                givenList.append(index)
                members.append(JSONMember(key: name, keyPosition: keyPosition, node: try reader.readPruned(.ignored)))
                continue
            }
            let name = reader.lastKey
            guard register(name, at: keyPosition) else { continue }
            guard seen.insert(name).inserted else {
                repeatedKey(name, at: keyPosition)
                continue
            }
            guard candidates?.contains(name) ?? true else { continue }
            members.append(JSONMember(key: name, keyPosition: keyPosition, node: try reader.readPruned(.ignored)))
        }
        return JSONNode(value: .object(members), position: position)
    }

    /// Notes a score key repeated in one sample: readers disagree on which of the two counts.
    private mutating func repeatedKey(_ name: String, at position: JSONPosition) {
        repeated.append(
            Problem(
                diagnostic: Diagnostic(
                    .error, code: "accuracy.duplicate-key", message: "the key \"\(name)\" appears twice; keep one",
                    line: position.line, column: position.column, keyPath: name),
                metric: nil))
    }

    /// Notes a score name; `false` once there are more distinct names than ``nameLimit``.
    private mutating func register(_ name: String, at position: JSONPosition) -> Bool {
        if firstSeen[name] != nil { return true }
        guard firstSeen.count < Self.nameLimit else {
            if tooManyNames == nil { tooManyNames = position }
            return false
        }
        firstSeen[name] = position
        return true
    }

    /// Checks one sample as the tree decoder would and tallies its scores.
    private mutating func check(_ element: JSONNode, at path: @autoclosure () -> String) {
        // The common sample, `{"id": "…", "scores": {…}}` with nothing else, needs no decoder.
        if case .object(let members) = element.value, members.count == 2, repeated.isEmpty,
            let first = members[0].key == "id" ? 0 : members[1].key == "id" ? 1 : nil,
            members[1 - first].key == "scores", case .string(let id) = members[first].node.value,
            case .object(let scores) = members[1 - first].node.value
        {
            let path = path()
            noteID(id, at: path, members[first].node.position)
            for member in scores { tally(member, sample: id, at: "\(path).scores.\(member.key)") }
            return
        }
        let path = path()
        var decoder = JSONNodeDecoder(file: "", codePrefix: "accuracy")
        var id: String?
        var scores: [JSONMember]?
        if let fields = decoder.object(element, at: path, keys: Self.sampleKeys) {
            id = decoder.required(fields, "id", in: path, element.position).flatMap {
                decoder.string($0, at: path + ".id")
            }
            if let node = decoder.required(fields, "scores", in: path, element.position) {
                if case .object(let members) = node.value {
                    scores = members
                } else {
                    decoder.fail(
                        "type", "expected an object, found \(node.value.kind.rawValue)", at: path + ".scores",
                        node.position)
                }
            }
        }
        for diagnostic in decoder.problems { keep(Problem(diagnostic: diagnostic, metric: nil)) }
        for var problem in repeated {
            problem.diagnostic.keyPath = "\(path).scores.\(problem.diagnostic.keyPath ?? "")"
            keep(problem)
        }
        repeated.removeAll(keepingCapacity: true)
        guard let id, let scores else { return }
        if case .object(let members) = element.value, let node = members.first(where: { $0.key == "id" })?.node {
            noteID(id, at: path, node.position)
        }
        for member in scores {
            tally(member, sample: id, at: "\(path).scores.\(member.key)")
        }
    }

    private mutating func tally(_ member: JSONMember, sample id: String, at path: @autoclosure () -> String) {
        let problem: String
        switch member.node.value {
        case .null: return tallies[member.key, default: ScoreTally(keepsScores: keepsScores)].addUnscored(sample: id)
        case .number(let number) where number.isNonFinite:
            return tallies[member.key, default: ScoreTally(keepsScores: keepsScores)].addUnscored(sample: id)
        case .number(let number):
            if tallies[member.key, default: ScoreTally(keepsScores: keepsScores)].add(text: number.text, sample: id) {
                return
            }
            problem = "expected a finite number, found \(number.text)"
        default:
            problem = "expected a number or null, found \(member.node.value.kind.rawValue)"
        }
        let position = member.node.position
        keep(
            Problem(
                diagnostic: Diagnostic(
                    .error, code: "accuracy.type", message: problem, line: position.line, column: position.column,
                    keyPath: path()),
                metric: member.key))
    }

    /// Refuses a sample whose id an earlier sample has: its scores would count twice in the mean and the counts,
    /// standing in for a sample the list does not have (the failing one, perhaps), and a baseline's per-sample
    /// comparison keeps one score per id.
    private mutating func noteID(_ id: String, at path: String, _ position: JSONPosition) {
        guard !ids.insert(id) else { return }
        keep(Problem(diagnostic: SampleIDs.repeated(id, at: path + ".id", position), metric: nil))
    }

    /// Keeps a problem, or counts it once ``problemLimit`` problems of its severity are kept.
    private mutating func keep(_ problem: Problem) {
        // An unknown key is recorded as an error and becomes a warning when the report is finished.
        let isError = problem.diagnostic.severity == .error && !problem.diagnostic.code.hasSuffix(".unknown-key")
        guard (isError ? keptErrors : keptWarnings) < Self.problemLimit else {
            var counts = unlisted[problem.metric, default: (0, 0)]
            if isError { counts.errors += 1 } else { counts.warnings += 1 }
            unlisted[problem.metric] = counts
            return
        }
        if isError { keptErrors += 1 } else { keptWarnings += 1 }
        problems.append(problem)
    }
}
