/// A fixed-capacity byte buffer reused for every testcase, so that a passing test's names are copied once into
/// memory already there and never become strings.
final class ByteBuffer {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Keeps the first `capacity` bytes of `bytes`.
    @inline(__always)
    func set(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = min(bytes.count, capacity)
        if count > 0, let source = bytes.baseAddress { base.update(from: source, count: count) }
    }
}
