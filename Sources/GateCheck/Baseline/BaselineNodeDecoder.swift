#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Decodes a baseline from the tree gatecheck's own JSON reader builds: about ten times faster than Foundation's
/// `JSONDecoder` (which cost a run with a 0.9 MB baseline 0.035 s of CPU), with the same checks and the key path of
/// the first problem.
enum BaselineNodeDecoder {
    /// What is wrong and where (`gates.ratchet.value.denominator: must be at least 1`).
    struct Failure: Error {
        var message: String
    }

    /// The baseline in a document whose schema has been checked; its `packages`, and its `findings` when they
    /// are as gatecheck writes them, read apart (``BaselineRoot``).
    static func decode(
        _ root: [JSONMember], packages: BaselineRoot.Packages, findings read: [String: FindingTally]?
    ) throws(Failure) -> Baseline {
        let fields = try object(root, at: "")
        var baseline = Baseline(
            gatecheckVersion: try string(required(fields, "gatecheck_version", at: ""), at: "gatecheck_version"),
            meta: try strings(required(fields, "meta", at: ""), at: "meta"),
            tools: try strings(required(fields, "tools", at: ""), at: "tools"),
            unreadableReports: try integer(required(fields, "unreadable_reports", at: ""), at: "unreadable_reports"))
        for member in try members(required(fields, "gates", at: ""), at: "gates") {
            let path = "gates." + member.key
            let gate = try object(members(member.node, at: path), at: path)
            baseline.gates[member.key] = BaselineGate(
                metric: try string(required(gate, "metric", at: path), at: path + ".metric"),
                definition: try string(required(gate, "definition", at: path), at: path + ".definition"),
                value: try gate["value"].map { node throws(Failure) in try exact(node, at: path + ".value") })
        }
        if let node = fields["coverage"] {
            let coverage = try object(members(node, at: "coverage"), at: "coverage")
            var files: [String: FileCounts] = [:]
            for member in try members(required(coverage, "files", at: "coverage"), at: "coverage.files") {
                files[member.key] = try counts(member.node, at: "coverage.files." + member.key)
            }
            let totals = try counts(node, at: "coverage")
            baseline.coverage = BaselineCoverage(
                linesValid: totals.linesValid, linesCovered: totals.linesCovered, files: files)
        }
        if let read {
            baseline.findings = read
        } else if let node = fields["findings"] {
            var findings: [String: FindingTally] = [:]
            for member in try members(node, at: "findings") {
                findings[member.key] = try tally(member.node, at: "findings." + member.key)
            }
            baseline.findings = findings
        }
        if let node = fields["tests"] {
            var tests: [String: TestState] = [:]
            for member in try members(node, at: "tests") {
                tests[member.key] = try choice(member.node, at: "tests." + member.key, as: TestState.self)
            }
            baseline.tests = tests
        }
        if let node = fields["accuracy"] {
            var accuracy: [String: [String: String?]] = [:]
            for metric in try members(node, at: "accuracy") {
                var scores: [String: String?] = [:]
                for sample in try members(metric.node, at: "accuracy." + metric.key) {
                    let path = "accuracy.\(metric.key).\(sample.key)"
                    if case .null = sample.node.value {
                        scores[sample.key] = .some(nil)
                        continue
                    }
                    let text = try string(sample.node, at: path)
                    guard ExactValue.isDecimalText(text) else {
                        throw Failure(message: "\(path): \"\(text)\" is not a decimal number")
                    }
                    scores[sample.key] = text
                }
                accuracy[metric.key] = scores
            }
            baseline.accuracy = accuracy
        }
        switch packages {
        case .absent:
            if fields["packages"] != nil { throw Failure(message: "packages: expected an array") }
        case .list(let list): baseline.packageList = list
        case .invalid(let message): throw Failure(message: message)
        }
        return baseline
    }

    // MARK: - Private

    private static func tally(_ node: JSONNode, at path: @autoclosure () -> String) throws(Failure) -> FindingTally {
        let fields = try object(members(node, at: path()), at: path())
        func field(_ key: String) throws(Failure) -> JSONNode { try required(fields, key, at: path()) }
        guard case .bool(let fixable) = try field("fixable").value else {
            throw Failure(message: "\(path()).fixable: expected true or false")
        }
        return FindingTally(
            tool: try string(field("tool"), at: path() + ".tool"),
            rule: try string(field("rule"), at: path() + ".rule"),
            place: try string(field("place"), at: path() + ".place"),
            severity: try choice(field("severity"), at: path() + ".severity", as: Severity.self),
            confidence: try choice(field("confidence"), at: path() + ".confidence", as: Confidence.self),
            fixable: fixable, count: try integer(field("count"), at: path() + ".count"),
            waived: try integer(field("waived"), at: path() + ".waived"))
    }

    private static func counts(_ node: JSONNode, at path: @autoclosure () -> String) throws(Failure) -> FileCounts {
        let fields = try object(members(node, at: path()), at: path())
        return FileCounts(
            linesValid: try integer(required(fields, "lines_valid", at: path()), at: path() + ".lines_valid"),
            linesCovered: try integer(required(fields, "lines_covered", at: path()), at: path() + ".lines_covered"))
    }

    /// `{"integer": n}` (n ≥ 0), `{"numerator": n, "denominator": d}` (0 ≤ n ≤ d, d ≥ 1) or `{"decimal": "text"}`
    /// (not negative).
    ///
    /// Every metric gatecheck measures is a count, a size, a cost, a time or a fraction of a whole, so a value
    /// outside that range was never written by gatecheck: a hand-edited `-100/473` would make any later run look
    /// like an improvement and pass every ratchet.
    private static func exact(_ node: JSONNode, at path: @autoclosure () -> String) throws(Failure) -> ExactValue {
        let fields = try object(members(node, at: path()), at: path())
        if let count = fields["integer"] { return .integer(try integer(count, at: path() + ".integer")) }
        if let numerator = fields["numerator"] {
            let denominator = try integer(
                required(fields, "denominator", at: path()), at: path() + ".denominator", minimum: 1)
            let part = try integer(numerator, at: path() + ".numerator")
            guard part <= denominator else {
                throw Failure(
                    message: "\(path()).numerator: \(part) is more than the denominator \(denominator); a rate is a "
                        + "fraction of a whole")
            }
            return .ratio(numerator: part, denominator: denominator)
        }
        let text = try string(required(fields, "decimal", at: path()), at: path() + ".decimal")
        guard ExactValue.isDecimalText(text), !text.hasPrefix("-"), let number = Decimal(string: text) else {
            throw Failure(message: "\(path()).decimal: \"\(text)\" is not a decimal number of at least 0")
        }
        return .decimal(number)
    }

    private static func members(_ node: JSONNode, at path: @autoclosure () -> String) throws(Failure) -> [JSONMember] {
        guard case .object(let members) = node.value else { throw Failure(message: "\(path()): expected an object") }
        return members
    }

    /// An object's members by key; a repeated key is refused, since readers disagree on which one counts.
    private static func object(_ members: [JSONMember], at path: @autoclosure () -> String) throws(Failure) -> [String:
        JSONNode]
    {
        var fields: [String: JSONNode] = [:]
        fields.reserveCapacity(members.count)
        for member in members where fields.updateValue(member.node, forKey: member.key) != nil {
            throw Failure(message: "\(path().isEmpty ? "" : path() + ".")\(member.key): the key appears twice")
        }
        return fields
    }

    private static func required(_ fields: [String: JSONNode], _ key: String, at path: @autoclosure () -> String)
        throws(Failure)
        -> JSONNode
    {
        guard let node = fields[key] else {
            throw Failure(message: "\(path().isEmpty ? "" : path() + ".")\(key) is missing")
        }
        return node
    }

    private static func string(_ node: JSONNode, at path: @autoclosure () -> String) throws(Failure) -> String {
        guard case .string(let text) = node.value else { throw Failure(message: "\(path()): expected a string") }
        return text
    }

    private static func strings(_ node: JSONNode, at path: @autoclosure () -> String) throws(Failure) -> [String:
        String]
    {
        var result: [String: String] = [:]
        for member in try members(node, at: path()) {
            result[member.key] = try string(member.node, at: path() + "." + member.key)
        }
        return result
    }

    private static func integer(_ node: JSONNode, at path: @autoclosure () -> String, minimum: Int = 0) throws(Failure)
        -> Int
    {
        guard case .number(let number) = node.value, let value = number.int64, let int = Int(exactly: value),
            int >= minimum
        else { throw Failure(message: "\(path()): expected an integer of at least \(minimum)") }
        return int
    }

    private static func choice<T: RawRepresentable<String>>(
        _ node: JSONNode, at path: @autoclosure () -> String, as type: T.Type
    )
        throws(Failure) -> T
    {
        let text = try string(node, at: path())
        guard let value = T(rawValue: text) else {
            throw Failure(message: "\(path()): \"\(text)\" is not a known value")
        }
        return value
    }
}
