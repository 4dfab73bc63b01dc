/// A source whose first bytes were read for detection and are handed to the parser again before the rest: a source
/// that cannot be opened twice (a pipe) is read once.
struct PeekingSource: ByteSource {
    private var base: any ByteSource
    private var replay: [UInt8]
    private var offset = 0

    fileprivate init(base: any ByteSource, replay: [UInt8]) {
        self.base = base
        self.replay = replay
    }

    /// Opens `base` for reading with its first `count` bytes peeked: the bytes, whether they are the whole input, and
    /// the source that replays them.
    static func peek(
        _ base: any ByteSource, count: Int
    ) throws(ByteSourceError) -> (source: PeekingSource, bytes: [UInt8], isWhole: Bool) {
        var base = base
        let bytes: [UInt8]
        var filled = 0
        var ended = false
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { buffer.deallocate() }
        while filled < count {
            let got = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if got == 0 {
                ended = true
                break
            }
            filled += got
        }
        bytes = Array(buffer[0..<filled])
        return (PeekingSource(base: base, replay: bytes), bytes, ended)
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        guard offset < replay.count else { return try base.read(into: buffer) }
        let count = min(buffer.count, replay.count - offset)
        replay.withUnsafeBytes { bytes in
            UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
        }
        offset += count
        if offset == replay.count {
            replay = []
            offset = 0
        }
        return count
    }

    var isRewindable: Bool { base.isRewindable }

    mutating func rewind() throws(ByteSourceError) {
        try base.rewind()
        replay = []
        offset = 0
    }
}

extension PeekingSource {
    /// A source with nothing peeked.
    static func plain(_ base: any ByteSource) -> PeekingSource {
        PeekingSource(base: base, replay: [])
    }
}
