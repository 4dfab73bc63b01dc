/// The six kinds of JSON value.
@_spi(Internals) public enum JSONValueKind: String, Sendable {
    /// `{…}`: members in document order.
    case object
    /// `[…]`: elements in document order.
    case array
    /// `"…"`.
    case string
    /// A number token, or `NaN`/`Infinity`/`-Infinity` when the reader allows them.
    case number
    /// `true` or `false`.
    case bool
    /// `null`.
    case null
}

/// A materialised JSON value together with where it starts in the document.
///
/// ``JSONReader/readValue()`` returns one; objects and arrays hold nodes, so every value keeps its position for
/// diagnostics.
@_spi(Internals) public struct JSONNode: Sendable, Equatable {
    /// The value.
    public var value: JSONValue
    /// The position of the value's first byte.
    public var position: JSONPosition

    /// Creates a node from a value and its position.
    public init(value: JSONValue, position: JSONPosition) {
        self.value = value
        self.position = position
    }
}

/// A materialised JSON value: a small tree built by ``JSONReader/readValue()``.
///
/// Objects keep their members in document order, duplicates included, so that a caller can decide how to treat
/// duplicate keys. Numbers keep their literal text (see ``JSONNumber``).
@_spi(Internals) public indirect enum JSONValue: Sendable, Equatable {
    /// An object's members, in document order, duplicates kept.
    case object([JSONMember])
    /// An array's elements, in document order.
    case array([JSONNode])
    /// A string, escapes resolved.
    case string(String)
    /// A number, as written.
    case number(JSONNumber)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// The kind of this value.
    @_spi(Internals) public var kind: JSONValueKind {
        switch self {
        case .object: .object
        case .array: .array
        case .string: .string
        case .number: .number
        case .bool: .bool
        case .null: .null
        }
    }
}

/// One member of a JSON object: a key, where the key starts, and the value.
@_spi(Internals) public struct JSONMember: Sendable, Equatable {
    /// The key, escapes resolved.
    public var key: String
    /// The position of the key's opening quote.
    public var keyPosition: JSONPosition
    /// The member's value.
    public var node: JSONNode

    /// Creates a member from its key, the key's position and its value.
    public init(key: String, keyPosition: JSONPosition, node: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.node = node
    }
}
