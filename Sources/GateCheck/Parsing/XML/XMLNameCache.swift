/// Maps element or attribute names to a parser's own small enum, remembering libxml2's interned name pointers so
/// that the common case is a pointer comparison instead of a string comparison.
struct XMLNameCache<Kind> {
    private var pointers: [UnsafePointer<UInt8>] = []
    private var kinds: [Kind] = []
    private let classify: (XMLName) -> Kind

    init(_ classify: @escaping (XMLName) -> Kind) {
        self.classify = classify
        pointers.reserveCapacity(32)
        kinds.reserveCapacity(32)
    }

    mutating func lookup(_ name: XMLName) -> Kind {
        for index in pointers.indices where pointers[index] == name.pointer { return kinds[index] }
        let kind = classify(name)
        // Names are interned per parse; a document with endless distinct names must not grow the cache.
        if pointers.count < 32 {
            pointers.append(name.pointer)
            kinds.append(kind)
        }
        return kind
    }
}
