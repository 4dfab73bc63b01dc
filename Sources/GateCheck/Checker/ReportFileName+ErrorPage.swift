/// An error page saved under a report's name: a download or cache step that failed and kept the server's answer.
extension ReportFileName {
    /// What the XML in `prefix` is when its root is an error page rather than data: an HTML page (a 404 or 502 page
    /// saved by `curl` without `-f`, a proxy's error) or a cloud storage error document (`<Error><Code>NoSuchKey`,
    /// written by S3 and Google Cloud Storage, `BlobNotFound` by Azure); `nil` for any other root.
    ///
    /// Only asked about a file of no known kind whose name says it holds report data (`junit.xml`): ignored, such a
    /// page let the other reports pass while the test report it stood in for was never read.
    static func errorPage(in prefix: [UInt8]) -> String? {
        var sniffer = XMLSniffer()
        _ = prefix.withUnsafeBufferPointer { sniffer.feed($0) }
        guard sniffer.isSettled, !sniffer.notXML else { return nil }
        let name = sniffer.rootTag.prefix { !ReportDetector.isSpace($0) && $0 != UInt8(ascii: ">") && $0 != 0x2F }
        switch String(decoding: name, as: UTF8.self).lowercased() {
        case "html": return "an HTML page (<html>)"
        case "error": return "an error document (<Error>, as cloud storage answers a missing object)"
        default: return nil
        }
    }

    /// The error for an error page found in a file whose name says it holds report data.
    static func errorPageInPlaceOfReport(extension ext: String, page: String) -> ReportError {
        let format = ext == "xml" || ext == "trx" ? "XML report" : "report"
        return .malformed(
            "it holds \(page), not the \(format) its name promises: a download or cache step probably failed and "
                + "saved the server's answer in its place; fix that step (curl -f fails on an HTTP error), or keep "
                + "files that are not reports out of the folder gatecheck reads",
            at: FilePosition(line: 1))
    }
}
