/// What a file's name promises about its content: detection goes by content alone, but a name that says "report
/// data" (`trivy.json`, `junit.xml`) holding plain text means the step that should have written the report wrote
/// its error message there instead (`safety check --json > safety.json` on a network failure), and ignoring it
/// could let the other reports pass.
enum ReportFileName {
    /// The extensions of the data formats reports are written in.
    static let dataExtensions: Set<String> = ["json", "jsonl", "ndjson", "sarif", "xml", "trx"]

    /// The extension of `name` when it is one of ``dataExtensions`` (lowercased), else `nil`.
    static func dataExtension(of name: String) -> String? {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        let ext = base[base.index(after: dot)...].lowercased()
        return dataExtensions.contains(ext) ? ext : nil
    }

    /// The error for binary data (NUL bytes) found in a file whose name says it holds report data: a compressed
    /// report (`trivy.json.gz` renamed), a file cut by a crash, or one that is not a report at all.
    static func binaryInPlaceOfReport(extension ext: String) -> ReportError {
        let format = ext == "xml" || ext == "trx" ? "XML" : "JSON"
        return .malformed(
            "it holds binary data (NUL bytes), not the \(format) its name promises: a compressed or damaged report, "
                + "or not a report; decompress it or fix the step that writes it, or keep files that are not reports "
                + "out of the folder gatecheck reads",
            at: nil)
    }

    /// The error for plain text found in a file whose name says it holds report data.
    static func textInPlaceOfReport(extension ext: String, firstLine: String) -> ReportError {
        let format = ext == "xml" || ext == "trx" ? "XML" : "JSON"
        let shown = firstLine.isEmpty ? "" : " (it starts \"\(firstLine)\")"
        return .malformed(
            "it holds plain text, not the \(format) its name promises\(shown): the step that writes it probably "
                + "failed and wrote its error there; fix that step, or keep files that are not reports out of the "
                + "folder gatecheck reads",
            at: FilePosition(line: 1))
    }
}
