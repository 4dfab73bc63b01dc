import CLibXML2
import CLibXML2Schemas
import Foundation

/// Validates XML against an XML Schema with libxml2's validator, in-process (what `xmllint --schema` runs), so
/// the check needs no tool beyond the libxml2 the package already builds with.
enum XSDValidator {
    /// The validation errors of `xml` against the XSD at `schemaPath` (`line N: message`); empty when valid.
    static func validate(_ xml: String, schemaPath: String) -> [String] {
        xmlInitParser()
        guard let parser = xmlSchemaNewParserCtxt(schemaPath) else { return ["cannot open the schema \(schemaPath)"] }
        defer { xmlSchemaFreeParserCtxt(parser) }
        guard let schema = xmlSchemaParse(parser) else { return ["cannot parse the schema \(schemaPath)"] }
        defer { xmlSchemaFree(schema) }
        guard let context = xmlSchemaNewValidCtxt(schema) else { return ["cannot create a validation context"] }
        defer { xmlSchemaFreeValidCtxt(context) }

        let collector = Collector()
        let opaque = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetValidStructuredErrors(
            context,
            { user, error in
                guard let user, let error else { return }
                let message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
                Unmanaged<Collector>.fromOpaque(user).takeUnretainedValue().errors.append(
                    "line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
            }, opaque)

        let bytes = Array(xml.utf8).map { CChar(bitPattern: $0) }
        let options = Int32(XML_PARSE_NONET.rawValue)
        guard let document = xmlReadMemory(bytes, Int32(bytes.count), "output.xml", "UTF-8", options) else {
            return ["the output is not well-formed XML"]
        }
        defer { xmlFreeDoc(document) }
        let result = xmlSchemaValidateDoc(context, document)
        withExtendedLifetime(collector) {}
        if result != 0, collector.errors.isEmpty { return ["the validator failed with code \(result)"] }
        return collector.errors
    }

    private final class Collector {
        var errors: [String] = []
    }
}
