import CLibXML2

/// The events of one XML document that a report parser consumes, delivered by ``XMLStreamParser``.
///
/// Implementation requirements: a handler never throws; it records its first problem in `failure`, and the
/// driver stops the parse as soon as `failure` is set. Names and attribute values are valid only during the call.
protocol XMLEventHandler: AnyObject {
    /// The first problem the handler found; setting it stops the parse.
    var failure: ReportError? { get }
    /// An element starts; `depth` is 1 for the root.
    func startElement(_ name: XMLName, attributes: XMLAttributes, depth: Int, line: Int)
    /// An element ends; `depth` is the depth it started at.
    func endElement(_ name: XMLName, depth: Int)
    /// Character data (text or CDATA) inside the current element, possibly in several pieces.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// A NUL-terminated name owned by libxml2; libxml2 interns names, so equal names usually share a pointer.
struct XMLName {
    let pointer: UnsafePointer<UInt8>

    /// Compares with an ASCII literal without allocating.
    func equals(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        return literal.withUTF8Buffer { expected in
            for index in 0..<count where pointer[index] != expected[index] { return false }
            return pointer[count] == 0
        }
    }

    /// The name as a `String`, for messages.
    var string: String { String(cString: pointer) }
}

/// The attributes of a start tag, as libxml2's SAX2 hands them over: five pointers per attribute
/// (local name, prefix, URI, value start, value end). Values have predefined entities and character references
/// already decoded.
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// The value of the attribute with this local name (namespaces ignored), or `nil`.
    func value(_ name: StaticString) -> XMLBytes? {
        guard let base else { return nil }
        for index in 0..<count {
            let entry = base + index * 5
            guard let localName = entry[0] else { continue }
            if XMLName(pointer: localName).equals(name), let start = entry[3], let end = entry[4] {
                return XMLBytes(UnsafeBufferPointer(start: start, count: end - start))
            }
        }
        return nil
    }
}
