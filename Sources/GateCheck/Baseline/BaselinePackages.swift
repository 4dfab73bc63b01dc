/// A baseline's `packages`: the `name@version` texts of its run (PEP 503 normalised names).
///
/// A baseline read from a file keeps them as the document's bytes of the array, checked to be an array of strings,
/// and decodes them when asked: only a comparison that finds new findings of packages looks at them (to tell a
/// disclosed vulnerability from an introduced one), and 53,000 of them were a third of reading a large baseline.
@_spi(Internals) public struct BaselinePackages: Sendable, Hashable, Codable {
    private enum Storage: Sendable {
        case texts([String])
        /// A JSON array of strings, as the document has it, every element checked to be a string.
        case encoded([UInt8])
    }

    private var storage: Storage

    /// A list of texts.
    public init(_ texts: [String]) {
        storage = .texts(texts)
    }

    /// The list a document holds in `bytes`: a JSON array whose elements ``check(_:)`` found to be strings.
    ///
    /// The bytes are copied out of the document, which is then not kept for the rest of the run.
    init(encoded bytes: ArraySlice<UInt8>) {
        storage = .encoded(Array(bytes))
    }

    /// The texts, in the document's order.
    public var texts: [String] {
        switch storage {
        case .texts(let texts): return texts
        case .encoded(let bytes):
            // Checked when the baseline was read, so this reading does not fail; if it did, the texts read so far
            // would only make fewer findings count as disclosed rather than introduced: stricter, never a pass.
            var reader = JSONReader(BytesSource(bytes), options: JSONReaderOptions(maxDepth: 2))
            var texts: [String] = []
            do throws(JSONError) {
                try reader.beginArray()
                while try reader.nextElement() { texts.append(try reader.readString()) }
            } catch {}
            return texts
        }
    }

    /// Checks that the array at the reader is an array of strings without building them; `nil` when it is,
    /// otherwise what is wrong, for the decoder to name.
    static func check(_ reader: inout JSONReader<BytesSource>) throws(JSONError) -> String? {
        try reader.beginArray()
        var index = 0
        while try reader.nextElement() {
            guard try reader.peek() == .string else {
                while try reader.nextElement() {}
                return "packages[\(index)]: expected a string"
            }
            try reader.skipValue()
            index += 1
        }
        return nil
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.texts == rhs.texts }

    public func hash(into hasher: inout Hasher) { hasher.combine(texts) }

    public init(from decoder: any Decoder) throws {
        storage = .texts(try decoder.singleValueContainer().decode([String].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(texts)
    }
}
