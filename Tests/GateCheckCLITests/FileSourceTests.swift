import Foundation
@_spi(Internals) import GateCheck
import Testing

@testable import GateCheckCLI

/// ``FileSource`` gives a file's bytes exactly, in order, whether it reads directly or, for a large file, through
/// ``ReadAhead``'s second thread; peeked bytes come first, a rewind starts over, and a source dropped half-way
/// stops its thread (the test would hang otherwise).
struct FileSourceTests {
    /// Deterministic bytes that are not periodic in the buffer sizes.
    static func content(_ count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    static func file(_ bytes: [UInt8]) throws -> String {
        let directory = try OutputCommandTests.temporaryDirectory()
        let path = directory.appendingPathComponent("input.bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    static func readAll(_ source: FileSource, chunk: Int, limit: Int = .max) throws -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        while result.count < limit {
            let count = try buffer.withUnsafeMutableBytes { raw in try source.read(into: raw) }
            if count == 0 { break }
            result += buffer[0..<count]
        }
        return result
    }

    @Test(
        "every byte in order, in any chunk size, below and above the read-ahead threshold",
        arguments: [1000, FileSource.readAheadThreshold + ReadAhead.bufferSize * 2 + 12_345])
    func bytesInOrder(size: Int) throws {
        let bytes = Self.content(size)
        let path = try Self.file(bytes)
        defer { Self.remove(path) }
        for chunk in [7, 4096, 256 * 1024, 3 << 20] {
            let source = try FileSource(path: path, readAhead: chunk != 4096)
            let peeked = try source.peek(100)
            #expect(peeked.bytes == Array(bytes.prefix(100)))
            #expect(try Self.readAll(source, chunk: chunk) == bytes, "chunk \(chunk)")
            var buffer = [UInt8](repeating: 0, count: 16)
            #expect(try buffer.withUnsafeMutableBytes { try source.read(into: $0) } == 0, "the end stays the end")
        }
    }

    @Test("a rewind half-way starts over; a source dropped half-way stops its reading thread")
    func rewindAndDrop() throws {
        let bytes = Self.content(FileSource.readAheadThreshold * 2 + 999)
        let path = try Self.file(bytes)
        defer { Self.remove(path) }
        let source = try FileSource(path: path, readAhead: true)
        let head = try Self.readAll(source, chunk: 65_536, limit: 5 << 20)
        #expect(head == Array(bytes.prefix(head.count)))
        try source.rewind()
        #expect(try Self.readAll(source, chunk: 100_000) == bytes)
        for _ in 0..<20 {
            let dropped = try FileSource(path: path, readAhead: true)
            _ = try Self.readAll(dropped, chunk: 65_536, limit: 1 << 20)
        }
    }
}
