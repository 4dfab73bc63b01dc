/// The keys a parser knows, matched against a document's key bytes without allocating.
///
/// Build one per object shape, once (a `static let`), and pass it to ``JSONReader/nextKey(in:)``, which returns the
/// index of the matching key in the array given here, or ``unknown``.
///
/// ```swift
/// static let resultKeys = JSONKeySet(["ruleId", "level", "message", "locations"])
/// while let key = try reader.nextKey(in: Self.resultKeys) {
///     switch key {
///     case 0: ruleID = try reader.readString()
///     case 1: level = try reader.readString()
///     default: try reader.skipValue()   // message, locations, and unknown keys
///     }
/// }
/// ```
///
/// Matching hashes the decoded key bytes (FNV-1a) into an open-addressing table and confirms with a byte
/// comparison, so a lookup costs one pass over the key plus usually one comparison. When the same key appears more
/// than once in the array, the first index wins.
public struct JSONKeySet: Sendable {
    /// The index ``JSONReader/nextKey(in:)`` returns for a key that is not in the set.
    public static let unknown = -1

    /// An empty set, for callers that only need ``JSONReader/lastKey``.
    static let noKeys = JSONKeySet([])

    /// All keys' UTF-8 bytes, one after another.
    private let bytes: [UInt8]
    /// Where each key starts in `bytes`; one extra entry marks the end of the last key.
    private let starts: [Int]
    /// Open-addressing slots holding a key index, or -1 when empty; the count is a power of two.
    private let slots: [Int]

    /// Creates a set from the keys, in the order that gives each its index.
    public init(_ keys: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for key in keys {
            starts.append(bytes.count)
            bytes.append(contentsOf: key.utf8)
        }
        starts.append(bytes.count)
        var slotCount = 4
        while slotCount < keys.count * 2 { slotCount *= 2 }
        var slots = [Int](repeating: -1, count: slotCount)
        bytes.withUnsafeBufferPointer { all in
            for index in keys.indices {
                let key = UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]])
                var slot = Self.hash(key) & (slotCount - 1)
                while slots[slot] != -1 {
                    if Self.equal(key, all, starts[slots[slot]], starts[slots[slot] + 1]) { break }
                    slot = (slot + 1) & (slotCount - 1)
                }
                if slots[slot] == -1 { slots[slot] = index }
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
    }

    /// The index of the key whose UTF-8 bytes are `key`, or ``unknown``.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int {
        if starts.count == 1 { return Self.unknown }
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        return bytes.withUnsafeBufferPointer { all in
            while true {
                let index = slots[slot]
                if index == -1 { return Self.unknown }
                if Self.equal(key, all, starts[index], starts[index + 1]) { return index }
                slot = (slot + 1) & mask
            }
        }
    }

    // MARK: - Private

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    private static func equal(
        _ key: UnsafeBufferPointer<UInt8>, _ all: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) -> Bool {
        guard key.count == end - start else { return false }
        for offset in 0..<key.count where key[offset] != all[start + offset] { return false }
        return true
    }
}
