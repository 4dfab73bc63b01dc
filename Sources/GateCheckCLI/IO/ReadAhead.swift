import Dispatch
@_spi(Internals) import GateCheck
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a large file's next megabyte on a second thread while the parser works on the current one.
///
/// A parser spends about a tenth of its time in `read(2)` copying the page cache into its buffer (the benchmark's
/// read floor against its parse floor); with two buffers that copy overlaps the parsing instead of adding to it.
/// Bytes come out exactly as plain reads would give them, in order; a read error is kept and thrown from then on.
///
/// One producer thread, one consumer (the parser). Each buffer is handed over by a semaphore in each direction,
/// which also orders the producer's writes to the buffer and its count before the consumer's reads of them.
final class ReadAhead: @unchecked Sendable {
    static let bufferSize = 1 << 20

    private let descriptor: Int32
    private let buffers: [UnsafeMutableRawBufferPointer]
    /// Bytes in each buffer; negative: the `errno` of a failed read, negated.
    ///
    /// Raw memory, not an array: the two threads write different elements, which a Swift array's copy-on-write check
    /// would make one access.
    private let counts = UnsafeMutablePointer<Int>.allocate(capacity: 2)
    private let filled = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    /// Starts at 0 and is signalled once per buffer at the start: libdispatch traps when a semaphore is freed with
    /// a value below the one it was created with.
    private let drained = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    private let cancelled = Atomic<Bool>(false)
    private var thread: pthread_t?

    private var current = -1
    private var offset = 0
    private var failure: ByteSourceError?
    private var ended = false

    /// Starts reading `descriptor` from its current offset; returns `nil` when no thread can be started (the
    /// caller then reads directly).
    init?(descriptor: Int32) {
        self.descriptor = descriptor
        counts.initialize(repeating: 0, count: 2)
        buffers = (0..<2).map { _ in .allocate(byteCount: Self.bufferSize, alignment: 64) }
        drained.forEach { $0.signal() }
        // The thread keeps this object alive until it ends.
        guard let handle = JoinableThread.start({ self.produce() }) else { return nil }
        thread = handle
    }

    deinit {
        buffers.forEach { $0.deallocate() }
        counts.deallocate()
    }

    /// Copies the next bytes into `buffer`; 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        if let failure { throw failure }
        if ended { return 0 }
        if current < 0 || offset == counts[current] {
            if current >= 0 { drained[current].signal() }
            current = current < 0 ? 0 : current ^ 1
            filled[current].wait()
            offset = 0
            if counts[current] < 0 {
                let error = ByteSourceError(String(cString: strerror(-Int32(counts[current]))))
                failure = error
                throw error
            }
            if counts[current] == 0 {
                ended = true
                return 0
            }
        }
        let count = min(buffer.count, counts[current] - offset)
        UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]).copyMemory(
            from: UnsafeRawBufferPointer(rebasing: buffers[current][offset..<(offset + count)]))
        offset += count
        return count
    }

    /// Stops the thread and waits for it; the descriptor may then be closed or moved.
    func stop() {
        guard let thread else { return }
        cancelled.store(true, ordering: .relaxed)
        drained.forEach { $0.signal() }
        JoinableThread.join(thread)
        self.thread = nil
    }

    // MARK: - Private

    private func produce() {
        var index = 0
        while true {
            drained[index].wait()
            if cancelled.load(ordering: .relaxed) { return }
            var got: Int
            repeat {
                got = systemRead(descriptor, buffers[index].baseAddress, Self.bufferSize)
            } while got < 0 && errno == EINTR
            counts[index] = got < 0 ? -Int(errno) : got
            filled[index].signal()
            if got <= 0 { return }
            index ^= 1
        }
    }
}
