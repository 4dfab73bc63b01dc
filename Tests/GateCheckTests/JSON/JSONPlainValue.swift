@_spi(Internals) import GateCheck

/// A JSON value without positions, for comparing what was written with what was read.
indirect enum PlainJSON: Equatable {
    case object([PlainMember])
    case array([PlainJSON])
    case string(String)
    /// A number's literal text.
    case number(String)
    case bool(Bool)
    case null

    /// The value of a node read by the reader, positions dropped.
    init(_ node: JSONNode) {
        switch node.value {
        case .object(let members): self = .object(members.map { PlainMember(key: $0.key, value: PlainJSON($0.node)) })
        case .array(let elements): self = .array(elements.map(PlainJSON.init))
        case .string(let text): self = .string(text)
        case .number(let number): self = .number(number.text)
        case .bool(let value): self = .bool(value)
        case .null: self = .null
        }
    }

    /// A random value at most `depth` levels deep, with awkward strings and every number form.
    static func random(depth: Int, using random: inout SeededGenerator) -> PlainJSON {
        let pick = Int.random(in: 0..<(depth > 0 ? 8 : 5), using: &random)
        switch pick {
        case 0: return .string(randomString(using: &random))
        case 1: return .number(randomNumber(using: &random))
        case 2: return .bool(Bool.random(using: &random))
        case 3: return .null
        case 4: return .string("")
        case 5, 6:
            let count = Int.random(in: 0...5, using: &random)
            var members: [PlainMember] = []
            for _ in 0..<count {
                members.append(
                    PlainMember(key: randomString(using: &random), value: .random(depth: depth - 1, using: &random)))
            }
            return .object(members)
        default:
            let count = Int.random(in: 0...5, using: &random)
            var elements: [PlainJSON] = []
            for _ in 0..<count { elements.append(.random(depth: depth - 1, using: &random)) }
            return .array(elements)
        }
    }

    /// One element of `choices`, chosen by `random`.
    static func pick<T>(_ choices: [T], using random: inout SeededGenerator) -> T {
        choices[Int.random(in: 0..<choices.count, using: &random)]
    }

    private static func randomString(using random: inout SeededGenerator) -> String {
        let alphabet: [Character] = [
            "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{7F}", "é", "中", "😀", "\u{10FFFF}", "\u{FFFD}",
        ]
        let count = Int.random(in: 0...12, using: &random)
        return String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
    }

    private static func randomNumber(using random: inout SeededGenerator) -> String {
        var text = Bool.random(using: &random) ? "-" : ""
        text += Bool.random(using: &random) ? "0" : String(Int.random(in: 1...999_999_999, using: &random))
        if Bool.random(using: &random) { text += "." + String(Int.random(in: 0...99_999, using: &random)) }
        if Bool.random(using: &random) {
            text +=
                PlainJSON.pick(["e", "E", "e+", "e-", "E-"], using: &random)
                + String(Int.random(in: 0...400, using: &random))
        }
        return text
    }
}

/// One member of a ``PlainJSON`` object.
struct PlainMember: Equatable {
    var key: String
    var value: PlainJSON
}

/// Writes ``PlainJSON`` as text: compact, pretty (2-space indent), or with random whitespace and random `\u`
/// escapes, so round trips exercise every way of spelling the same value.
struct PlainJSONWriter {
    enum Style {
        case compact
        case pretty
        case scrambled
    }

    var style: Style
    var random = SeededGenerator(seed: 1)
    private(set) var text = ""

    init(style: Style, seed: UInt64 = 1) {
        self.style = style
        random = SeededGenerator(seed: seed)
    }

    mutating func write(_ value: PlainJSON, level: Int = 0) {
        switch value {
        case .object(let members):
            writeContainer("{", "}", count: members.count, level: level) { writer, index in
                writer.writeString(members[index].key)
                writer.space()
                writer.text += ":"
                writer.text += writer.style == .pretty ? " " : ""
                writer.space()
                writer.write(members[index].value, level: level + 1)
            }
        case .array(let elements):
            writeContainer("[", "]", count: elements.count, level: level) { writer, index in
                writer.write(elements[index], level: level + 1)
            }
        case .string(let string): writeString(string)
        case .number(let literal): text += literal
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        }
    }

    private mutating func writeContainer(
        _ open: String, _ close: String, count: Int, level: Int, element: (inout Self, Int) -> Void
    ) {
        text += open
        for index in 0..<count {
            if index > 0 { text += "," }
            newline(level + 1)
            element(&self, index)
        }
        if count > 0 { newline(level) }
        text += close
    }

    private mutating func newline(_ level: Int) {
        switch style {
        case .compact: break
        case .pretty: text += "\n" + String(repeating: "  ", count: level)
        case .scrambled: space()
        }
    }

    private mutating func space() {
        guard style == .scrambled else { return }
        let whitespace = [" ", "\n", "\t", "\r\n", "", ""]
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            text += whitespace[Int.random(in: 0..<whitespace.count, using: &random)]
        }
    }

    private mutating func writeString(_ string: String) {
        text += "\""
        for scalar in string.unicodeScalars {
            let escapeAnyway = style == .scrambled && Int.random(in: 0..<4, using: &random) == 0
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "/" where escapeAnyway: text += "\\/"
            default:
                if scalar.value < 0x20 || escapeAnyway {
                    for unit in String(scalar).utf16 { text += "\\u" + hex4(unit, upper: Bool.random(using: &random)) }
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }

    private func hex4(_ unit: UInt16, upper: Bool) -> String {
        let digits = String(unit, radix: 16, uppercase: upper)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
