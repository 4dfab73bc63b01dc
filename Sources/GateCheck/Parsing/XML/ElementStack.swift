/// The kinds of the open elements, indexed by depth: set on start, read on end, no array bookkeeping per element.
///
/// Depth never exceeds ``ParseLimits/maxDepth`` (at most 1,024, enforced by the driver before a handler sees an
/// element), so a fixed buffer holds every level.
final class ElementStack<Kind: RawRepresentable> where Kind.RawValue == UInt8 {
    static var capacity: Int { 1_026 }
    private let kinds: UnsafeMutablePointer<UInt8>
    private let fallback: Kind

    /// Creates a stack whose unset levels (the root's parent) read as `fallback`.
    init(fallback: Kind) {
        self.fallback = fallback
        kinds = .allocate(capacity: Self.capacity)
        kinds.initialize(repeating: fallback.rawValue, count: Self.capacity)
    }

    deinit {
        kinds.deallocate()
    }

    /// The kind of the element open at `depth` (1 is the root).
    @inline(__always)
    subscript(depth: Int) -> Kind {
        get {
            guard depth >= 0, depth < Self.capacity else { return fallback }
            return Kind(rawValue: kinds[depth]) ?? fallback
        }
        set {
            guard depth >= 0, depth < Self.capacity else { return }
            kinds[depth] = newValue.rawValue
        }
    }
}
