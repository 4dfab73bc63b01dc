#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a line-oriented text report (LCOV, Go cover profiles) line by line from a ``ByteSource``, in 256 KiB
/// chunks, keeping only the line being read.
///
/// It enforces `limits.max_report_bytes`, skips a UTF-8 byte order mark, decodes UTF-16 with a byte order mark (as
/// the JSON readers do, through ``JSONReportInput``), drops a line's trailing `\r`, and refuses a line longer than
/// ``maxLineBytes`` (no LCOV or Go record comes near it) rather than growing with a hostile line.
///
/// ```swift
/// var lines = TextLines(source, limits: limits)
/// while try lines.next({ bytes, number in print(number, bytes.count) }) != nil {}
/// ```
struct TextLines {
    /// The longest line kept; a longer one is malformed.
    static let maxLineBytes = 64 * 1024
    /// Bytes read from the source per call.
    private static let chunkSize = 256 * 1024

    private let input: JSONReportInput
    private let limits: ParseLimits
    private var chunk: [UInt8]
    private var start = 0
    private var end = 0
    private var carry: [UInt8] = []
    private var atEnd = false
    /// The 1-based number of the line returned last.
    private(set) var lineNumber = 0
    /// Whether the line returned last ended with a newline (the last line of a cut file does not).
    private(set) var lastLineTerminated = true

    /// Starts reading `source` from its current position.
    init(_ source: any ByteSource, limits: ParseLimits) {
        input = JSONReportInput(source, limit: limits.maxReportBytes)
        self.limits = limits
        chunk = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    /// Whether no byte at all was read (an empty file).
    private(set) var sawNothing = true

    /// The next line without its line break, or `nil` at the end of the input; `body` gets the line's bytes (only
    /// while it runs: they live in the reader's buffer) and its 1-based number.
    ///
    /// An error `body` throws for the last line of an input that does not end with a line break becomes
    /// ``ReportError/truncated(at:)``: a cut line is not a wrong value.
    mutating func next<Result>(_ body: (UnsafeBufferPointer<UInt8>, Int) throws(ReportError) -> Result)
        throws(ReportError) -> Result?
    {
        while true {
            if start < end {
                let found = chunk.withUnsafeBufferPointer { buffer -> Int? in
                    guard let base = buffer.baseAddress else { return nil }
                    let pointer = memchr(base + start, 0x0A, end - start)
                    return pointer.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
                }
                if let newline = found {
                    let lineStart = start
                    start = newline + 1
                    lineNumber += 1
                    lastLineTerminated = true
                    if carry.isEmpty {
                        return try chunk.withUnsafeBufferPointer { buffer throws(ReportError) in
                            try body(trimmed(UnsafeBufferPointer(rebasing: buffer[lineStart..<newline])), lineNumber)
                        }
                    }
                    try append(lineStart..<newline)
                    defer { carry.removeAll(keepingCapacity: true) }
                    return try carry.withUnsafeBufferPointer { buffer throws(ReportError) in
                        try body(trimmed(buffer), lineNumber)
                    }
                }
                try append(start..<end)
                start = end
            }
            if atEnd {
                guard !carry.isEmpty else { return nil }
                lineNumber += 1
                lastLineTerminated = false
                defer { carry.removeAll() }
                do {
                    return try carry.withUnsafeBufferPointer { buffer throws(ReportError) in
                        try body(trimmed(buffer), lineNumber)
                    }
                } catch {
                    throw .truncated(at: FilePosition(line: lineNumber))
                }
            }
            try fill()
        }
    }

    /// The next lines, many at a time where they can be; `false` at the end of the input.
    ///
    /// `lines` gets every complete line that lies in the chunk read last (from the first line's start to the last
    /// line's line feed, each line with its line feed and carriage return) and the number of the first, and returns
    /// how many lines it read (the line feeds it was given); the first line of the input, a line that spans chunks
    /// and an unterminated last line go to `line`, one at a time and trimmed, as ``next(_:)`` gives them.
    ///
    /// For readers whose hot loop parses several lines without a call per line (LCOV's).
    mutating func nextLines(
        _ lines: (UnsafeBufferPointer<UInt8>, Int) throws(ReportError) -> Int,
        line: (UnsafeBufferPointer<UInt8>, Int) throws(ReportError) -> Void
    ) throws(ReportError) -> Bool {
        if start < end, carry.isEmpty, lineNumber > 0 {
            var last = end - 1
            let found = chunk.withUnsafeBufferPointer { buffer -> Bool in
                // The last line feed is usually a few bytes from the chunk's end: no call for it.
                while last >= start, buffer[last] != 0x0A { last -= 1 }
                return last >= start
            }
            if found {
                let first = lineNumber + 1
                let blockStart = start
                start = last + 1
                let count = try chunk.withUnsafeBufferPointer { buffer throws(ReportError) in
                    try lines(UnsafeBufferPointer(rebasing: buffer[blockStart...last]), first)
                }
                lineNumber += count
                lastLineTerminated = true
                return true
            }
        }
        return try next(line) != nil
    }

    // MARK: - Private

    /// Keeps part of a line that continues in the next chunk.
    private mutating func append(_ range: Range<Int>) throws(ReportError) {
        guard carry.count + range.count <= Self.maxLineBytes else {
            throw .malformed(
                "line \(lineNumber + 1) is longer than \(Self.maxLineBytes) bytes, which no genuine report line is",
                at: FilePosition(line: lineNumber + 1))
        }
        carry.append(contentsOf: chunk[range])
    }

    private mutating func fill() throws(ReportError) {
        var failure: ByteSourceError?
        let count = chunk.withUnsafeMutableBytes { raw -> Int in
            do throws(ByteSourceError) { return try input.read(into: raw) } catch {
                failure = error
                return 0
            }
        }
        if let failure {
            throw input.exceededLimit ? .tooLarge(limit: limits.maxReportBytes) : .unreadable(failure.message)
        }
        start = 0
        end = count
        if count == 0 {
            atEnd = true
            return
        }
        sawNothing = false
    }

    /// The line without a trailing carriage return, and the first line without a UTF-8 byte order mark.
    private func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var slice = line[...]
        if lineNumber == 1, slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        if slice.last == 0x0D { slice = slice.dropLast() }
        return UnsafeBufferPointer(rebasing: slice)
    }
}
