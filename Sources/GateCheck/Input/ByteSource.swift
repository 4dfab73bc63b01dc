/// A report's bytes, delivered in chunks so that no parser needs the whole file in memory.
///
/// The library never opens files itself: the command-line tool wraps a file descriptor, a library user wraps
/// whatever holds the bytes. ``BytesSource`` serves bytes already in memory.
///
/// ```swift
/// var source = BytesSource(Array(xmlText.utf8))
/// let report = try CoberturaParser.parse(&source)
/// ```
///
/// Implementation requirements: `read(into:)` fills at most `buffer.count` bytes, returns how many it wrote, and
/// returns 0 only at the end of the input (and on every later call). A source that can start over (a file, bytes in
/// memory) says so with `isRewindable` and implements `rewind()`; a parser may then read it twice instead of
/// keeping everything it read in memory.
public protocol ByteSource {
    /// Copies the next bytes into `buffer` and returns how many were written; 0 means the input has ended.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int
    /// Whether ``rewind()`` can start the input over.
    var isRewindable: Bool { get }
    /// Starts the input over from its first byte.
    mutating func rewind() throws(ByteSourceError)
}

extension ByteSource {
    /// Sources are not rewindable unless they say so.
    public var isRewindable: Bool { false }

    /// Fails: a source that cannot start over.
    public mutating func rewind() throws(ByteSourceError) {
        throw ByteSourceError("this input cannot be read twice")
    }
}

/// A failure to read a report's bytes (an I/O error, not a format error).
public struct ByteSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in words for the user (for example the `strerror` text of a failed `read`).
    public var message: String

    /// Creates an error with a message for the user.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A ``ByteSource`` over bytes already in memory.
///
/// `chunkSize` limits how many bytes one `read(into:)` returns; tests use small values to prove that parsers
/// handle tokens split across chunk boundaries.
public struct BytesSource: ByteSource, Sendable {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var offset = 0

    /// Creates a source over `bytes`, handing out at most `chunkSize` bytes per read.
    public init(_ bytes: [UInt8], chunkSize: Int = .max) {
        self.bytes = bytes
        self.chunkSize = max(1, chunkSize)
    }

    /// Creates a source over the UTF-8 bytes of `text`.
    public init(_ text: String, chunkSize: Int = .max) {
        self.init(Array(text.utf8), chunkSize: chunkSize)
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        let count = min(buffer.count, chunkSize, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { all in
            UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: all[offset..<(offset + count)]))
        }
        offset += count
        return count
    }

    public var isRewindable: Bool { true }

    public mutating func rewind() throws(ByteSourceError) {
        offset = 0
    }
}
