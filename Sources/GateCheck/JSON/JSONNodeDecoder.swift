#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads a small materialised JSON document (a configuration, one of gatecheck's own report formats) field by
/// field, collecting every problem with its key path and position instead of stopping at the first.
///
/// ```swift
/// var decoder = JSONNodeDecoder(file: "gates.json")
/// if let fields = decoder.object(root, at: "", keys: ["version", "gates"]) {
///     let version = fields["version"].flatMap { decoder.integer($0, at: "version") }
/// }
/// ```
struct JSONNodeDecoder {
    /// The file named in every diagnostic.
    let file: String
    /// The code prefix of every diagnostic (`config`, `accuracy`).
    let codePrefix: String
    /// Every problem found so far.
    private(set) var problems: [Diagnostic] = []

    init(file: String, codePrefix: String = "config") {
        self.file = file
        self.codePrefix = codePrefix
    }

    /// Records a problem at a node.
    mutating func fail(_ code: String, _ message: String, at path: String, _ position: JSONPosition?) {
        problems.append(
            Diagnostic(
                .error, code: "\(codePrefix).\(code)", message: message, file: file, line: position?.line,
                column: position?.column, keyPath: path.isEmpty ? nil : path))
    }

    /// Records a warning: worth telling the user, not a reason to reject the document.
    mutating func warn(_ code: String, _ message: String, at path: String, _ position: JSONPosition?) {
        fail(code, message, at: path, position)
        problems[problems.count - 1].severity = .warning
    }

    /// The members of an object, keyed by name; unknown and duplicate keys are problems.
    mutating func object(_ node: JSONNode, at path: String, keys: [String]) -> [String: JSONNode]? {
        guard case .object(let members) = node.value else {
            fail("type", "expected an object, found \(node.value.kind.rawValue)", at: path, node.position)
            return nil
        }
        var fields: [String: JSONNode] = [:]
        for member in members {
            let memberPath = Self.join(path, member.key)
            if fields[member.key] != nil {
                fail(
                    "duplicate-key", "the key \"\(member.key)\" appears twice; keep one", at: memberPath,
                    member.keyPosition)
            } else if !keys.contains(member.key) {
                let hint = Self.closest(member.key, in: keys).map { " (did you mean \"\($0)\"?)" } ?? ""
                fail(
                    "unknown-key",
                    "unknown key \"\(member.key)\"\(hint); allowed here: \(keys.joined(separator: ", "))",
                    at: memberPath, member.keyPosition)
            } else {
                fields[member.key] = member.node
            }
        }
        return fields
    }

    /// A required member; its absence is a problem.
    mutating func required(_ fields: [String: JSONNode], _ key: String, in path: String, _ position: JSONPosition)
        -> JSONNode?
    {
        guard let node = fields[key] else {
            fail("missing-key", "the required key \"\(key)\" is missing", at: Self.join(path, key), position)
            return nil
        }
        return node
    }

    mutating func string(_ node: JSONNode, at path: String) -> String? {
        guard case .string(let text) = node.value else {
            fail("type", "expected a string, found \(node.value.kind.rawValue)", at: path, node.position)
            return nil
        }
        return text
    }

    mutating func bool(_ node: JSONNode, at path: String) -> Bool? {
        guard case .bool(let value) = node.value else {
            fail("type", "expected true or false, found \(node.value.kind.rawValue)", at: path, node.position)
            return nil
        }
        return value
    }

    /// An exact number from its decimal text.
    mutating func decimal(_ node: JSONNode, at path: String) -> Decimal? {
        if case .number(let number) = node.value, number.isNonFinite {
            fail(
                "type",
                "expected a finite number, found Python's bare \(number.text) (json.dumps writes it for a "
                    + "computation over no data; it is not valid JSON)", at: path, node.position)
            return nil
        }
        guard case .number(let number) = node.value, let value = Decimal(string: number.text)
        else {
            fail("type", "expected a finite number, found \(Self.describe(node))", at: path, node.position)
            return nil
        }
        return value
    }

    mutating func integer(_ node: JSONNode, at path: String, range: ClosedRange<Int> = 0...Int.max) -> Int? {
        guard case .number(let number) = node.value, let value = number.int64, let int = Int(exactly: value),
            range.contains(int)
        else {
            fail(
                "type",
                "expected a whole number in \(range.lowerBound)...\(range.upperBound), found \(Self.describe(node))",
                at: path, node.position)
            return nil
        }
        return int
    }

    mutating func array(_ node: JSONNode, at path: String) -> [JSONNode]? {
        guard case .array(let elements) = node.value else {
            fail("type", "expected an array, found \(node.value.kind.rawValue)", at: path, node.position)
            return nil
        }
        return elements
    }

    mutating func strings(_ node: JSONNode, at path: String) -> [String]? {
        guard let elements = array(node, at: path) else { return nil }
        let values = elements.enumerated().compactMap { string($0.element, at: "\(path)[\($0.offset)]") }
        return values.count == elements.count ? values : nil
    }

    /// A string that must be one of an enumeration's raw values.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: JSONNode, at path: String, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(node, at: path) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            fail("value", "\"\(text)\" is not one of \(allowed)", at: path, node.position)
            return nil
        }
        return value
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    static func describe(_ node: JSONNode) -> String {
        switch node.value {
        case .number(let number): number.text
        case .string(let text): "\"\(text.prefix(40))\""
        default: node.value.kind.rawValue
        }
    }

    /// The allowed key closest to a misspelt one, when it is close enough to be a likely typo.
    private static func closest(_ key: String, in keys: [String]) -> String? {
        let scored = keys.map { ($0, distance(Array(key), Array($0))) }.min { $0.1 < $1.1 }
        guard let (best, score) = scored, score <= max(2, key.count / 3) else { return nil }
        return best
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
