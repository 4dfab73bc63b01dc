import Foundation
@_spi(Internals) import GateCheck

/// A JSON Schema validator for the keywords gatecheck's own schemas (2020-12) and the SARIF 2.1.0 schema
/// (draft-04) use. A keyword it does not know is reported as an error, so a schema can never silently pass because
/// the validator skipped part of it. `format` is an annotation, as in both drafts' default behaviour.
struct SchemaValidator {
    private let root: JSONValue
    private static let annotations: Set<String> = [
        "$schema", "$id", "id", "title", "description", "default", "examples", "$comment", "format",
    ]

    init(schema bytes: [UInt8]) throws {
        var reader = JSONReader(BytesSource(bytes))
        root = try reader.readValue().value
    }

    /// The violations of `instance`, each with its JSON pointer-like path; empty when valid.
    func validate(_ bytes: [UInt8]) throws -> [String] {
        var reader = JSONReader(BytesSource(bytes))
        var errors: [String] = []
        check(try reader.readValue().value, against: root, at: "$", &errors)
        return errors
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, _ errors: inout [String]) {
        guard case .object(let members) = schema else {
            if case .bool(false) = schema { errors.append("\(path): not allowed") }
            return
        }
        let keywords = Dictionary(members.map { ($0.key, $0.node.value) }, uniquingKeysWith: { first, _ in first })
        for (keyword, argument) in keywords {
            switch keyword {
            case _ where Self.annotations.contains(keyword), "$defs", "definitions":
                continue
            case "$ref":
                guard case .string(let reference) = argument, let target = resolve(reference) else {
                    errors.append("\(path): cannot resolve $ref \(argument)")
                    continue
                }
                check(value, against: target, at: path, &errors)
            case "type":
                let names: [String]
                switch argument {
                case .string(let name): names = [name]
                case .array(let items):
                    names = items.compactMap { if case .string(let n) = $0.value { n } else { nil } }
                default: names = []
                }
                if !names.contains(where: { Self.has(value, type: $0) }) {
                    errors.append("\(path): expected \(names.joined(separator: " or ")), found \(value.kind.rawValue)")
                }
            case "enum":
                guard case .array(let options) = argument else { continue }
                if !options.contains(where: { Self.equal($0.value, value) }) {
                    errors.append("\(path): not one of the allowed values")
                }
            case "const":
                if !Self.equal(argument, value) { errors.append("\(path): must be \(argument)") }
            case "properties":
                guard case .object(let properties) = argument, case .object(let fields) = value else { continue }
                for property in properties {
                    if let field = fields.first(where: { $0.key == property.key }) {
                        check(field.node.value, against: property.node.value, at: "\(path).\(property.key)", &errors)
                    }
                }
            case "required":
                guard case .array(let names) = argument, case .object(let fields) = value else { continue }
                for case .string(let name) in names.map(\.value) where !fields.contains(where: { $0.key == name }) {
                    errors.append("\(path): missing required \(name)")
                }
            case "additionalProperties":
                guard case .object(let fields) = value else { continue }
                var declared: Set<String> = []
                if case .object(let properties)? = keywords["properties"] { declared = Set(properties.map(\.key)) }
                for field in fields where !declared.contains(field.key) {
                    check(field.node.value, against: argument, at: "\(path).\(field.key)", &errors)
                }
            case "propertyNames":
                guard case .object(let fields) = value else { continue }
                for field in fields {
                    check(.string(field.key), against: argument, at: "\(path).\(field.key) (name)", &errors)
                }
            case "minProperties":
                if case .object(let fields) = value, case .number(let n) = argument, fields.count < Int(n.double ?? 0) {
                    errors.append("\(path): fewer than \(n) properties")
                }
            case "items":
                guard case .array(let elements) = value else { continue }
                for (index, element) in elements.enumerated() {
                    check(element.value, against: argument, at: "\(path)[\(index)]", &errors)
                }
            case "minItems":
                if case .array(let elements) = value, case .number(let n) = argument,
                    elements.count < Int(n.double ?? 0)
                {
                    errors.append("\(path): fewer than \(n) items")
                }
            case "uniqueItems":
                guard case .bool(true) = argument, case .array(let elements) = value else { continue }
                for (index, element) in elements.enumerated()
                where elements[..<index].contains(where: { Self.equal($0.value, element.value) }) {
                    errors.append("\(path)[\(index)]: duplicate item")
                }
            case "minLength":
                if case .string(let text) = value, case .number(let n) = argument, text.count < Int(n.double ?? 0) {
                    errors.append("\(path): shorter than \(n)")
                }
            case "minimum", "maximum":
                guard case .number(let number) = value, let actual = number.double, case .number(let bound) = argument,
                    let limit = bound.double
                else { continue }
                if keyword == "minimum" ? actual < limit : actual > limit {
                    errors.append("\(path): \(keyword) \(limit)")
                }
            case "pattern":
                guard case .string(let text) = value, case .string(let pattern) = argument else { continue }
                if text.range(of: pattern, options: .regularExpression) == nil {
                    errors.append("\(path): '\(text)' does not match \(pattern)")
                }
            case "anyOf", "oneOf", "allOf":
                guard case .array(let options) = argument else { continue }
                let passing = options.filter { option in
                    var scratch: [String] = []
                    check(value, against: option.value, at: path, &scratch)
                    return scratch.isEmpty
                }.count
                let ok = keyword == "anyOf" ? passing > 0 : keyword == "oneOf" ? passing == 1 : passing == options.count
                if !ok { errors.append("\(path): \(keyword) matched \(passing) of \(options.count)") }
            case "not":
                var scratch: [String] = []
                check(value, against: argument, at: path, &scratch)
                if scratch.isEmpty { errors.append("\(path): matches a schema it must not match") }
            default:
                errors.append("\(path): the validator does not support the keyword \(keyword)")
            }
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var current = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard case .object(let members) = current, let next = members.first(where: { $0.key == part }) else {
                return nil
            }
            current = next.node.value
        }
        return current
    }

    private static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            true
        case ("integer", .number(let number)): number.int64 != nil && !number.text.contains(".")
        default: false
        }
    }

    private static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x.double == y.double
        case (.string(let x), .string(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { equal($0.value, $1.value) }
        case (.object(let x), .object(let y)):
            x.count == y.count
                && x.allSatisfy { member in
                    y.contains { $0.key == member.key && equal($0.node.value, member.node.value) }
                }
        default: false
        }
    }
}
