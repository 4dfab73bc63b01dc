/// The keys a parser knows, matched against a document's key bytes without allocating.
///
/// A reader whose keys are fixed names them in a ``JSONKeyEnum``, whose ``JSONKeyTable`` builds the set from the
/// cases, and calls ``JSONReader/nextKey(_:)``, which returns the case (or `.unknown`):
///
/// ```swift
/// enum ResultKey: String, JSONKeyEnum {
///     case ruleID = "ruleId", level, message, locations
///     static let table = JSONKeyTable<Self>()
/// }
///
/// while let key = try reader.nextKey(ResultKey.self) {
///     switch key {
///     case .known(.ruleID): ruleID = try reader.readString()
///     case .known(.level): level = try reader.readString()
///     case .known(.message), .known(.locations), .unknown: try reader.skipValue()
///     }
/// }
/// ```
///
/// Use a set directly (built once, a `static let` or per document) only for keys known at run time, such as the
/// metric names a history file is filtered by; ``JSONReader/nextKey(in:)`` then returns the index of the matching
/// key in the array given here, or ``unknown``.
///
/// Matching hashes the key's length and three sampled bytes into an open-addressing table (at most half full) and
/// confirms with a byte comparison, so a lookup costs a few loads whatever the key's length. The table is fixed by
/// the parser's keys, not by the input, so hostile keys cannot lengthen the probe chains. When the same key appears
/// more than once in the array, the first index wins.
@_spi(Internals) public struct JSONKeySet: Sendable {
    /// The index ``JSONReader/nextKey(in:)`` returns for a key that is not in the set.
    public static let unknown = -1

    /// An empty set, for callers that only need ``JSONReader/lastKey``.
    static let noKeys = JSONKeySet([])

    /// One table entry: the key's index in the caller's array (or -1 when empty) and where its bytes are.
    private struct Slot: Sendable {
        var index: Int32 = -1
        var start: Int32 = 0
        var count: Int32 = 0
    }

    /// All keys' UTF-8 bytes, one after another.
    private let bytes: [UInt8]
    /// The open-addressing table; its count is a power of two.
    private let slots: [Slot]

    /// Creates a set from the keys, in the order that gives each its index.
    public init(_ keys: [String]) {
        var bytes: [UInt8] = []
        var entries: [Slot] = []
        for (index, key) in keys.enumerated() {
            entries.append(Slot(index: Int32(index), start: Int32(bytes.count), count: Int32(key.utf8.count)))
            bytes.append(contentsOf: key.utf8)
        }
        var slotCount = 4
        while slotCount < keys.count * 2 { slotCount *= 2 }
        var slots = [Slot](repeating: Slot(), count: slotCount)
        bytes.withUnsafeBufferPointer { all in
            for entry in entries {
                let key = UnsafeBufferPointer(rebasing: all[Int(entry.start)..<Int(entry.start + entry.count)])
                var slot = Self.hash(key) & (slotCount - 1)
                while slots[slot].index >= 0 && !Self.equal(key, all, slots[slot]) {
                    slot = (slot + 1) & (slotCount - 1)
                }
                if slots[slot].index < 0 { slots[slot] = entry }
            }
        }
        self.bytes = bytes
        self.slots = slots
    }

    /// The index of the key whose UTF-8 bytes are `key`, or ``unknown``.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { all in
                while true {
                    let entry = slots[slot]
                    if entry.index < 0 { return Self.unknown }
                    if Self.equal(key, all, entry) { return Int(entry.index) }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    // MARK: - Private

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let count = key.count
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        if count > 0 {
            hash ^= UInt64(key[0]) | UInt64(key[count - 1]) << 8 | UInt64(key[count / 2]) << 16
            hash = (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    private static func equal(_ key: UnsafeBufferPointer<UInt8>, _ all: UnsafeBufferPointer<UInt8>, _ entry: Slot)
        -> Bool
    {
        guard key.count == Int(entry.count) else { return false }
        let start = Int(entry.start)
        for offset in 0..<key.count where key[offset] != all[start + offset] { return false }
        return true
    }
}
