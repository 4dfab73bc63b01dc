@_spi(Internals) import GateCheck
import Testing

/// The chunk sizes every table-driven JSON test runs with: byte by byte, tiny, odd, and a normal read size.
let jsonChunkSizes = [1, 2, 7, 4096]

/// A named JSON document for `@Test(arguments:)` tables.
struct JSONCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]

    init(_ name: String, _ text: String) {
        self.name = name
        bytes = Array(text.utf8)
    }

    init(_ name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    var testDescription: String { name }
}

/// A JSON document that must fail, with the exact error.
struct JSONFailure: Sendable, CustomTestStringConvertible {
    var document: JSONCase
    var error: JSONError

    init(_ name: String, _ text: String, _ error: JSONError) {
        document = JSONCase(name, text)
        self.error = error
    }

    init(_ name: String, bytes: [UInt8], _ error: JSONError) {
        document = JSONCase(name, bytes: bytes)
        self.error = error
    }

    var testDescription: String { document.name }
}

/// A position on line 1, where the column is the offset plus one.
func at(_ offset: Int) -> JSONPosition {
    JSONPosition(offset: offset, line: 1, column: offset + 1)
}

/// A reader over `bytes` handing out `chunk` bytes per read.
func makeReader(_ bytes: [UInt8], chunk: Int = .max, options: JSONReaderOptions = .init()) -> JSONReader<BytesSource> {
    JSONReader(BytesSource(bytes, chunkSize: chunk), options: options)
}

/// A reader over the UTF-8 of `text`.
func makeReader(_ text: String, chunk: Int = .max, options: JSONReaderOptions = .init()) -> JSONReader<BytesSource> {
    makeReader(Array(text.utf8), chunk: chunk, options: options)
}

/// Reads the whole document with `readValue()` and `finish()`.
func parseDocument(
    _ bytes: [UInt8], chunk: Int = .max, options: JSONReaderOptions = .init()
) throws(JSONError) -> JSONNode {
    var reader = makeReader(bytes, chunk: chunk, options: options)
    let node = try reader.readValue()
    try reader.finish()
    return node
}

/// Skips the whole document with `skipValue()` and `finish()`; returns the offset just after the value.
@discardableResult
func skipDocument(_ bytes: [UInt8], chunk: Int = .max, options: JSONReaderOptions = .init()) throws(JSONError) -> Int {
    var reader = makeReader(bytes, chunk: chunk, options: options)
    try reader.skipValue()
    let offset = reader.position.offset
    try reader.finish()
    return offset
}

/// Whether the first error thrown by `body` equals `expected` (records an issue showing the actual error if not).
func expectJSONError(
    _ expected: JSONError, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(JSONError) -> Void
) {
    do {
        try body()
        Issue.record("expected \(expected) but nothing was thrown", sourceLocation: sourceLocation)
    } catch {
        #expect(error == expected, sourceLocation: sourceLocation)
    }
}

/// A byte source that produces `prefix`, then `pattern` repeated to `bodyCount` bytes, then `suffix`, on the fly,
/// so tests can feed huge documents without holding them in memory.
struct GeneratedSource: ByteSource {
    var prefix: [UInt8]
    var pattern: [UInt8]
    var bodyCount: Int
    var suffix: [UInt8]
    /// Called on every read with the number of bytes produced so far (for example to sample memory use).
    var onRead: (Int) -> Void = { _ in }
    /// When set, each repetition of the pattern has its own number written in decimal over `digits` bytes from
    /// byte `at` of the pattern (the first repetition 0), so that generated records can have distinct ids.
    var numbering: (at: Int, digits: Int)?
    private(set) var offset = 0

    init(prefix: String, pattern: String, bodyCount: Int, suffix: String) {
        self.prefix = Array(prefix.utf8)
        self.pattern = Array(pattern.utf8)
        self.bodyCount = bodyCount
        self.suffix = Array(suffix.utf8)
    }

    /// The pattern of repetition `index`, with its number written in when ``numbering`` is set.
    private func numbered(_ index: Int) -> [UInt8] {
        guard let (at, digits) = numbering else { return pattern }
        var bytes = pattern
        var rest = index
        for position in stride(from: at + digits - 1, through: at, by: -1) {
            bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return bytes
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        onRead(offset)
        var written = 0
        while written < buffer.count {
            let (bytes, index) =
                if offset < prefix.count {
                    (prefix, offset)
                } else if offset < prefix.count + bodyCount {
                    (numbered((offset - prefix.count) / pattern.count), (offset - prefix.count) % pattern.count)
                } else if offset < prefix.count + bodyCount + suffix.count {
                    (suffix, offset - prefix.count - bodyCount)
                } else {
                    ([UInt8](), 0)
                }
            var count = min(bytes.count - index, buffer.count - written)
            if offset >= prefix.count && offset < prefix.count + bodyCount {
                count = min(count, prefix.count + bodyCount - offset)
            }
            guard count > 0 else { break }
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(rebasing: buffer[written..<(written + count)])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[index..<(index + count)]))
            }
            written += count
            offset += count
        }
        return written
    }
}

/// SplitMix64: a small seeded generator so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
