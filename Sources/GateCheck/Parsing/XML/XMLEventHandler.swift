internal import CLibXML2

/// The events of one XML document that a report parser consumes, delivered by ``XMLStreamParser``.
///
/// A handler is a struct that the driver keeps in memory of its own for the whole parse, so that libxml2's C
/// callbacks reach it through a plain pointer: no reference counting, no dynamic exclusivity checks, no
/// existential dispatch on the hot path. Each handler supplies its C callbacks as `saxCallbacks`, three one-line
/// closures that name the concrete type and forward to ``XMLStreamParser``'s generic entry points.
///
/// Implementation requirements: names, attributes and text are valid only during the call; a handler that finds a
/// problem stores it in `failure` (without a position: the driver adds the line) and returns `false`, which stops
/// the parse. (A `Bool` rather than an optional error keeps the hot path free of copying a large enum.)
protocol XMLEventHandler {
    /// The callbacks for this handler type (start, end and characters); see ``XMLStreamParser/callbacks(for:)``.
    static var saxCallbacks: SAXCallbacks { get }
    /// The problem that made ``startElement(_:attributes:depth:)`` return `false`.
    var failure: ReportError? { get }
    /// An element starts; `depth` is 1 for the root. Returns `false` to stop the parse with ``failure``.
    mutating func startElement(_ name: XMLName, attributes: XMLAttributes, depth: Int) -> Bool
    /// An element ends; `depth` is the depth it started at.
    mutating func endElement(depth: Int)
    /// Character data inside the current element, possibly in several pieces; only called while
    /// `wantsCharacters` is true.
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Whether the handler is capturing text right now.
    var wantsCharacters: Bool { get }
}

/// The three per-handler C callbacks.
struct SAXCallbacks {
    var start: startElementNsSAX2Func
    var end: endElementNsSAX2Func
    var characters: charactersSAXFunc
}

/// A NUL-terminated name owned by libxml2.
///
/// libxml2 interns names in its dictionary, so within one parse equal names share a pointer: ``XMLNameCache`` compares
/// pointers first.
struct XMLName {
    let pointer: UnsafePointer<UInt8>

    /// Compares with an ASCII literal without allocating.
    func equals(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let expected = literal.utf8Start
        for index in 0..<count where pointer[index] != expected[index] { return false }
        return pointer[count] == 0
    }

    /// The name as a `String`, for messages.
    var string: String { String(cString: pointer) }
}

/// The attributes of a start tag as libxml2's SAX2 hands them over: five pointers per attribute (local name, prefix,
/// URI, value start, value end).
///
/// Values have predefined entities and character references decoded.
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// Calls `body` with each attribute's local name and value.
    func forEach(_ body: (XMLName, XMLBytes) -> Void) {
        guard let base else { return }
        for index in 0..<count {
            let entry = base + index * 5
            guard let name = entry[0], let start = entry[3], let end = entry[4] else { continue }
            body(XMLName(pointer: name), XMLBytes(UnsafeBufferPointer(start: start, count: end - start)))
        }
    }

    /// The value of the attribute with this local name (namespaces ignored), or `nil`.
    ///
    /// For rare elements; hot paths use ``forEach(_:)`` with an ``XMLNameCache``.
    func value(_ name: StaticString) -> XMLBytes? {
        var found: XMLBytes?
        forEach { attributeName, value in
            if found == nil, attributeName.equals(name) { found = value }
        }
        return found
    }
}
