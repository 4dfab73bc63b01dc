/// The keys a JSON reader knows in one object shape, named once: each case's raw value is the key's text.
///
/// Like `Codable`'s `CodingKeys`, the key's name sits next to its case, so there is no second list that must stay
/// in step with the cases, and the `switch` over ``JSONReader/nextKey(_:)``'s result is exhaustive: the compiler
/// lists every key the reader must handle. Each conforming enum builds its ``JSONKeyTable`` once, in a `static let`,
/// and is listed in ``JSONKeysRegistry`` so that a test can check every table against its cases.
///
/// ```swift
/// enum ResultKey: String, JSONKeyEnum {
///     case ruleID = "ruleId", level, message
///     static let table = JSONKeyTable<Self>()
/// }
///
/// try reader.beginObject()
/// while let key = try reader.nextKey(ResultKey.self) {
///     switch key {
///     case .known(.ruleID): ruleID = try reader.readString()
///     case .known(.level): level = try reader.readString()
///     case .known(.message), .unknown: try reader.skipValue()
///     }
/// }
/// ```
@_spi(Internals) public protocol JSONKeyEnum: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == String {
    /// The matching table built from ``allCases``, once: declare it as `static let table = JSONKeyTable<Self>()`.
    static var table: JSONKeyTable<Self> { get }
}

/// What ``JSONReader/nextKey(_:)`` found: one of the reader's keys, or a key it does not know.
///
/// The end of the object is `nil` around this, so an unknown key can never be mistaken for it.
@_spi(Internals) public enum JSONKeyMatch<Key: JSONKeyEnum>: Sendable {
    /// A key of `Key`; read (or skip) its value next.
    case known(Key)
    /// A key outside `Key`; its text is ``JSONReader/lastKey``. Skip its value (or let the next call skip it).
    case unknown
}

extension JSONKeyMatch: Equatable {}

/// A ``JSONKeyEnum`` enum's key set and its cases in the same order, so that an index found by the set is its case.
///
/// Built once per enum (its `static let table`); a lookup is the set's hash probe plus one array load, with no
/// allocation, dictionary or string comparison.
@_spi(Internals) public struct JSONKeyTable<Key: JSONKeyEnum>: Sendable {
    /// The cases' raw values, matched against a document's key bytes.
    let set: JSONKeySet
    /// `Key.allCases`, in the order of `set`'s indices.
    let cases: [Key]

    /// Builds the table from `Key.allCases`.
    public init() {
        let cases = Array(Key.allCases)
        self.cases = cases
        set = JSONKeySet(cases.map(\.rawValue))
    }

    /// The case at `index` of ``set``, or `.unknown` for ``JSONKeySet/unknown``.
    @inline(__always)
    func match(_ index: Int) -> JSONKeyMatch<Key> {
        index >= 0 ? .known(cases[index]) : .unknown
    }
}

extension JSONReader {
    /// Consumes the next key and its `:` and returns it as a case of `Key` (or `.unknown`), or consumes the
    /// closing `}` and returns `nil`.
    ///
    /// Behaves as ``nextKey(in:)`` with `Key.table`'s set: commas are handled, a repeated known key is
    /// `duplicateKey`, an unread previous value is skipped first, and the key's text is ``lastKey``.
    @inline(__always)
    public mutating func nextKey<Key: JSONKeyEnum>(_: Key.Type) throws(JSONError) -> JSONKeyMatch<Key>? {
        let table = Key.table
        guard let index = try scanner.nextKey(in: table.set) else { return nil }
        return table.match(index)
    }
}
