import Dispatch
import Synchronization

/// A report that arrives as an asynchronous sequence of byte chunks (an upload, a network stream), for
/// ``GateChecker/check(_:)-([AsyncReportInput])``: the parser reads each chunk as it arrives, and never more than one
/// chunk per report is held, so a server can judge reports larger than it would want to buffer.
public struct AsyncReportInput: Sendable {
    /// What the report is called in messages, and what gates.json `inputs` bindings match.
    public var name: String
    /// The kind to read it as, overriding detection.
    public var kind: ReportKind?
    let run: @Sendable (ChunkMailbox) async -> Void

    /// A report whose bytes come from `chunks`, in order; an error thrown by the sequence makes the report
    /// unreadable (exit 2), with the error's description.
    public init<Chunks: AsyncSequence & Sendable>(name: String, kind: ReportKind? = nil, chunks: Chunks)
    where Chunks.Element == [UInt8] {
        self.name = name
        self.kind = kind
        run = { mailbox in
            do {
                for try await chunk in chunks where !chunk.isEmpty {
                    guard await mailbox.put(chunk) else { return }
                }
                mailbox.finish(nil)
            } catch {
                mailbox.finish(String(describing: error))
            }
        }
    }
}

extension GateChecker {
    /// The verdict on reports that arrive as asynchronous byte streams.
    ///
    /// Each stream is consumed by its own task as the parser asks for bytes; the parsing itself runs on a thread of
    /// its own (it reads synchronously), so the calling task only awaits. The verdict is the one ``check(_:)-([ReportInput])``
    /// gives on the same bytes.
    public func check(_ inputs: [AsyncReportInput]) async -> Verdict {
        let mailboxes = inputs.map { _ in ChunkMailbox() }
        let syncInputs = zip(inputs, mailboxes).map { input, mailbox in
            ReportInput(name: input.name, kind: input.kind) { () throws(ReportError) -> any ByteSource in
                MailboxSource(mailbox: mailbox)
            }
        }
        return await withTaskGroup(of: Void.self) { group in
            for (input, mailbox) in zip(inputs, mailboxes) {
                group.addTask { await input.run(mailbox) }
            }
            let verdict = await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: self.check(syncInputs)) }
            }
            // A stream the parser stopped reading early (a malformed report) is released.
            for mailbox in mailboxes { mailbox.close() }
            return verdict
        }
    }
}

/// One chunk in flight between a stream's task (the producer, which awaits) and the parser's thread (the consumer,
/// which blocks): the producer hands a chunk over and waits until the parser has taken it.
final class ChunkMailbox: Sendable {
    private struct State {
        var chunk: [UInt8]?
        var ended = false
        var error: String?
        var closed = false
        var producer: CheckedContinuation<Bool, Never>?
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)

    /// Hands a chunk to the parser; `false` when the parser needs no more.
    func put(_ chunk: [UInt8]) async -> Bool {
        await withCheckedContinuation { continuation in
            let closed = state.withLock { state in
                if state.closed { return true }
                state.chunk = chunk
                state.producer = continuation
                return false
            }
            if closed { continuation.resume(returning: false) } else { available.signal() }
        }
    }

    /// The stream has ended, with an error or without.
    func finish(_ error: String?) {
        state.withLock {
            $0.ended = true
            $0.error = error
        }
        available.signal()
    }

    /// The parser is done with this stream: a waiting producer is released.
    func close() {
        let producer = state.withLock { state in
            state.closed = true
            defer { state.producer = nil }
            return state.producer
        }
        producer?.resume(returning: false)
    }

    /// The next chunk, nil at the end; blocks until the producer delivers.
    func take() throws(ByteSourceError) -> [UInt8]? {
        while true {
            let taken = state.withLock {
                state -> (chunk: [UInt8]?, producer: CheckedContinuation<Bool, Never>?, ended: Bool, error: String?) in
                if let chunk = state.chunk {
                    state.chunk = nil
                    defer { state.producer = nil }
                    return (chunk, state.producer, false, nil)
                }
                return (nil, nil, state.ended, state.error)
            }
            if let chunk = taken.chunk {
                taken.producer?.resume(returning: true)
                return chunk
            }
            if taken.ended {
                if let error = taken.error { throw ByteSourceError(error) }
                return nil
            }
            available.wait()
        }
    }
}

/// The parser's side of a ``ChunkMailbox``.
struct MailboxSource: ByteSource {
    let mailbox: ChunkMailbox
    private var chunk: [UInt8] = []
    private var offset = 0
    private var ended = false

    init(mailbox: ChunkMailbox) {
        self.mailbox = mailbox
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        while offset == chunk.count {
            guard !ended, let next = try mailbox.take() else {
                ended = true
                return 0
            }
            chunk = next
            offset = 0
        }
        let count = min(buffer.count, chunk.count - offset)
        chunk.withUnsafeBytes { bytes in
            UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}
