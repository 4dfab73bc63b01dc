/// Which parts of a JSON value the decoder of one of gatecheck's own formats looks at.
///
/// ``JSONReader/readPruned(_:)`` materialises only those; everything else is skipped as it streams by.
indirect enum JSONShape: Sendable {
    /// A value whose content is never used (an unknown key's value): a string or container is skipped, whatever
    /// its size.
    case ignored
    /// A number, string, `true`, `false` or `null` that is read (strings up to the reader's string limit); a
    /// container here is skipped.
    case scalar
    /// An object whose `known` keys have their own shape and whose other keys have the shape `other`; a string or
    /// an array here is skipped (a decoder only names its kind), a number, boolean or `null` read.
    case object(known: [String: JSONShape], other: JSONShape)

    /// An object of scalars under `keys`, any other key ignored.
    static func fields(_ keys: [String]) -> JSONShape {
        .object(known: Dictionary(uniqueKeysWithValues: keys.map { ($0, .scalar) }), other: .ignored)
    }
}

extension JSONReader {
    /// Reads the next value as a tree pruned to `shape`, so that memory follows what a decoder uses, never the size
    /// of the document.
    ///
    /// A skipped value leaves an empty value of its own kind at its own position (`""`, `[]`, `{}`; numbers,
    /// booleans and `null` are always read), so that a decoder still reports its kind and place exactly as for the
    /// whole tree; an object keeps every member, repeated keys included. The recursion is as deep as `shape`, which
    /// is a constant of the format, never as deep as the input.
    mutating func readPruned(_ shape: JSONShape) throws(JSONError) -> JSONNode {
        let kind = try peek()
        let position = self.position
        switch (shape, kind) {
        case (.object(let known, let other), .object):
            try beginObject()
            var members: [JSONMember] = []
            while try nextKey(in: .noKeys) != nil {
                let (key, keyPosition) = (lastKey, self.keyPosition)
                let node = try readPruned(known[key] ?? other)
                members.append(JSONMember(key: key, keyPosition: keyPosition, node: node))
            }
            return JSONNode(value: .object(members), position: position)
        case (_, .object), (_, .array), (.ignored, .string), (.object, .string):
            try skipValue()
            return JSONNode(value: Self.emptyValue(of: kind), position: position)
        default:
            return try readValue()
        }
    }

    /// An empty container or string, standing for one that was skipped (numbers, booleans and `null` are small
    /// and always read).
    static func emptyValue(of kind: JSONValueKind) -> JSONValue {
        switch kind {
        case .object: .object([])
        case .array: .array([])
        case .string: .string("")
        case .number, .bool, .null: .null
        }
    }
}
