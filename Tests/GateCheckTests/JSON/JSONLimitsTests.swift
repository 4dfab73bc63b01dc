import GateCheck
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The resident set size of this process in bytes, or `nil` where `/proc` is not available.
private func residentBytes() -> Int? {
    #if os(Linux)
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 127) }
        guard count > 0 else { return nil }
        let fields = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    #else
        return nil
    #endif
}

/// A class so the byte source's read callback can record into it.
private final class PeakMemory {
    var baseline: Int?
    var peak = 0
}

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
        var source = GeneratedSource(
            prefix: "[\"", pattern: "abcdefghij\\n\\u00e9é中😀 ", bodyCount: 50_000_000, suffix: "\", 1]")
        let memory = PeakMemory()
        source.onRead = { _ in
            guard let now = residentBytes() else { return }
            if memory.baseline == nil { memory.baseline = now }
            memory.peak = max(memory.peak, now)
        }
        var reader = JSONReader(source)
        try reader.skipValue()
        try reader.finish()
        #expect(reader.position.offset == 50_000_007)
        if let baseline = memory.baseline {
            #expect(memory.peak - baseline < 16 << 20, "resident memory grew by \(memory.peak - baseline) bytes")
        }
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
