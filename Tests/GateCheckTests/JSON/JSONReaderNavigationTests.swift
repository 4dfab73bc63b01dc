@_spi(Internals) import GateCheck
import Testing

private let resultKeys = JSONKeySet(["ruleId", "level", "message", "abc", "é"])

@Suite("JSON reader navigation")
struct JSONReaderNavigationTests {
    @Test(
        "nextKey returns the index of known keys, unknown for others, and nil at the closing brace",
        arguments: jsonChunkSizes)
    func knownAndUnknownKeys(chunk: Int) throws {
        var reader = makeReader(
            #"{"level": "error", "extra": [1, {"x": 2}], "ruleId": "R1", "message": null}"#, chunk: chunk)
        try reader.beginObject()
        var seen: [String] = []
        while let key = try reader.nextKey(in: resultKeys) {
            switch key {
            case 0: seen.append("ruleId=\(try reader.readString())")
            case 1: seen.append("level=\(try reader.readString())")
            case 2:
                let message = try reader.readNullOr { (r) throws(JSONError) in try r.readString() }
                seen.append("message=\(message ?? "nil")")
            default:
                #expect(key == JSONKeySet.unknown)
                seen.append("unknown \(reader.lastKey)")
                try reader.skipValue()
            }
        }
        try reader.finish()
        #expect(seen == ["level=error", "unknown extra", "ruleId=R1", "message=nil"])
    }

    @Test("Escaped keys match the decoded text, and keys split across chunks still match", arguments: jsonChunkSizes)
    func escapedAndSplitKeys(chunk: Int) throws {
        var reader = makeReader(#"{"a\u0062c": 1, "\u00e9": 2, "ab\u0063d": 3, "level": 4}"#, chunk: chunk)
        try reader.beginObject()
        var found: [Int] = []
        var names: [String] = []
        while let key = try reader.nextKey(in: resultKeys) {
            found.append(key)
            names.append(reader.lastKey)
            _ = try reader.readInt64()
        }
        #expect(found == [3, 4, JSONKeySet.unknown, 1])
        #expect(names == ["abc", "é", "abcd", "level"])
    }

    @Test("lastKey survives the chunk being refilled while the value is read", arguments: [1, 7, 4096, Int.max])
    func lastKeyAfterRefill(chunk: Int) throws {
        let long = String(repeating: "x", count: 70_000)
        var reader = makeReader(#"{"level": "\#(long)", "ruleId": 1}"#, chunk: chunk)
        try reader.beginObject()
        #expect(try reader.nextKey(in: resultKeys) == 1)
        #expect(try reader.readString() == long)
        #expect(reader.lastKey == "level")
        #expect(try reader.nextKey(in: resultKeys) == 0)
        try reader.skipValue()
        #expect(reader.lastKey == "ruleId")
        #expect(try reader.nextKey(in: resultKeys) == nil)
    }

    @Test("An unread value is skipped by the next nextKey or nextElement")
    func unreadValuesAreSkipped() throws {
        var reader = makeReader(#"{"a": {"deep": [1, 2, "x"]}, "b": [[1], 2], "c": 3}"#)
        try reader.beginObject()
        #expect(try reader.nextKey(in: .init(["a", "b", "c"])) == 0)
        #expect(try reader.nextKey(in: .init(["a", "b", "c"])) == 1)
        try reader.beginArray()
        #expect(try reader.nextElement())
        #expect(try reader.nextElement())
        #expect(try reader.readInt64() == 2)
        #expect(try reader.nextElement() == false)
        #expect(try reader.nextKey(in: .init(["a", "b", "c"])) == 2)
        #expect(try reader.nextKey(in: .init(["a", "b", "c"])) == nil)
        try reader.finish()
    }

    @Test("finish validates the rest of a document the caller stopped reading early")
    func finishValidatesTheRest() throws {
        var reader = makeReader(#"{"runs": [{"results": [1, 2, 3]}], "version": "2.1.0"}"#)
        try reader.beginObject()
        _ = try reader.nextKey(in: .init(["runs"]))
        try reader.beginArray()
        try reader.finish()

        var broken = makeReader(#"{"runs": [{"results": [1, 2, 3]}], "version": "2.1.0",}"#)
        try broken.beginObject()
        _ = try broken.nextKey(in: .init(["runs"]))
        expectJSONError(.unexpectedByte(0x7D, at(54), expected: "a string key after ','")) { () throws(JSONError) in
            try broken.finish()
        }
    }

    @Test("Reading the wrong kind is a typeMismatch at the value's position")
    func typeMismatch() throws {
        var reader = makeReader("{\n  \"count\": \"12\"\n}")
        try reader.beginObject()
        _ = try reader.nextKey(in: .init(["count"]))
        expectJSONError(.typeMismatch(expected: .number, found: .string, JSONPosition(offset: 13, line: 2, column: 12)))
        {
            () throws(JSONError) in _ = try reader.readInt64()
        }
        var array = makeReader("[1]")
        expectJSONError(.typeMismatch(expected: .object, found: .array, at(0))) { () throws(JSONError) in
            try array.beginObject()
        }
    }

    @Test(
        "Strings decode escapes, surrogate pairs, raw UTF-8, and lone surrogates as U+FFFD", arguments: jsonChunkSizes)
    func stringDecoding(chunk: Int) throws {
        let text = #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d\ud83d\ude00", "é中😀", "x\ud800y", "\udc00", "\ud800\u0041"]"#
        var reader = makeReader(text, chunk: chunk)
        var strings: [String] = []
        try reader.beginArray()
        while try reader.nextElement() { strings.append(try reader.readString()) }
        try reader.finish()
        #expect(strings == ["a\"b\\c/d\u{8}\u{C}\n\r\t", "é中😀", "é中😀", "x\u{FFFD}y", "\u{FFFD}", "\u{FFFD}A"])
    }

    @Test(
        "readStringPrefix keeps at most maxBytes, cut on a scalar boundary, and consumes the whole string",
        arguments: jsonChunkSizes)
    func stringPrefix(chunk: Int) throws {
        var reader = makeReader(#"["abcdef", "aé中😀z", "short", "\u00e9\u00e9"]"#, chunk: chunk)
        try reader.beginArray()
        _ = try reader.nextElement()
        #expect(try reader.readStringPrefix(maxBytes: 3) == ("abc", true))
        _ = try reader.nextElement()
        #expect(try reader.readStringPrefix(maxBytes: 5) == ("aé", true))
        _ = try reader.nextElement()
        #expect(try reader.readStringPrefix(maxBytes: 5) == ("short", false))
        _ = try reader.nextElement()
        #expect(try reader.readStringPrefix(maxBytes: 3) == ("é", true))
        #expect(try reader.nextElement() == false)
        try reader.finish()
    }

    @Test("readValue keeps member order, duplicates and every node's position")
    func readValueTree() throws {
        let node = try parseDocument(Array("{\n  \"a\": [true, null],\n  \"a\": -1.50\n}".utf8))
        var numberReader = makeReader("-1.50")
        let number = try numberReader.readNumber()
        let expected = JSONNode(
            value: .object([
                JSONMember(
                    key: "a", keyPosition: JSONPosition(offset: 4, line: 2, column: 3),
                    node: JSONNode(
                        value: .array([
                            JSONNode(value: .bool(true), position: JSONPosition(offset: 10, line: 2, column: 9)),
                            JSONNode(value: .null, position: JSONPosition(offset: 16, line: 2, column: 15)),
                        ]), position: JSONPosition(offset: 9, line: 2, column: 8))),
                JSONMember(
                    key: "a", keyPosition: JSONPosition(offset: 25, line: 3, column: 3),
                    node: JSONNode(
                        value: .number(number),
                        position: JSONPosition(offset: 30, line: 3, column: 8))),
            ]), position: at(0))
        #expect(node == expected)
    }

    @Test("A byte order mark is skipped and not counted in columns")
    func byteOrderMark() throws {
        var reader = makeReader([0xEF, 0xBB, 0xBF] + Array("[1, x]".utf8))
        try reader.beginArray()
        _ = try reader.nextElement()
        _ = try reader.readInt64()
        expectJSONError(.unexpectedByte(0x78, JSONPosition(offset: 7, line: 1, column: 5), expected: "a value")) {
            () throws(JSONError) in
            _ = try reader.nextElement(); try reader.skipValue()
        }
    }

    @Test("allowTrailingContent lets finish ignore what follows, and a second top-level value can be read")
    func trailingContent() throws {
        let options = JSONReaderOptions(allowTrailingContent: true)
        var reader = makeReader("{\"a\": 1}\n{\"a\": 2} garbage", options: options)
        _ = try reader.readValue()
        _ = try reader.readValue()
        try reader.finish()
        expectJSONError(.trailingContent(JSONPosition(offset: 9, line: 2, column: 1))) { () throws(JSONError) in
            try skipDocument(Array("{\"a\": 1}\n{\"a\": 2}".utf8))
        }
    }

    @Test(
        "A key of the caller's set repeated in one object is refused, wherever the chunks split it",
        arguments: jsonChunkSizes)
    func repeatedKnownKey(chunk: Int) throws {
        func keys(_ text: String) throws(JSONError) -> [Int] {
            var reader = makeReader(text, chunk: chunk)
            var found: [Int] = []
            try reader.beginObject()
            while let key = try reader.nextKey(in: resultKeys) {
                found.append(key)
                if key == 2 {
                    try reader.beginObject()
                    while let inner = try reader.nextKey(in: resultKeys) { found.append(inner) }
                }
            }
            try reader.finish()
            return found
        }
        expectJSONError(.duplicateKey("level", at(19))) { () throws(JSONError) in
            _ = try keys(#"{"level": "error", "level": "note"}"#)
        }
        // An escaped spelling of the same key, on another line.
        do {
            _ = try keys("{\"ruleId\": 1,\n\"x\": 0,\n\"r\\u0075leId\": 2}")
            Issue.record("a repeated key was accepted")
        } catch {
            guard case .duplicateKey("ruleId", let at) = error else { throw error }
            #expect(at.line == 3 && at.column == 1)
        }
        // Unknown keys are skipped, never read, so they may repeat; each object has its own keys.
        #expect(
            try keys(#"{"x": 1, "x": 2, "level": 1, "message": {"level": 2, "ruleId": 3}, "ruleId": 4}"#) == [
                -1, -1, 1, 2, 1, 0, 0,
            ])
    }

    @Test("Error descriptions say where, what, and the likely cause")
    func descriptions() {
        let trailing = JSONError.unexpectedByte(
            0x5D, JSONPosition(offset: 25, line: 3, column: 14), expected: "a value after ','")
        #expect(trailing.description.contains("line 3, column 14"))
        #expect(trailing.description.contains("trailing comma"))
        let missingComma = JSONError.unexpectedByte(0x22, at(7), expected: "',' or '}'")
        #expect(missingComma.description.contains("comma is probably missing"))
        #expect(JSONError.unexpectedEnd(at(9), expected: "a value").description.contains("truncated"))
        #expect(
            JSONError.unexpectedByte(0x27, at(1), expected: "a string key or '}'").description.contains("double quotes")
        )
        #expect(JSONError.empty.position == nil)
        #expect(JSONError.tooDeep(limit: 256, at(300)).position == at(300))
    }
}
