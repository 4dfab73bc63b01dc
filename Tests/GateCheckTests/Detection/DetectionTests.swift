@_spi(Internals) import GateCheck
import Testing

/// Kinds come from content, never names.
struct DetectionTests {
    static let cases: [(text: String, expected: Detection)] = [
        ("<?xml version=\"1.0\" ?>\n<coverage line-rate=\"1\">", .report(.cobertura)),
        (
            "<!-- generated -->\n<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">\n<coverage>",
            .report(.cobertura)
        ),
        ("<testsuites name=\"pytest tests\"><testsuite>", .report(.junit)),
        ("<testsuite name=\"x\" tests=\"1\">", .report(.junit)),
        ("<ns:testsuites xmlns:ns=\"urn:x\">", .report(.junit)),
        ("<!DOCTYPE x [<!ENTITY a \"]>\">]><testsuite>", .report(.junit)),
        // Quotes and brackets inside a comment or processing instruction of the internal subset do not count.
        ("<!DOCTYPE x [<!-- ] > \" --><?pi ]> ' ?><!ELEMENT x ANY>]>\n<testsuite/>", .report(.junit)),
        ("<html><body>coverage</body></html>", .unknown("XML with root element <html>")),
        ("{\"errors\": [], \"generated_at\": \"2025-01-01T00:00:00Z\", \"metrics\": {", .report(.bandit)),
        (
            "{\"version\": \"2.1.0\", \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"runs\": []}",
            .report(.sarif)
        ),
        ("{\"SchemaVersion\": 2, \"ArtifactName\": \"alpine\"}", .report(.trivyJSON)),
        ("[{\"Target\": \"debian\", \"Vulnerabilities\": []}]", .report(.trivyJSON)),
        ("{\"report_meta\": {}, \"vulnerabilities\": []}", .report(.safety)),
        ("[[\"django\", \"<1.2.7\", \"1.2.2\", \"advisory\", \"25725\"]]", .report(.safety)),
        ("{\"meta\": {\"scan_type\": \"scan\"}, \"scan_results\": {}}", .report(.safety)),
        (
            "{\"dependencies\": [{\"name\": \"jinja2\", \"version\": \"2.11\", \"vulns\": []}], \"fixes\": []}",
            .report(.pipAudit)
        ),
        ("[{\"name\": \"adal\", \"version\": \"1.2.2\", \"vulns\": []}]", .report(.pipAudit)),
        ("[{\"Id\": \"sha256:1\", \"RepoTags\": [\"a:b\"], \"Size\": 5}]", .report(.image)),
        ("{\"schema\": \"gatecheck.accuracy/v1\", \"metrics\": {}}", .report(.accuracy)),
        (
            "{\"name\": \"my-package\", \"dependencies\": {\"left-pad\": \"1.0\"}}",
            .unknown("JSON of no known report kind (top-level keys: \"name\", \"dependencies\")")
        ),
        ("[]", .unknown("an empty JSON array, whose report kind cannot be told; bind it in gates.json `inputs`")),
        ("", .unreadable(.empty)),
        ("  \n\t ", .unreadable(.empty)),
        ("just some text", .plainText(firstLine: "just some text")),
        ("<?xml version=\"1.0\"?>", .unreadable(.truncated(at: FilePosition(line: 1, column: 22)))),
        ("{\"runs\": [", .unreadable(.truncated(at: FilePosition(line: 1, column: 11)))),
    ]

    @Test("content decides the kind", arguments: cases.indices)
    func detect(_ index: Int) {
        let (text, expected) = Self.cases[index]
        #expect(ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: true) == expected, "\(text)")
    }

    @Test("a UTF-8 byte order mark is skipped")
    func byteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<coverage/>".utf8)
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.cobertura))
    }

    @Test("UTF-16 (either byte order) is recognised")
    func utf16() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><testsuites/>"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(ReportDetector.detect(prefix: little, isWholeFile: true) == .report(.junit))
        #expect(ReportDetector.detect(prefix: big, isWholeFile: true) == .report(.junit))
    }

    @Test("a binary file is ignored, not an error")
    func binary() {
        let sqlite: [UInt8] = Array("SQLite format 3".utf8) + [0, 0x10, 0, 1]
        #expect(
            ReportDetector.detect(prefix: sqlite, isWholeFile: true)
                == .unknown("a binary file (it contains NUL bytes)"))
    }

    @Test("Safety's text banner before its JSON is looked through")
    func safetyBanner() {
        let text = "+==========+\n| REPORT |\n+==========+\n{\n  \"report_meta\": {\"scan_target\": \"env\"}\n}\n"
        #expect(ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: true) == .report(.safety))
    }

    @Test("a key beyond the first window leaves the kind undetermined (read on), never unknown (ignored)")
    func prefixLimit() {
        let padding = "\"padding\": \"" + String(repeating: "x", count: ReportDetector.prefixLength) + "\", "
        let text = Array(("{" + padding + "\"generated_at\": \"x\", \"results\": []}").utf8)
        let window = ReportDetector.detect(prefix: text.prefix(ReportDetector.prefixLength), isWholeFile: false)
        guard case .undetermined = window else {
            Issue.record("expected undetermined, got \(window)")
            return
        }
        #expect(ReportDetector.detect(prefix: text, isWholeFile: true) == .report(.bandit))
    }

    @Test("every corpus file of a detectable kind is detected as that kind", .enabled(if: Corpus.isAvailable))
    func corpus() throws {
        let folders: [String: ReportKind] = ["cobertura": .cobertura, "junit": .junit]
        for entry in Corpus.manifest {
            guard let kind = folders[entry.format] else { continue }
            let bytes = try Corpus.bytes(entry.path)
            let detection = ReportDetector.detect(prefix: bytes.prefix(ReportDetector.prefixLength), isWholeFile: true)
            switch detection {
            case .report(let found): #expect(found == kind, "\(entry.path)")
            case .unknown, .unreadable, .ownOutput, .undetermined, .plainText:
                // Only the files the manifest marks malformed or not-a-report may fail detection.
                #expect(
                    ["empty.xml", "non-xml.xml", "non-junit.xml"].contains { entry.path.hasSuffix($0) },
                    "\(entry.path): \(detection)")
            }
        }
    }
}
