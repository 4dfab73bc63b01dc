internal import CLibXML2

/// The state every handler's callbacks share, reached through libxml2's user-data pointer.
///
/// Never nil: with nil user data libxml2 falls back to its own entity handling.
struct SAXCommon {
    var context: xmlParserCtxtPtr?
    var depth = 0
    let maxDepth: Int
    var failure: ReportError?
    /// A handler's failure while libxml2 flushes the last bytes, thrown only if libxml2 reports nothing itself.
    var failureAtEnd: ReportError?
    var atEnd = false
    /// The handler struct, typed by the callbacks that know its type.
    let handler: UnsafeMutableRawPointer

    init(maxDepth: Int, handler: UnsafeMutableRawPointer) {
        self.maxDepth = maxDepth
        self.handler = handler
    }

    var position: FilePosition {
        FilePosition(line: context.map { Int(xmlSAX2GetLineNumber($0)) } ?? 0)
    }

    /// Whether libxml2 currently calls the characters callbacks.
    var deliveringCharacters = false

    /// Installs or removes the characters and CDATA callbacks in the parser's live handler when the handler starts
    /// or stops capturing text.
    @inline(__always)
    mutating func deliverCharacters(_ wanted: Bool, _ callback: charactersSAXFunc) {
        guard wanted != deliveringCharacters, let sax = context?.pointee.sax else { return }
        deliveringCharacters = wanted
        sax.pointee.characters = wanted ? callback : nil
        sax.pointee.cdataBlock = wanted ? callback : nil
    }

    /// Stops the parse at a DTD declaration that the internal subset must not hold: `what` and the declared name
    /// (if given) make the message, the current line its position.
    static func forbid(_ user: UnsafeMutableRawPointer?, _ what: String, _ name: UnsafePointer<xmlChar>?) {
        guard let common = user?.assumingMemoryBound(to: SAXCommon.self) else { return }
        let declared = name.map { " ('\(String(cString: $0))')" } ?? ""
        common.pointee.stop(.forbidden(what + declared, at: common.pointee.position))
    }

    mutating func stop(_ failure: ReportError) {
        if self.failure == nil { self.failure = failure }
        if let context { xmlStopParser(context) }
    }

    /// Turns libxml2's first error into a ``ReportError``; warnings are ignored.
    mutating func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue, failure == nil else { return }
        let location = FilePosition(line: Int(error.line), column: error.int2 > 0 ? Int(error.int2) : nil)
        // libxml2's messages may span lines ("... indicate encoding !\nBytes: 0xFF 0xFE"); a diagnostic is one line.
        let message =
            error.message.map { String(cString: $0) }?.trimmingWhitespace.split(whereSeparator: \.isNewline)
            .joined(separator: " ") ?? "error \(error.code)"
        let code = xmlParserErrors(rawValue: UInt32(error.code))
        switch code {
        case XML_ERR_DOCUMENT_EMPTY:
            stop(
                .malformed(
                    "the content is not XML: it does not start with an element (a JSON or text file?)", at: location))
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY:
            stop(.forbidden("a reference to an undeclared entity (\(message))", at: location))
        case XML_ERR_UNSUPPORTED_ENCODING:
            stop(.unsupportedEncoding(message))
        default:
            // Errors raised while flushing the last bytes mean the document stopped early.
            stop(atEnd ? .truncated(at: location) : .malformed(message, at: location))
        }
    }
}

extension ReportError {
    /// The error with a position filled in where it has none.
    func located(at position: FilePosition) -> ReportError {
        switch self {
        case .malformed(let message, nil): .malformed(message, at: position)
        case .truncated(nil): .truncated(at: position)
        case .forbidden(let what, nil): .forbidden(what, at: position)
        case .tooDeep(let limit, nil): .tooDeep(limit: limit, at: position)
        case .invalidValue(let message, nil, let keyPath): .invalidValue(message, at: position, keyPath: keyPath)
        default: self
        }
    }
}
