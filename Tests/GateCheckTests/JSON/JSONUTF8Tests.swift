@_spi(Internals) import GateCheck
import Testing

/// Byte sequences at the edges of well-formed UTF-8 (Unicode Table 3-7), and whether they are valid.
private let sequences: [(bytes: [UInt8], valid: Bool)] = [
    ([0xC2, 0x80], true), ([0xDF, 0xBF], true), ([0xE0, 0xA0, 0x80], true), ([0xED, 0x9F, 0xBF], true),
    ([0xEE, 0x80, 0x80], true), ([0xEF, 0xBF, 0xBF], true), ([0xF0, 0x90, 0x80, 0x80], true),
    ([0xF4, 0x8F, 0xBF, 0xBF], true), ([0xF3, 0xBF, 0xBF, 0xBF], true),
    ([0xC0, 0x80], false), ([0xC1, 0xBF], false), ([0xE0, 0x80, 0x80], false), ([0xE0, 0x9F, 0xBF], false),
    ([0xED, 0xA0, 0x80], false), ([0xED, 0xBF, 0xBF], false), ([0xF0, 0x80, 0x80, 0x80], false),
    ([0xF0, 0x8F, 0xBF, 0xBF], false), ([0xF4, 0x90, 0x80, 0x80], false), ([0xF5, 0x80, 0x80, 0x80], false),
    ([0xFF], false), ([0x80], false), ([0xBF, 0x41], false), ([0xC3, 0x41], false), ([0xE2, 0x82, 0x41], false),
    ([0xF0, 0x9F, 0x98, 0x41], false), ([0xE2, 0x41, 0x82], false), ([0xC3, 0xA9, 0x80], false),
]

/// A one-string document with `bytes` between padding, so the fast path has lookahead on both sides.
private func document(_ bytes: [UInt8], padding: Int = 16) -> [UInt8] {
    let pad = [UInt8](repeating: UInt8(ascii: "a"), count: padding)
    return [UInt8(ascii: "[")] + [UInt8(ascii: "\"")] + pad + Array("é中".utf8) + bytes + Array("😀".utf8) + pad
        + Array("\"]".utf8)
}

@Suite("JSON UTF-8 validation")
struct JSONUTF8Tests {
    @Test(
        "Edge sequences are accepted or rejected at their lead byte, mid-string and at the end of the input",
        arguments: sequences.indices, [0, 16])
    func edgeSequences(index: Int, padding: Int) throws {
        let (bytes, valid) = sequences[index]
        let text = document(bytes, padding: padding)
        let lead = JSONPosition(offset: 2 + padding + 5, line: 1, column: 2 + padding + 5 + 1)
        for chunk in jsonChunkSizes {
            if valid {
                let node = try parseDocument(text, chunk: chunk)
                let expected = String(decoding: text.dropFirst(2).dropLast(2), as: UTF8.self)
                #expect(node.value == .array([JSONNode(value: .string(expected), position: at(1))]))
                try skipDocument(text, chunk: chunk)
            } else {
                let badOffset = bytes.count > 1 && bytes[0] == 0xC3 && bytes[1] == 0xA9 ? 2 : 0
                let error = JSONError.invalidUTF8(
                    JSONPosition(offset: lead.offset + badOffset, line: 1, column: lead.column + badOffset))
                expectJSONError(error) { () throws(JSONError) in _ = try parseDocument(text, chunk: chunk) }
                expectJSONError(error) { () throws(JSONError) in try skipDocument(text, chunk: chunk) }
            }
        }
    }

    @Test("Random high bytes inside a string are accepted exactly when the standard library finds valid UTF-8")
    func agreesWithStandardLibrary() throws {
        var random = SeededGenerator(seed: 7)
        let interesting: [UInt8] = [
            0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
        ]
        var accepted = 0
        for _ in 0..<3000 {
            let count = Int.random(in: 1...12, using: &random)
            var bytes = (0..<count).map { _ in PlainJSON.pick(interesting, using: &random) }
            if Bool.random(using: &random) {
                // Half the cases: well-formed text, possibly with one damaged byte.
                let scalars = (0..<count).compactMap { _ in
                    Unicode.Scalar(UInt32.random(in: 0x80...0x10FFFF, using: &random))
                }
                bytes = Array(String(String.UnicodeScalarView(scalars)).utf8)
                if !bytes.isEmpty && Bool.random(using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = 0x80
                }
            }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            let text = document(bytes, padding: Int.random(in: 0...6, using: &random))
            let chunk = PlainJSON.pick(jsonChunkSizes, using: &random)
            let skipped = Result { () throws(JSONError) in try skipDocument(text, chunk: chunk) }
            let read = Result { () throws(JSONError) in try parseDocument(text, chunk: chunk) }
            switch (skipped, read) {
            case (.success, .success):
                #expect(valid, "accepted \(bytes)")
                accepted += 1
            case (.failure(.invalidUTF8), .failure(.invalidUTF8)):
                #expect(!valid, "rejected \(bytes)")
            default:
                Issue.record("unexpected outcome for \(bytes): \(skipped), \(read)")
            }
        }
        #expect(accepted > 500)
    }

    @Test(
        "readStringPrefix cuts a long non-ASCII run on a scalar boundary, whatever the chunk size",
        arguments: jsonChunkSizes)
    func prefixOfNonASCIIRun(chunk: Int) throws {
        let text = "[\"" + String(repeating: "é中😀", count: 100) + "\"]"
        for maxBytes in [0, 1, 2, 3, 4, 5, 8, 9, 10, 400, 900, 1000] {
            var reader = makeReader(text, chunk: chunk)
            try reader.beginArray()
            _ = try reader.nextElement()
            let (prefix, truncated) = try reader.readStringPrefix(maxBytes: maxBytes)
            let full = String(repeating: "é中😀", count: 100)
            var expected = ""
            for character in full {
                guard expected.utf8.count + String(character).utf8.count <= maxBytes else { break }
                expected.append(character)
            }
            #expect(prefix == expected, "maxBytes \(maxBytes)")
            #expect(truncated == (maxBytes < full.utf8.count))
            #expect(try reader.nextElement() == false)
        }
    }
}
