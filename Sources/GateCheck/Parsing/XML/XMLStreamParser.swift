import CLibXML2

/// Limits that keep any input, hostile or broken, within bounded time and memory.
public struct ParseLimits: Sendable, Hashable, Codable {
    /// The largest report accepted, in bytes (default 1 GiB).
    public var maxReportBytes: Int
    /// The deepest element or JSON nesting accepted (default 64; Cobertura needs 7 levels, JUnit about 5).
    public var maxDepth: Int

    /// Creates limits; the defaults suit every genuine report seen.
    public init(maxReportBytes: Int = 1 << 30, maxDepth: Int = 64) {
        self.maxReportBytes = maxReportBytes
        self.maxDepth = maxDepth
    }

    enum CodingKeys: String, CodingKey {
        case maxReportBytes = "max_report_bytes"
        case maxDepth = "max_depth"
    }
}

/// Drives libxml2's SAX2 push parser over a ``ByteSource`` and hands the events to an ``XMLEventHandler``.
///
/// The setup is the one measured safe in shared/docs/xml-json-speed-and-safety.md §3: a zeroed handler with only
/// the callbacks below (never libxml2's default SAX2 handler, which expands internal entities even without
/// `XML_PARSE_NOENT`), our own state as user data, options `NONET | HUGE` only, any entity declaration stops the
/// parse, a depth cap of our own, and a document that is not well-formed is always an error, even after the
/// handler has seen partial totals.
enum XMLStreamParser {
    /// Bytes handed to libxml2 per call; 256 KiB measured fastest.
    static let chunkSize = 256 * 1024

    static func parse<Source: ByteSource>(
        _ source: inout Source, handler: some XMLEventHandler, limits: ParseLimits
    ) throws(ReportError) {
        initializeOnce
        let session = Session(handler: handler, maxDepth: limits.maxDepth)
        let unmanaged = Unmanaged.passRetained(session)
        defer { unmanaged.release() }

        var callbacks = makeCallbacks()
        guard let context = xmlCreatePushParserCtxt(&callbacks, unmanaged.toOpaque(), nil, 0, nil) else {
            throw .unreadable("libxml2 could not create a parser (out of memory)")
        }
        defer { xmlFreeParserCtxt(context) }
        session.context = context
        xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue))

        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        var sawContent = false
        while true {
            let count: Int
            do { count = try source.read(into: buffer) } catch { throw .unreadable(error.message) }
            if count == 0 { break }
            total += count
            if total > limits.maxReportBytes { throw .tooLarge(limit: limits.maxReportBytes) }
            if !sawContent { sawContent = buffer[0..<count].contains { !isXMLSpace($0) } }
            let chunk = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
            xmlParseChunk(context, chunk, Int32(count), 0)
            if let failure = session.failure { throw failure }
        }
        guard sawContent else { throw .empty }
        session.atEnd = true
        xmlParseChunk(context, nil, 0, 1)
        if let failure = session.failure { throw failure }
        if context.pointee.wellFormed == 0 {
            throw .malformed("libxml2 reported the document as not well-formed", at: nil)
        }
    }

    /// libxml2's global state is set up once, before any parse, so parallel parses never race on it.
    private static let initializeOnce: Void = xmlInitParser()

    private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The state the C callbacks reach through libxml2's user-data pointer.
    final class Session {
        unowned(unsafe) let handler: any XMLEventHandler
        let maxDepth: Int
        var context: xmlParserCtxtPtr?
        var depth = 0
        var atEnd = false
        var ownFailure: ReportError?

        init(handler: any XMLEventHandler, maxDepth: Int) {
            self.handler = handler
            self.maxDepth = maxDepth
        }

        var failure: ReportError? { ownFailure ?? handler.failure }

        var line: Int { context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0 }

        func stop(_ failure: ReportError) {
            if ownFailure == nil, handler.failure == nil { ownFailure = failure }
            if let context { xmlStopParser(context) }
        }

        static func from(_ pointer: UnsafeMutableRawPointer?) -> Session {
            Unmanaged<Session>.fromOpaque(pointer!).takeUnretainedValue()
        }
    }

    private static func makeCallbacks() -> xmlSAXHandler {
        var callbacks = xmlSAXHandler()
        callbacks.initialized = 0xDEED_BEAF  // XML_SAX2_MAGIC, which does not import into Swift
        callbacks.startElementNs = { user, localName, _, _, _, _, attributeCount, _, attributes in
            let session = Session.from(user)
            guard session.failure == nil, let localName else { return }
            session.depth += 1
            if session.depth > session.maxDepth {
                let line = session.line
                session.stop(.tooDeep(limit: session.maxDepth, at: FilePosition(line: line)))
                return
            }
            session.handler.startElement(
                XMLName(pointer: localName), attributes: XMLAttributes(base: attributes, count: Int(attributeCount)),
                depth: session.depth, line: session.line)
            if let failure = session.handler.failure { session.stop(failure) }
        }
        callbacks.endElementNs = { user, localName, _, _ in
            let session = Session.from(user)
            guard session.failure == nil, let localName else { return }
            session.handler.endElement(XMLName(pointer: localName), depth: session.depth)
            session.depth -= 1
            if let failure = session.handler.failure { session.stop(failure) }
        }
        callbacks.characters = { user, bytes, count in
            let session = Session.from(user)
            guard session.failure == nil, let bytes else { return }
            session.handler.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        callbacks.cdataBlock = callbacks.characters
        callbacks.entityDecl = { user, name, _, _, _, _ in
            let session = Session.from(user)
            let entity = name.map { String(cString: $0) } ?? "?"
            session.stop(.forbidden("an entity declaration ('\(entity)')", at: FilePosition(line: session.line)))
        }
        callbacks.serror = { user, error in
            guard let error else { return }
            let session = Session.from(user)
            session.recordLibXMLError(error.pointee)
        }
        return callbacks
    }
}

extension XMLStreamParser.Session {
    /// Turns libxml2's first error into a ``ReportError``; warnings are ignored.
    fileprivate func recordLibXMLError(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, failure == nil else { return }
        let location = FilePosition(line: Int(error.line), column: error.int2 > 0 ? Int(error.int2) : nil)
        let message = error.message.map { String(cString: $0) }?.trimmingWhitespace ?? "error \(error.code)"
        let code = xmlParserErrors(rawValue: UInt32(error.code))
        let failure: ReportError
        switch code {
        case XML_ERR_DOCUMENT_EMPTY:
            failure = .malformed("the content is not XML (\(message))", at: location)
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY:
            failure = .forbidden("a reference to an undeclared entity (\(message))", at: location)
        case XML_ERR_UNSUPPORTED_ENCODING:
            failure = .unsupportedEncoding(message)
        default:
            // Errors raised while flushing the last bytes mean the document stopped early.
            failure = atEnd ? .truncated(at: location) : .malformed(message, at: location)
        }
        stop(failure)
    }
}
