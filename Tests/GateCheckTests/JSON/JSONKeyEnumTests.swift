import Foundation
@_spi(Internals) import GateCheck
import Testing

/// A key enum of the tests' own, with a key that needs escaping and one beyond ASCII.
private enum SampleKey: String, JSONKeyEnum {
    case ruleID = "ruleId", level, quoted = "a\"b", accented = "é"
    static let table = JSONKeyTable<Self>()
}

@Suite("JSON key enums")
struct JSONKeyEnumTests {
    @Test("every reader's key enum: each case's key text reads back as that case, in any order, and others as unknown")
    func everyEnumRoundTrips() throws {
        #expect(JSONKeyEnums.all.count > 50)
        for type in JSONKeyEnums.all {
            for chunk in [1, 4096] {
                #expect(try Self.roundTrip(type, chunk: chunk, reversed: false) == [], "\(type)")
                #expect(try Self.roundTrip(type, chunk: chunk, reversed: true) == [], "\(type)")
            }
        }
    }

    @Test("JSONKeyEnums lists every key enum declared in Sources/GateCheck")
    func registryIsComplete() throws {
        let sources = Fixtures.packageRoot.appendingPathComponent("Sources/GateCheck")
        let declaration = try Regex(#"enum (\w+): String, JSONKeyEnum \{"#)
        var declared: [String] = []
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                if let match = try declaration.firstMatch(in: String(line)), let name = match.output[1].substring {
                    declared.append(String(name))
                }
            }
        }
        let listed = JSONKeyEnums.all.map { String(String(reflecting: $0).split(separator: ".").last ?? "") }
        #expect(declared.count > 50)
        #expect(declared.sorted() == listed.sorted())
    }

    @Test("nextKey(_:) tells a known key, an unknown key and the end of the object apart", arguments: [1, 2, 7, 4096])
    func knownUnknownAndEnd(chunk: Int) throws {
        var reader = makeReader(
            #"{"level": "error", "extra": [1, {"ruleId": 2}], "a\"b": 1, "\u00e9": true, "ruleId": "R1"}"#,
            chunk: chunk)
        try reader.beginObject()
        var seen: [String] = []
        while let key = try reader.nextKey(SampleKey.self) {
            switch key {
            case .known(.ruleID): seen.append("ruleId=\(try reader.readString())")
            case .known(.level): seen.append("level=\(try reader.readString())")
            case .known(.quoted): seen.append("quoted=\(try reader.readInt64())")
            case .known(.accented): seen.append("accented=\(try reader.readBool())")
            case .unknown:
                seen.append("unknown \(reader.lastKey)")
                try reader.skipValue()
            }
        }
        try reader.finish()
        #expect(seen == ["level=error", "unknown extra", "quoted=1", "accented=true", "ruleId=R1"])
    }

    @Test("a known key given twice is refused; an unknown one is not")
    func repeatedKeys() throws {
        var repeated = makeReader(#"{"level": "a", "level": "b"}"#)
        try repeated.beginObject()
        #expect(try repeated.nextKey(SampleKey.self) == .known(.level))
        #expect(throws: JSONError.self) {
            _ = try repeated.readString()
            _ = try repeated.nextKey(SampleKey.self)
        }
        var unknown = makeReader(#"{"x": 1, "x": 2}"#)
        try unknown.beginObject()
        #expect(try unknown.nextKey(SampleKey.self) == .unknown)
        #expect(try unknown.nextKey(SampleKey.self) == .unknown)
        #expect(try unknown.nextKey(SampleKey.self) == nil)
    }

    /// Reads `{"<case 1>": 0, …, "<not a key>": 0}` and returns what did not come back as expected.
    private static func roundTrip<Key: JSONKeyEnum>(_: Key.Type, chunk: Int, reversed: Bool) throws -> [String] {
        let cases = reversed ? Array(Key.allCases).reversed() : Array(Key.allCases)
        let unknownKey = cases.map(\.rawValue).joined() + "-not-a-key"
        let members = try (cases.map(\.rawValue) + [unknownKey]).map { key in
            String(decoding: try JSONEncoder().encode(key), as: UTF8.self) + ": 0"
        }
        var reader = makeReader("{" + members.joined(separator: ", ") + "}", chunk: chunk)
        try reader.beginObject()
        var problems: [String] = []
        for expected in cases {
            let found = try reader.nextKey(Key.self)
            guard case .known(let key)? = found, key == expected else {
                problems.append("\"\(expected.rawValue)\" read as \(String(describing: found))")
                continue
            }
        }
        let last = try reader.nextKey(Key.self)
        if last != .unknown || reader.lastKey != unknownKey {
            problems.append("unknown key read as \(String(describing: last))")
        }
        if try reader.nextKey(Key.self) != nil { problems.append("the object did not end") }
        return problems
    }
}
