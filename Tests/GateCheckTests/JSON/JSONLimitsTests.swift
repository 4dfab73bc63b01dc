import Testing

@_spi(Internals) @testable import GateCheck

@Suite("JSON limits")
struct JSONLimitsTests {
    private let deepArrays = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)

    @Test("100,000 nested arrays are tooDeep at level 257, quickly, when skipped", arguments: jsonChunkSizes)
    func deepNestingSkipped(chunk: Int) {
        let started = ContinuousClock.now
        expectJSONError(.tooDeep(limit: 256, at(256))) { () throws(JSONError) in
            try skipDocument(deepArrays, chunk: chunk)
        }
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test("100,000 nested arrays are tooDeep at level 257 when materialised", arguments: jsonChunkSizes)
    func deepNestingRead(chunk: Int) {
        expectJSONError(.tooDeep(limit: 256, at(256))) { () throws(JSONError) in
            _ = try parseDocument(deepArrays, chunk: chunk)
        }
    }

    @Test("Objects count towards the depth limit like arrays, and 256 levels are fine")
    func depthBoundary() throws {
        let objects = Array(String(repeating: #"{"a":"#, count: 100_000).utf8)
        expectJSONError(.tooDeep(limit: 256, at(256 * 5))) { () throws(JSONError) in _ = try parseDocument(objects) }
        let exactly = Array((String(repeating: "[", count: 256) + String(repeating: "]", count: 256)).utf8)
        _ = try parseDocument(exactly)
        try skipDocument(exactly)
        let tooMany = Array((String(repeating: "[", count: 257) + String(repeating: "]", count: 257)).utf8)
        expectJSONError(.tooDeep(limit: 256, at(256))) { () throws(JSONError) in try skipDocument(tooMany) }
    }

    @Test("Skipping is iterative: 100,000 levels are skipped when the limit allows it")
    func skippingDoesNotRecurse() throws {
        let document = Array(
            (String(repeating: "[{\"k\":", count: 50_000) + "0" + String(repeating: "}]", count: 50_000)).utf8)
        let options = JSONReaderOptions(maxDepth: 200_000)
        #expect(try skipDocument(document, chunk: 4096, options: options) == document.count)
    }

    @Test("A 50 MB string is skipped in constant memory, validating escapes and UTF-8 on the way")
    func hugeStringSkipped() throws {
        let source = GeneratedSource(
            prefix: "[\"", pattern: "abcdefghij\\n\\u00e9é中😀 ", bodyCount: 50_000_000, suffix: "\", 1]")
        var reader = JSONReader(source)
        try reader.skipValue()
        try reader.finish()
        #expect(reader.position.offset == 50_000_007)
        // What the reader holds, not the process's resident memory, which other suites running in parallel move.
        #expect(reader.scanner.retainedBytes < 256 << 10, "the reader holds \(reader.scanner.retainedBytes) bytes")
    }

    @Test("A 50 MB string is cut by readStringPrefix in constant memory and is stringTooLong for readString")
    func hugeStringMaterialised() throws {
        let source = GeneratedSource(prefix: "[\"", pattern: "0123456789é", bodyCount: 50_000_000, suffix: "\"]")
        var reader = JSONReader(source)
        try reader.beginArray()
        _ = try reader.nextElement()
        let (prefix, truncated) = try reader.readStringPrefix(maxBytes: 12)
        #expect(prefix == "0123456789é" && truncated)
        #expect(try reader.nextElement() == false)

        var strict = JSONReader(source, options: JSONReaderOptions(maxStringBytes: 1000))
        try strict.beginArray()
        _ = try strict.nextElement()
        expectJSONError(.stringTooLong(limit: 1000, at(1))) { () throws(JSONError) in _ = try strict.readString() }
    }

    @Test("Keys longer than maxStringBytes are stringTooLong, however they are split", arguments: jsonChunkSizes)
    func longKeys(chunk: Int) {
        let document = Array(#"{"abcdefghijk": 1}"#.utf8)
        let options = JSONReaderOptions(maxStringBytes: 10)
        expectJSONError(.stringTooLong(limit: 10, at(1))) { () throws(JSONError) in
            _ = try parseDocument(document, chunk: chunk, options: options)
        }
        let escaped = Array(#"{"abcdefghij\u006b": 1}"#.utf8)
        expectJSONError(.stringTooLong(limit: 10, at(1))) { () throws(JSONError) in
            _ = try parseDocument(escaped, chunk: chunk, options: options)
        }
    }

    @Test("A failing byte source surfaces as JSONError.source")
    func sourceFailure() {
        struct FailingSource: ByteSource {
            mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
                throw ByteSourceError("disk on fire")
            }
        }
        var reader = JSONReader(FailingSource())
        expectJSONError(.source(ByteSourceError("disk on fire"))) { () throws(JSONError) in try reader.skipValue() }
        #expect(JSONError.source(ByteSourceError("disk on fire")).description.contains("disk on fire"))
    }
}
