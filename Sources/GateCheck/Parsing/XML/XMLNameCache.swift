/// Maps element or attribute names to a parser's own small enum.
///
/// libxml2 interns names, so within one parse a name is identified by its pointer: an open-addressed table keyed by the
/// pointer answers almost every lookup with one comparison, and only the first sight of a name compares strings.
struct XMLNameCache<Kind> {
    private static var slots: Int { 64 }
    private var pointers: [UnsafePointer<UInt8>?]
    private var kinds: [Kind?]
    private var used = 0
    private let classify: (XMLName) -> Kind

    init(_ classify: @escaping (XMLName) -> Kind) {
        self.classify = classify
        pointers = Array(repeating: nil, count: Self.slots)
        kinds = Array(repeating: nil, count: Self.slots)
    }

    @inline(__always)
    mutating func lookup(_ name: XMLName) -> Kind {
        // Fibonacci hashing spreads the pointers of neighbouring dictionary entries over the slots.
        var slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: name.pointer)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        while let pointer = pointers[slot] {
            if pointer == name.pointer, let kind = kinds[slot] { return kind }
            slot = (slot + 1) & (Self.slots - 1)
        }
        let kind = classify(name)
        // A document with endless distinct names must not grow the table: half full is enough for any report.
        if used < Self.slots / 2 {
            pointers[slot] = name.pointer
            kinds[slot] = kind
            used += 1
        }
        return kind
    }
}
