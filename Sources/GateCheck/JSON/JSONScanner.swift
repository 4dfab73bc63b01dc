/// The fixed-size chunk buffer a ``JSONScanner`` reads into; a class so the scanner can own raw memory.
///
/// Copies of a reader share the chunk until one of them refills it (copy on write, see
/// ``JSONScanner/makeChunkUnique()``).
final class JSONChunk {
    /// The first byte of the buffer.
    let base: UnsafeMutablePointer<UInt8>
    /// The buffer's size in bytes.
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
        base.initialize(repeating: 0, count: capacity)
    }

    /// A new chunk with the same bytes.
    func copy() -> JSONChunk {
        let copy = JSONChunk(capacity: capacity)
        copy.base.update(from: base, count: capacity)
        return copy
    }

    deinit {
        base.deallocate()
    }
}

/// The container a ``JSONScanner`` is inside.
enum JSONContainer: UInt8 {
    case object, array
}

/// Where the scanner stands in the innermost container (or at the top level).
enum JSONScanState: UInt8 {
    /// Just after `{` or `[`: a first member/element or the closing bracket comes next.
    case first
    /// After a key and `:`, after `nextElement()` returned true, or before the top-level value.
    case needValue
    /// After a complete value: `,` or the closing bracket comes next (or, at the top level, the end).
    case afterValue
}

/// The non-generic engine behind ``JSONReader``: the chunk buffer, position tracking, the container stack and
/// every scanning routine.
///
/// Keeping it non-generic lets the hot loops compile to the same code whatever the byte source, even when a caller
/// in another module uses the reader without specialisation; the source is only touched on refill.
struct JSONScanner {
    /// The chunk size: large enough that refills are rare, small enough to stay in L2 cache.
    static let chunkCapacity = 64 * 1024
    /// The longest number literal that is materialised (skipping has no limit).
    static let maxNumberBytes = 4096
    /// How many non-finite number positions are recorded, so that memory stays bounded.
    static let maxNonFinitePositions = 1000

    var source: any ByteSource
    let options: JSONReaderOptions
    var chunk: JSONChunk
    /// The index in the chunk of the next unread byte.
    var pos = 0
    /// The index in the chunk just after the last valid byte.
    var end = 0
    /// The document offset of the chunk's first byte.
    var chunkOffset = 0
    /// Whether the source has reported its end.
    var atEnd = false
    var line = 1
    /// The document offset of the first byte of the current line.
    var lineStart = 0
    var checkedBOM = false
    var stack: [JSONContainer] = []
    /// For each open container, a bit for each key of the caller's ``JSONKeySet`` already seen (objects only), so
    /// that a repeated key is refused.
    var seenKeys: [UInt64] = []
    var state = JSONScanState.needValue
    /// The decoded bytes of the last string or number read.
    var scratch: [UInt8] = []
    /// The decoded bytes of the last key, unless they are still in the chunk (see `keyStart`).
    var keyBytes: [UInt8] = []
    /// Where the last key's bytes are in the chunk, or -1 when they are in `keyBytes`.
    ///
    /// A plain key is matched where it lies, without a copy; a refill copies it to `keyBytes` before overwriting it.
    var keyStart = -1
    var keyCount = 0
    var keyPosition = JSONPosition(offset: 0, line: 1, column: 1)
    var nonFiniteNumbersSeen: [JSONPosition] = []

    init(source: any ByteSource, options: JSONReaderOptions) {
        self.source = source
        self.options = options
        chunk = JSONChunk(capacity: Self.chunkCapacity)
        stack.reserveCapacity(64)
        seenKeys.reserveCapacity(64)
        scratch.reserveCapacity(256)
        keyBytes.reserveCapacity(64)
    }

    /// The position of the next unread byte.
    var position: JSONPosition { at(pos) }

    /// The bytes the scanner holds on to (chunk, scratch and key buffers, container stack): what tests check to
    /// prove that memory does not grow with the document.
    var retainedBytes: Int {
        chunk.capacity + scratch.capacity + keyBytes.capacity + stack.capacity + seenKeys.capacity * 8
    }

    /// The position of the byte at `index` in the chunk (on the current line).
    func at(_ index: Int) -> JSONPosition {
        let offset = chunkOffset + index
        return JSONPosition(offset: offset, line: line, column: offset - lineStart + 1)
    }

    // MARK: - Refilling

    /// Replaces the consumed chunk with the next bytes from the source; `false` at the end of the input.
    ///
    /// Only call this when every byte of the chunk is consumed (`pos == end`).
    mutating func refill() throws(JSONError) -> Bool {
        if atEnd { return false }
        if keyStart >= 0 { preserveKey() }
        makeChunkUnique()
        chunkOffset += end
        pos = 0
        end = 0
        end = try readSource(at: 0)
        return end > 0
    }

    /// Makes at least `count` unread bytes available (moving the unread tail to the front of the chunk);
    /// `false` when the input ends first, in which case every remaining byte is in the chunk.
    mutating func ensure(_ count: Int) throws(JSONError) -> Bool {
        if end - pos >= count { return true }
        if atEnd { return false }
        makeChunkUnique()
        if pos > 0 {
            if keyStart >= 0 { preserveKey() }
            let kept = end - pos
            UnsafeMutableRawPointer(chunk.base).copyMemory(from: chunk.base + pos, byteCount: kept)
            chunkOffset += pos
            end = kept
            pos = 0
        }
        while end - pos < count {
            let count = try readSource(at: end)
            if count == 0 { return false }
            end += count
        }
        return true
    }

    /// Copies the last key from the chunk to `keyBytes`, before the chunk is overwritten.
    private mutating func preserveKey() {
        keyBytes.replaceSubrange(
            0..<keyBytes.count, with: UnsafeBufferPointer(start: chunk.base + keyStart, count: keyCount))
        keyStart = -1
    }

    /// Gives this scanner its own chunk before writing to it, when a copy of the reader shares it.
    mutating func makeChunkUnique() {
        if !isKnownUniquelyReferenced(&chunk) { chunk = chunk.copy() }
    }

    private mutating func readSource(at index: Int) throws(JSONError) -> Int {
        let room = chunk.capacity - index
        let count: Int
        do {
            count = try source.read(into: UnsafeMutableRawBufferPointer(start: chunk.base + index, count: room))
        } catch {
            throw .source(error)
        }
        guard count >= 0 && count <= room else {
            throw .source(ByteSourceError("The byte source returned \(count) for a buffer of \(room) bytes."))
        }
        if count == 0 { atEnd = true }
        return count
    }

    // MARK: - Whitespace

    /// Skips whitespace and returns the next byte without consuming it, or `nil` at the end of the input.
    @inline(__always)
    mutating func nextNonWhitespace() throws(JSONError) -> UInt8? {
        if pos < end {
            let byte = chunk.base[pos]
            if byte > 0x20 { return byte }
            // One space before the value, as after `": "` in every indented report.
            if byte == 0x20, pos + 1 < end, chunk.base[pos + 1] > 0x20 {
                pos += 1
                return chunk.base[pos]
            }
        }
        return try skipWhitespace()
    }

    /// The slow path of ``nextNonWhitespace()``: counts lines, refills, and drops a leading byte order mark.
    mutating func skipWhitespace() throws(JSONError) -> UInt8? {
        if !checkedBOM { try skipByteOrderMark() }
        while true {
            let bytes = chunk.base
            var index = pos
            while index < end {
                let byte = bytes[index]
                if byte == 0x20 {
                    // A run of spaces (indentation, or one after a colon) eight bytes at a time: the count of
                    // leading spaces in a word is its first non-space byte's position.
                    guard index + 8 <= end else {
                        index += 1
                        continue
                    }
                    let word = UInt64(littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
                    let others = word ^ 0x2020_2020_2020_2020
                    index += others == 0 ? 8 : others.trailingZeroBitCount >> 3
                } else if byte == 0x0A {
                    index += 1
                    line += 1
                    lineStart = chunkOffset + index
                } else if byte == 0x09 || byte == 0x0D {
                    index += 1
                } else {
                    pos = index
                    return byte
                }
            }
            pos = index
            guard try refill() else { return nil }
        }
    }

    private mutating func skipByteOrderMark() throws(JSONError) {
        checkedBOM = true
        guard chunkOffset + pos == 0 else { return }
        _ = try ensure(3)
        let bytes = chunk.base
        if end - pos >= 3 && bytes[pos] == 0xEF && bytes[pos + 1] == 0xBB && bytes[pos + 2] == 0xBF {
            pos += 3
            lineStart = 3
        }
    }
}
