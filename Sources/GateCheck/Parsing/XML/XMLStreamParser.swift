internal import CLibXML2

/// Limits that keep any input, hostile or broken, within bounded time and memory.
@_spi(Internals) public struct ParseLimits: Sendable, Hashable, Codable {
    /// The largest report accepted, in bytes (default 1 GiB).
    public var maxReportBytes: Int
    /// The deepest element or JSON nesting accepted (default 64; Cobertura needs 7 levels, JUnit about 5).
    ///
    /// XML is never read deeper than 1,024 levels, whatever this says.
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
/// The setup is the one measured safe in docs/reference/xml-json-speed-and-safety.md §3: a zeroed handler with only
/// the callbacks below (never libxml2's default SAX2 handler, which expands internal entities even without
/// `XML_PARSE_NOENT`), our own state as user data, options `NONET | HUGE` only, any entity declaration (and any other
/// internal DTD declaration) stops the parse, a depth cap of our own, ``MarkupScanner``'s bounds and pacing against
/// libxml2's quadratic paths, and a document that is not well-formed is always an error, even after the handler has
/// seen partial totals.
enum XMLStreamParser {
    /// Bytes handed to libxml2 per call; 256 KiB measured fastest.
    static let chunkSize = 256 * 1024

    static func parse<Source: ByteSource, Handler: XMLEventHandler>(
        _ source: inout Source, handler: inout Handler, limits: ParseLimits
    ) throws(ReportError) {
        initializeOnce
        let handlerState = UnsafeMutablePointer<Handler>.allocate(capacity: 1)
        handlerState.initialize(to: handler)
        let common = UnsafeMutablePointer<SAXCommon>.allocate(capacity: 1)
        // Handlers index their element stacks by depth; no report needs more than ElementStack's levels.
        let maxDepth = min(limits.maxDepth, ElementStack<XMLDepthLimit>.capacity - 2)
        common.initialize(to: SAXCommon(maxDepth: maxDepth, handler: UnsafeMutableRawPointer(handlerState)))
        defer {
            handler = handlerState.move()
            handlerState.deallocate()
            common.deinitialize(count: 1)
            common.deallocate()
        }

        var callbacks = makeCallbacks(Handler.saxCallbacks)
        gatecheck_silence_generic_errors()
        guard let context = xmlCreatePushParserCtxt(&callbacks, UnsafeMutableRawPointer(common), nil, 0, nil) else {
            throw .unreadable("libxml2 could not create a parser (out of memory)")
        }
        defer { xmlFreeParserCtxt(context) }
        common.pointee.context = context
        xmlCtxtUseOptions(
            context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue))

        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var total = 0
        var blank = BlankStart()
        var scanner = MarkupScanner()
        // The part of a long open construct not yet handed to libxml2 (see MarkupScanner).
        var held: [UInt8] = []
        while true {
            // libxml2 gets whole buffers, whatever sizes the source hands out: its push parser reports some errors
            // only at the end when a token arrives in pieces, so the pieces must depend on the bytes alone.
            var count = 0
            while count < buffer.count {
                let read: Int
                do { read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...])) } catch {
                    throw .unreadable(error.message)
                }
                if read == 0 { break }
                count += read
            }
            if count == 0 { break }
            total += count
            if total > limits.maxReportBytes { throw .tooLarge(limit: limits.maxReportBytes) }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            if blank.isBlank { blank.scan(chunk) }
            if let violation = scanner.scan(chunk) {
                // libxml2 reads up to the construct's `<` (which ends the text before it), so that its line is the
                // construct's.
                if held.isEmpty, scanner.constructStart >= 0 {
                    push(context, UnsafeRawBufferPointer(rebasing: chunk.prefix(scanner.constructStart + 1)))
                }
                if let failure = common.pointee.failure { throw failure }
                throw violation.error(at: common.pointee.position)
            }
            var pushed: Int32 = 0
            if scanner.openLength > Self.heldConstructBytes {
                // A long construct is open: libxml2 gets it in pieces that double, so its back-scans stay linear.
                held.append(contentsOf: chunk)
                guard held.count * 2 >= scanner.openLength else { continue }
                pushed = held.withUnsafeBytes { push(context, $0) }
                held.removeAll()
            } else if !held.isEmpty {
                held.append(contentsOf: chunk)
                pushed = held.withUnsafeBytes { push(context, $0) }
                held.removeAll()
            } else {
                pushed = push(context, chunk)
            }
            if let failure = common.pointee.failure { throw failure }
            try checkHalt(context, code: pushed, position: common.pointee.position)
        }
        if !held.isEmpty {
            let pushed = held.withUnsafeBytes { push(context, $0) }
            if let failure = common.pointee.failure { throw failure }
            try checkHalt(context, code: pushed, position: common.pointee.position)
        }
        guard !blank.isBlank else { throw .empty }
        common.pointee.atEnd = true
        let code = xmlParseChunk(context, nil, 0, 1)
        if let failure = common.pointee.failure ?? common.pointee.failureAtEnd { throw failure }
        try checkHalt(context, code: code, position: common.pointee.position)
        if context.pointee.wellFormed == 0 {
            throw .malformed("libxml2 reported the document as not well-formed", at: nil)
        }
    }

    /// Throws when libxml2 halted on its own.
    ///
    /// libxml2 halts on a few errors without telling the context's error callback (bytes that are not valid in the
    /// document's encoding: "xmlParseChunk: encoder error"): it stops delivering elements, and what it delivered
    /// reads as a whole, smaller document. Any halt that gatecheck did not ask for is an error.
    private static func checkHalt(_ context: xmlParserCtxtPtr, code: Int32, position: FilePosition)
        throws(ReportError)
    {
        if code == Int32(XML_ERR_INVALID_ENCODING.rawValue) {
            throw .malformed(
                "bytes that are not valid in the document's encoding; libxml2 stopped reading there, so the rest of "
                    + "the report was never read (write the report as UTF-8, or declare its real encoding)",
                at: position)
        }
        if context.pointee.disableSAX != 0 {
            throw .malformed(
                "libxml2 stopped reading the document (error \(context.pointee.errNo)) before its end", at: position)
        }
    }

    /// An open construct longer than this is held back and handed to libxml2 in doubling pieces.
    static let heldConstructBytes = 1 << 20

    /// Hands bytes to libxml2, in pieces its `Int32` count can hold; the first error code `xmlParseChunk` returned.
    @discardableResult
    private static func push(_ context: xmlParserCtxtPtr, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        var code: Int32 = 0
        while offset < bytes.count {
            let count = min(bytes.count - offset, 1 << 30)
            let result = xmlParseChunk(
                context, bytes.baseAddress.map { $0.advanced(by: offset).assumingMemoryBound(to: CChar.self) },
                Int32(count), 0)
            if code == 0 { code = result }
            offset += count
        }
        return code
    }

    /// libxml2's global state is set up once, before any parse, so parallel parses never race on it.
    private static let initializeOnce: Void = xmlInitParser()

    // MARK: - The generic halves of every handler's C callbacks

    @inline(__always)
    static func start<Handler: XMLEventHandler>(
        _ user: UnsafeMutableRawPointer?, _ name: UnsafePointer<UInt8>?, _ count: Int32, _ defaulted: Int32,
        _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _: Handler.Type
    ) {
        guard let common = user?.assumingMemoryBound(to: SAXCommon.self), common.pointee.failure == nil,
            let name
        else { return }
        // Belt and braces for the declaration callbacks: an attribute the document does not write (a DTD default)
        // never reaches a handler.
        guard defaulted == 0 else {
            common.pointee.stop(
                .forbidden(
                    "an attribute value that the document does not write (a DTD default) on <\(String(cString: name))>",
                    at: common.pointee.position))
            return
        }
        common.pointee.depth += 1
        let depth = common.pointee.depth
        guard depth <= common.pointee.maxDepth else {
            common.pointee.stop(.tooDeep(limit: common.pointee.maxDepth, at: common.pointee.position))
            return
        }
        let handler = common.pointee.handler.assumingMemoryBound(to: Handler.self)
        if !handler.pointee.startElement(
            XMLName(pointer: name), attributes: XMLAttributes(base: attributes, count: Int(count)), depth: depth)
        {
            let failure = handler.pointee.failure ?? .malformed("the parser stopped without a reason", at: nil)
            guard common.pointee.atEnd else {
                common.pointee.stop(failure.located(at: common.pointee.position))
                return
            }
            // At the end of the input libxml2 hands over a start tag that is cut short (`<line number="1`) before
            // it reports the cut: the document's truncation, not the handler's view of the half tag, is the error.
            // (libxml2 stops calling back at its error; should it not report one, the handler's failure is thrown.)
            if common.pointee.failureAtEnd == nil {
                common.pointee.failureAtEnd = failure.located(at: common.pointee.position)
            }
            return
        }
        common.pointee.deliverCharacters(handler.pointee.wantsCharacters, Handler.saxCallbacks.characters)
    }

    @inline(__always)
    static func end<Handler: XMLEventHandler>(_ user: UnsafeMutableRawPointer?, _: Handler.Type) {
        guard let common = user?.assumingMemoryBound(to: SAXCommon.self), common.pointee.failure == nil else { return }
        let handler = common.pointee.handler.assumingMemoryBound(to: Handler.self)
        handler.pointee.endElement(depth: common.pointee.depth)
        common.pointee.depth -= 1
        common.pointee.deliverCharacters(handler.pointee.wantsCharacters, Handler.saxCallbacks.characters)
    }

    @inline(__always)
    static func characters<Handler: XMLEventHandler>(
        _ user: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<UInt8>?, _ count: Int32, _: Handler.Type
    ) {
        guard let common = user?.assumingMemoryBound(to: SAXCommon.self), let bytes else { return }
        let handler = common.pointee.handler.assumingMemoryBound(to: Handler.self)
        guard handler.pointee.wantsCharacters, common.pointee.failure == nil else { return }
        handler.pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
    }

    private static func makeCallbacks(_ own: SAXCallbacks) -> xmlSAXHandler {
        var callbacks = xmlSAXHandler()
        callbacks.initialized = 0xDEED_BEAF  // XML_SAX2_MAGIC, which does not import into Swift
        callbacks.startElementNs = own.start
        callbacks.endElementNs = own.end
        // Text is delivered only while a handler captures it (see SAXCommon.deliverCharacters): without a
        // characters callback libxml2 skips the whitespace between elements without calling anyone.
        callbacks.characters = nil
        callbacks.cdataBlock = nil
        // Every markup declaration of an internal DTD subset stops the parse before it takes effect: entities expand
        // into content, and an ATTLIST default or #FIXED value is added by libxml2 to every element it names (even
        // without validation), so `<!ATTLIST line hits CDATA "1">` would give every line a hit. ELEMENT and NOTATION
        // declarations change nothing gatecheck reads today, but no report needs them, so none is trusted.
        callbacks.entityDecl = { user, name, _, _, _, _ in
            SAXCommon.forbid(user, "an entity declaration", name)
        }
        callbacks.unparsedEntityDecl = { user, name, _, _, _ in
            SAXCommon.forbid(user, "an entity declaration", name)
        }
        callbacks.attributeDecl = { user, element, attribute, _, _, _, tree in
            if let tree { xmlFreeEnumeration(tree) }  // the callback owns it
            let element = element.map { String(cString: $0) } ?? "?"
            let attribute = attribute.map { String(cString: $0) } ?? "?"
            SAXCommon.forbid(user, "a DTD declaration '<!ATTLIST \(element) \(attribute) ...>'", nil)
        }
        callbacks.elementDecl = { user, name, _, _ in
            let name = name.map { String(cString: $0) } ?? "?"
            SAXCommon.forbid(user, "a DTD declaration '<!ELEMENT \(name) ...>'", nil)
        }
        callbacks.notationDecl = { user, name, _, _ in
            let name = name.map { String(cString: $0) } ?? "?"
            SAXCommon.forbid(user, "a DTD declaration '<!NOTATION \(name) ...>'", nil)
        }
        callbacks.serror = { user, error in
            guard let error, let common = user?.assumingMemoryBound(to: SAXCommon.self) else { return }
            common.pointee.record(error.pointee)
        }
        return callbacks
    }
}

/// A stand-in element kind, to name ``ElementStack``'s capacity.
enum XMLDepthLimit: UInt8 {
    case any
}
