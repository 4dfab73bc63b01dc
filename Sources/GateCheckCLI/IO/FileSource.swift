@_spi(Internals) import GateCheck

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file opened for reading, served as a ``ByteSource``; the first bytes can be peeked for detection and are
/// then replayed, so each file is read once.
final class FileSource: ByteSource {
    let path: String
    private let descriptor: Int32
    /// Regular files can be read again from the start.
    let isRegularFile: Bool
    private var replay: [UInt8] = []
    private var replayOffset = 0
    /// Files at least this large are read ahead on a second thread (``ReadAhead``); below it a thread costs more
    /// than it saves.
    static let readAheadThreshold = 4 << 20
    let size: Int
    private let mayReadAhead: Bool
    private var readAhead: ReadAhead?
    /// How many bytes were asked for so far.
    private var consumed = 0

    /// Opens a file; the error is a sentence for the user.
    ///
    /// The file is opened non-blocking, so that a FIFO with no writer cannot hang the run (opening it for reading
    /// would wait for a writer forever); reads then block as usual, and such a FIFO reads as empty.
    /// `readAhead`: whether a large regular file may be read on a second thread (when a core is free for it).
    init(path: String, readAhead: Bool = false) throws(ReportError) {
        self.path = path
        mayReadAhead = readAhead
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(Self.errorText(errno)) }
        var info = stat()
        let isStat = fstat(fd, &info) == 0
        if isStat, info.st_mode & S_IFMT == S_IFDIR {
            close(fd)
            throw .unreadable("it is a directory")
        }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 else {
            let error = Self.errorText(errno)
            close(fd)
            throw .unreadable(error)
        }
        descriptor = fd
        isRegularFile = isStat && info.st_mode & S_IFMT == S_IFREG
        size = isRegularFile ? Int(info.st_size) : 0
    }

    deinit {
        readAhead?.stop()
        close(descriptor)
    }

    /// Reads up to `count` bytes from the start of the file without consuming them.
    func peek(_ count: Int) throws(ReportError) -> (bytes: [UInt8], isWholeFile: Bool) {
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress.map { $0 + filled }, count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(Self.errorText(errno))
            }
            if got == 0 { break }
            filled += got
        }
        buffer.removeSubrange(filled...)
        replay = buffer
        replayOffset = 0
        return (buffer, filled < count)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        if replayOffset < replay.count {
            let count = min(buffer.count, replay.count - replayOffset)
            replay.withUnsafeBytes { bytes in
                UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: bytes[replayOffset..<(replayOffset + count)]))
            }
            replayOffset += count
            if replayOffset == replay.count { replay = [] }
            return count
        }
        // Detection reads the first bytes of every file and most files no further: only a read beyond them (a
        // parse) starts a thread.
        consumed += buffer.count
        if readAhead == nil, mayReadAhead, size >= Self.readAheadThreshold, consumed > ReportDetector.prefixLength {
            readAhead = ReadAhead(descriptor: descriptor)
        }
        if let readAhead { return try readAhead.read(into: buffer) }
        while true {
            let got = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if got >= 0 { return got }
            if errno != EINTR { throw ByteSourceError(Self.errorText(errno)) }
        }
    }

    func rewind() throws(ByteSourceError) {
        readAhead?.stop()
        readAhead = nil
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw ByteSourceError(Self.errorText(errno)) }
        replay = []
        replayOffset = 0
    }

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// `ByteSource` is used through a class reference here; a struct wrapper gives parsers their `inout` value.
struct FileSourceReference: ByteSource {
    let file: FileSource

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        try file.read(into: buffer)
    }

    var isRewindable: Bool { file.isRegularFile }

    mutating func rewind() throws(ByteSourceError) {
        try file.rewind()
    }
}
