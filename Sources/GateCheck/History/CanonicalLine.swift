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

/// The fast path of ``HistoryReader``: a line exactly as ``HistoryLine/encoded`` writes it (keys in that order, no
/// spaces, ASCII strings without escapes) is checked and read in one pass over its bytes, with no JSON reader and
/// no string built except the labels and the kept metrics' names.
///
/// Anything else, valid or not, returns `nil` and the line goes through the general JSON reader, which accepts
/// every valid line and names what is wrong with an invalid one; so this path decides nothing the general one would
/// decide differently.
@_spi(Internals) public struct CanonicalLine {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private static let head = Array(#"{"schema":"gatecheck.history/v1","time":""#.utf8)
    private static let labelsKey = Array(#"","labels":{"#.utf8)
    private static let metricsKey = Array(#","metrics":{"#.utf8)
    private static let valueKey = Array(#"{"value":"#.utf8)
    private static let numeratorKey = Array(#","numerator":"#.utf8)
    private static let denominatorKey = Array(#","denominator":"#.utf8)

    /// Reads a line (without its newline); `nil` when it is not in the canonical form.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, state: inout State) -> HistoryLine? {
        if case .line(let line) = outcome(bytes, state: &state) { return line }
        return nil
    }

    /// Reads a line (without its newline): kept, checked and dropped, or not canonical.
    public static func outcome(_ bytes: UnsafeBufferPointer<UInt8>, state: inout State) -> Outcome {
        var scanner = CanonicalLine(bytes: bytes)
        return scanner.line(&state) ?? .notCanonical
    }

    private mutating func line(_ state: inout State) -> Outcome? {
        guard expect(Self.head) else { return nil }
        let timeStart = index
        while index < bytes.count, bytes[index] != 0x22 { index += 1 }
        guard index < bytes.count,
            let nanoseconds = Timestamp.parse(UnsafeBufferPointer(rebasing: bytes[timeStart..<index]))
        else { return nil }
        guard expect(Self.labelsKey) else { return nil }
        let labelsStart = index - 1  // the object, from its opening brace (the end of labelsKey)
        var labels: [String: String] = [:]
        let kept: Bool
        // A recent label object, byte for byte, followed by the metrics key is this line's: a complete object ends
        // where its last brace is (one memcmp; its strings were checked when it was first met).
        if let recent = state.recentLabels.first(where: { startsWith($0.bytes, at: labelsStart) }),
            startsWith(Self.metricsKey, at: labelsStart + recent.bytes.count)
        {
            (labels, kept) = (recent.labels, recent.kept)
            index = labelsStart + recent.bytes.count
        } else {
            if !consume(0x7D) {
                repeat {
                    guard stringRange() != nil, consume(0x3A), stringRange() != nil else { return nil }
                } while consume(0x2C)
                guard consume(0x7D) else { return nil }
            }
            let labelBytes = UnsafeBufferPointer(rebasing: bytes[labelsStart..<index])
            guard let built = Self.labels(labelBytes) else { return nil }
            (labels, kept) = (built, state.keeps(built))
            if state.recentLabels.count == 8 { state.recentLabels.removeFirst() }
            state.recentLabels.append((Array(labelBytes), built, kept))
        }
        guard expect(Self.metricsKey) else { return nil }
        var metrics: [String: MetricValue] = [:]
        var sortKeys: [(name: String, key: SampleOrder.Fraction)] = []
        var seenWanted: UInt64 = 0
        var position = 0
        if !consume(0x7D) {
            repeat {
                guard let (nameRange, wantedIndex) = metricName(at: position, &state), expect(Self.valueKey),
                    let value = number()
                else { return nil }
                position += 1
                var fraction: (Int64, Int64)?
                if expect(Self.numeratorKey) {
                    guard let numerator = integer(), expect(Self.denominatorKey), let denominator = integer(),
                        numerator >= 0, denominator > 0
                    else { return nil }
                    fraction = (numerator, denominator)
                }
                guard consume(0x7D) else { return nil }
                guard wantedIndex >= 0 || state.wanted == nil else { continue }
                // A kept metric twice: the general reader names it.
                if wantedIndex >= 0, wantedIndex < 64 {
                    let bit: UInt64 = 1 << UInt64(wantedIndex)
                    guard seenWanted & bit == 0 else { return nil }
                    seenWanted |= bit
                } else if wantedIndex >= 64, !kept {
                    // Past the bit set, a dropped line's repeats go unseen: the general reader decides.
                    return nil
                }
                if !kept {
                    // Not kept, but checked as a kept line is: a value only `Decimal` can hold must be one.
                    if fraction == nil, !fitsFastPath(value) { guard exact(value) != nil else { return nil } }
                    continue
                }
                let name: String
                if let wanted = state.wanted {
                    name = wanted[wantedIndex].name
                } else {
                    name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameRange]), as: UTF8.self)
                }
                guard metrics[name] == nil else { return nil }
                if let (numerator, denominator) = fraction {
                    metrics[name] = .ratio(numerator: Int(numerator), denominator: Int(denominator))
                    sortKeys.append((name, SampleOrder.Fraction(numerator: numerator, denominator: denominator)))
                } else {
                    guard let (exact, key) = exact(value) else { return nil }
                    metrics[name] = exact
                    if let key { sortKeys.append((name, key)) }
                }
            } while consume(0x2C)
            guard consume(0x7D) else { return nil }
        }
        guard consume(0x7D), index == bytes.count else { return nil }
        guard kept else { return .dropped }
        var line = HistoryLine(time: Timestamp(nanoseconds: nanoseconds), labels: labels, metrics: metrics)
        line.sortKeys = sortKeys
        return .line(line)
    }

    /// A metric's name and its colon: its bytes' range and which kept metric it is (`-1`: none).
    ///
    /// The name the last line had at this position is tried first, with one `memcmp`: it was checked then.
    private mutating func metricName(at position: Int, _ state: inout State) -> (Range<Int>, Int)? {
        if position < state.lastNames.count {
            let cached = state.lastNames[position]
            let start = index
            if expect(cached.token) { return ((start + 1)..<(index - 2), cached.wanted) }
        }
        guard let range = stringRange(), consume(0x3A) else { return nil }
        let nameBytes = UnsafeBufferPointer(rebasing: bytes[range])
        let wanted = state.wanted.map { wanted in wanted.firstIndex { Self.same($0.bytes, nameBytes) } ?? -1 } ?? -1
        let token = Array(UnsafeBufferPointer(rebasing: bytes[(range.lowerBound - 1)..<index]))
        if position < state.lastNames.count {
            state.lastNames[position] = (token, wanted)
        } else if position == state.lastNames.count, position < 64 {
            state.lastNames.append((token, wanted))
        }
        return (range, wanted)
    }

    /// Whether a number's text is one ``exact(_:)`` reads without `Decimal` parsing (no exponent, at most 20
    /// bytes), so that it cannot fail.
    private func fitsFastPath(_ range: Range<Int>) -> Bool {
        range.count <= 20 && !bytes[range].contains { $0 | 0x20 == 0x65 }
    }

    /// The labels object's members (already checked: printable ASCII strings without escapes, no space).
    private static func labels(_ object: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        var scanner = CanonicalLine(bytes: object)
        var labels: [String: String] = [:]
        guard scanner.consume(0x7B) else { return nil }
        if scanner.consume(0x7D) { return labels }
        repeat {
            guard let key = scanner.string(), scanner.consume(0x3A), let value = scanner.string(), labels[key] == nil
            else { return nil }
            labels[key] = value
        } while scanner.consume(0x2C)
        return labels
    }

    /// Whether the bytes at `offset` start with `literal`.
    private func startsWith(_ literal: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, bytes.count - offset >= literal.count, let base = bytes.baseAddress else { return false }
        return literal.withUnsafeBytes { raw in
            raw.baseAddress.map { memcmp(base + offset, $0, literal.count) == 0 } ?? false
        }
    }

    private mutating func expect(_ literal: [UInt8]) -> Bool {
        guard bytes.count - index >= literal.count, let base = bytes.baseAddress else { return false }
        // memcmp compares a word at a time; the literals are 9 to 41 bytes and met several times a line.
        let same = literal.withUnsafeBytes { raw in
            raw.baseAddress.map { memcmp(base + index, $0, literal.count) == 0 } ?? false
        }
        guard same else { return false }
        index += literal.count
        return true
    }

    /// Whether two byte strings are equal.
    ///
    /// The lengths first (most metric names and label objects differ in theirs), then memcmp, a word at a time:
    /// every metric of every line is matched against the kept names, and every line's labels against the recent
    /// ones, where `elementsEqual` went a byte at a time through iterators.
    private static func same(_ known: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard known.count == bytes.count else { return false }
        guard !known.isEmpty, let base = bytes.baseAddress else { return true }
        return known.withUnsafeBytes { raw in raw.baseAddress.map { memcmp($0, base, known.count) == 0 } ?? false }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A string of printable ASCII without escapes; its bytes' range.
    private mutating func stringRange() -> Range<Int>? {
        guard consume(0x22) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                return start..<(index - 1)
            }
            guard byte >= 0x20, byte < 0x7F, byte != 0x5C else { return nil }
            index += 1
        }
        return nil
    }

    private mutating func string() -> String? {
        stringRange().map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
    }

    /// A JSON number by RFC 8259's grammar; its bytes' range.
    private mutating func number() -> Range<Int>? {
        let start = index
        _ = consume(0x2D)
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x30 {
            index += 1
        } else {
            guard digits() else { return nil }
        }
        if consume(0x2E) { guard digits() else { return nil } }
        if index < bytes.count, bytes[index] | 0x20 == 0x65 {
            index += 1
            if !consume(0x2B) { _ = consume(0x2D) }
            guard digits() else { return nil }
        }
        return start..<index
    }

    private mutating func digits() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] &- 0x30 < 10 { index += 1 }
        return index > start
    }

    private mutating func integer() -> Int64? {
        guard let range = number() else { return nil }
        var value: Int64 = 0
        for byte in bytes[range] {
            guard byte &- 0x30 < 10 else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflow, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// The exact value of a number, as the general reader gives it (a whole number as an integer, else a decimal),
    /// with its sort key when its digits fit one.
    private func exact(_ range: Range<Int>) -> (MetricValue, SampleOrder.Fraction?)? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let isWhole = !bytes[range].contains { $0 == 0x2E || $0 | 0x20 == 0x65 }
        if isWhole, let whole = Int64(text) {
            return (.integer(Int(whole)), SampleOrder.Fraction(numerator: whole, denominator: 1))
        }
        if let digits = HistoryReader.fastDigits(text), digits.mantissa <= UInt64(Int64.max), digits.scale <= 18 {
            var denominator: Int64 = 1
            for _ in 0..<digits.scale { denominator *= 10 }
            let numerator = digits.negative ? -Int64(digits.mantissa) : Int64(digits.mantissa)
            let decimal = Decimal(
                sign: digits.negative ? .minus : .plus, exponent: -digits.scale, significand: Decimal(digits.mantissa))
            return (.decimal(decimal), SampleOrder.Fraction(numerator: numerator, denominator: denominator))
        }
        guard let decimal = Decimal(string: text), !decimal.isNaN else { return nil }
        return (.decimal(decimal), nil)
    }
}
