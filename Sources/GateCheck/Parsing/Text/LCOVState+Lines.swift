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

extension LCOVState {
    /// Reads complete lines, each ending with a line feed, the first of them line `first` of the tracefile; returns
    /// how many it read.
    ///
    /// Nearly every line of a tracefile is `DA:<line>,<count>` or `BRDA:<line>,<block>,<branch>,<taken>` inside a
    /// record: those are parsed here in place, in one pass over their bytes that also finds their end. Any other
    /// line, and any `DA`/`BRDA` line not in its plain form (a sign, a number of ten digits or more, a field
    /// missing, no record open), goes to ``read(_:at:)`` whole, which accepts or refuses it exactly as before.
    mutating func readLines(_ bytes: UnsafeBufferPointer<UInt8>, first: Int) throws(ReportError) -> Int {
        guard var cursor = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        let end = cursor + bytes.count
        var number = first
        while cursor < end {
            if recordOpen, sawContent, let next = plainLine(cursor, end) {
                cursor = next
            } else {
                let lineFeed = UnsafePointer(
                    memchr(cursor, 0x0A, end - cursor).unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self))
                var contentEnd = lineFeed
                if contentEnd > cursor, contentEnd[-1] == 0x0D { contentEnd -= 1 }
                try read(UnsafeBufferPointer(start: cursor, count: contentEnd - cursor), at: number)
                cursor = lineFeed + 1
            }
            number += 1
        }
        return number - first
    }

    /// A plain `DA:` or `BRDA:` line at `line`, recorded: the start of the next line; `nil`, recording nothing,
    /// for any other line.
    ///
    /// The bytes from `line` to `end` end with a line feed, so every read stops at one before `end`: a test on a
    /// byte that is not a line feed leaves the next byte inside the buffer. (Reading the numbers 8 bytes at a time
    /// was tried: more instructions than this loop for the 1–4 digit numbers of real tracefiles, 224.6 M against
    /// 202.7 M on the 10 MB benchmark input.)
    @inline(__always)
    private mutating func plainLine(_ line: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>?
    {
        if line[0] == UInt8(ascii: "D"), line[1] == UInt8(ascii: "A"), line[2] == UInt8(ascii: ":") {
            return plainLineData(line + 3, end)
        }
        if line[0] == UInt8(ascii: "B"), line[1] == UInt8(ascii: "R"), line[2] == UInt8(ascii: "D"),
            line[3] == UInt8(ascii: "A"), line[4] == UInt8(ascii: ":")
        {
            return plainBranchData(line + 5, end)
        }
        return nil
    }

    /// `<line>,<count>` and an optional `,<checksum>`, then the line feed.
    @inline(__always)
    private mutating func plainLineData(_ value: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        -> UnsafePointer<UInt8>?
    {
        var cursor = value
        guard let line = Self.lineNumber(&cursor), cursor[0] == UInt8(ascii: ",") else { return nil }
        cursor += 1
        let countStart = cursor
        var nonZero: UInt8 = 0
        while true {
            let digit = cursor[0] &- 0x30
            if digit > 9 { break }
            nonZero |= digit
            cursor += 1
        }
        guard cursor > countStart else { return nil }
        let next: UnsafePointer<UInt8>
        switch cursor[0] {
        case 0x0A: next = cursor + 1
        case 0x0D where cursor[1] == 0x0A: next = cursor + 2
        case UInt8(ascii: ","):
            // A checksum (geninfo --checksum): anything up to the line's end.
            let lineFeed = memchr(cursor, 0x0A, end - cursor).unsafelyUnwrapped
            next = UnsafePointer(lineFeed.assumingMemoryBound(to: UInt8.self)) + 1
        default: return nil
        }
        record.recordLine(line, hit: nonZero != 0)
        return next
    }

    /// `<line>,<block>,<branch>,<taken>`: the key is everything between the first and the last comma, as
    /// ``read(_:at:)`` takes it; `<taken>` is a count or `-`.
    @inline(__always)
    private mutating func plainBranchData(_ value: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        -> UnsafePointer<UInt8>?
    {
        var cursor = value
        guard let line = Self.lineNumber(&cursor), cursor[0] == UInt8(ascii: ",") else { return nil }
        let firstComma = cursor
        if let next = numberedBranch(line: line, after: firstComma) { return next }
        var lastComma = cursor
        cursor += 1
        while cursor[0] != 0x0A {
            if cursor[0] == UInt8(ascii: ",") { lastComma = cursor }
            cursor += 1
        }
        let next = cursor + 1
        if cursor[-1] == 0x0D { cursor -= 1 }
        guard lastComma > firstComma, cursor > lastComma + 1 else { return nil }
        var taken = false
        if cursor == lastComma + 2, lastComma[1] == UInt8(ascii: "-") {
            taken = false
        } else {
            var byte = lastComma + 1
            var nonZero: UInt8 = 0
            while byte < cursor {
                let digit = byte[0] &- 0x30
                if digit > 9 { return nil }
                nonZero |= digit
                byte += 1
            }
            taken = nonZero != 0
        }
        record.recordBranch(line: line, key: Self.hash(firstComma + 1, lastComma), taken: taken)
        return next
    }

    /// The common form after a `BRDA:` line's first comma, `<block digits>,<branch digits>,<count or ->` and the
    /// line's end, read and hashed in one pass and recorded; `nil`, recording nothing, for any other form (the
    /// caller then finds the last comma itself).
    @inline(__always)
    private mutating func numberedBranch(line: UInt32, after firstComma: UnsafePointer<UInt8>)
        -> UnsafePointer<UInt8>?
    {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, as ``LCOVState/hash(_:_:)``, over `block,branch`
        var cursor = firstComma + 1
        for field in 0..<2 {
            let start = cursor
            while cursor[0] &- 0x30 <= 9 {
                hash = (hash ^ UInt64(cursor[0])) &* 0x100_0000_01b3
                cursor += 1
            }
            guard cursor > start, cursor[0] == UInt8(ascii: ",") else { return nil }
            if field == 0 { hash = (hash ^ UInt64(UInt8(ascii: ","))) &* 0x100_0000_01b3 }
            cursor += 1
        }
        var taken = false
        if cursor[0] == UInt8(ascii: "-") {
            cursor += 1
        } else {
            let start = cursor
            var nonZero: UInt8 = 0
            while true {
                let digit = cursor[0] &- 0x30
                if digit > 9 { break }
                nonZero |= digit
                cursor += 1
            }
            guard cursor > start else { return nil }
            taken = nonZero != 0
        }
        let next: UnsafePointer<UInt8>
        switch cursor[0] {
        case 0x0A: next = cursor + 1
        case 0x0D where cursor[1] == 0x0A: next = cursor + 2
        default: return nil
        }
        record.recordBranch(line: line, key: hash, taken: taken)
        return next
    }

    /// A line number of one to nine digits, not zero, advancing `cursor` past it; `nil` otherwise (a longer number
    /// goes to the full reader, which takes leading zeros and refuses one beyond `UInt32`).
    @inline(__always)
    private static func lineNumber(_ cursor: inout UnsafePointer<UInt8>) -> UInt32? {
        let start = cursor
        var value: UInt32 = 0
        while cursor - start < 9 {
            let digit = cursor[0] &- 0x30
            if digit > 9 { break }
            value = value &* 10 &+ UInt32(digit)
            cursor += 1
        }
        return cursor > start && value > 0 ? value : nil
    }
}
