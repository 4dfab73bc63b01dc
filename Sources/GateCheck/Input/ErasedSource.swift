/// Any ``ByteSource`` behind one concrete type.
///
/// A source type from another module (the command-line tool's file source, a library user's own) reaches the
/// parsers as a generic parameter the optimiser cannot see, so they would run unspecialised: every call on the JSON
/// reader would go through witness tables and generic metadata (measured: about a tenth of a Bandit report's
/// instructions). ``ReportReader`` wraps the caller's source in this type instead, so the parsers are compiled once,
/// specialised for it, and the only dynamic call left is one per chunk read.
struct ErasedSource: ByteSource {
    var base: any ByteSource

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        try base.read(into: buffer)
    }

    var isRewindable: Bool { base.isRewindable }

    mutating func rewind() throws(ByteSourceError) {
        try base.rewind()
    }
}
