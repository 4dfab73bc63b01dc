import Foundation
import Testing

@_spi(Internals) @testable import GateCheck

/// The bounds that keep libxml2's quadratic paths out of reach: at most ``MarkupScanner/maxAttributes`` attributes
/// per start tag, at most ``MarkupScanner/maxMarkupBytes`` per tag, comment, processing instruction or DOCTYPE, and
/// any long construct (CDATA included) read in linear time.
struct XMLLimitTests {
    static func attributes(_ count: Int) -> String {
        (0..<count).map { " a\($0)=\"\($0)\"" }.joined()
    }

    @Test("a start tag with more attributes than the limit is invalid at its line, in both XML kinds")
    func tooManyAttributes() throws {
        let limit = MarkupScanner.maxAttributes
        var atLimit = BytesSource(
            "<testsuite>\n<testcase name=\"t\"\(Self.attributes(limit - 1))/></testsuite>")
        #expect(try JUnitParser.parse(&atLimit).report.total == 1)
        for count in [limit + 1, 100_000] {
            var junit = BytesSource("<testsuite>\n<testcase name=\"t\"\(Self.attributes(count))/></testsuite>")
            var cobertura = BytesSource("<coverage>\n<packages\(Self.attributes(count))/></coverage>")
            for error in [
                #expect(throws: ReportError.self) { _ = try JUnitParser.parse(&junit) },
                #expect(throws: ReportError.self) { _ = try CoberturaParser.parse(&cobertura) },
            ] {
                #expect(error?.code == "report.invalid-value")
                #expect(error?.location?.line == 2)
                #expect(error?.message.contains("more than \(limit) attributes") == true)
            }
        }
    }

    @Test("namespace declarations count as attributes, and '=' or '>' inside a value do not")
    func attributeCounting() {
        var scanner = MarkupScanner()
        let many = "<a" + (0...MarkupScanner.maxAttributes).map { " xmlns:n\($0)=\"u\"" }.joined() + "/>"
        #expect(Self.scan(&scanner, many) == .tooManyAttributes)
        scanner = MarkupScanner()
        let values = "<a x=\"" + String(repeating: "=>", count: 1000) + "\" y='\"='/>"
        #expect(Self.scan(&scanner, values) == nil)
        #expect(scanner.state == .text)
    }

    /// Documents whose constructs hold the characters that end other constructs.
    static let tricky: [String] = [
        "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"a>b\" [ <!-- ] > --> ]><r a='>' b=\"'\">t</r>",
        "<r><!-- a > b -- > --><![CDATA[ ]] > ] ]> <r a=\"b\"> ]]><?pi a=\">\" ? > ?></r>",
        "<r><![CDATA[]]><!---->x</r>",
    ]

    @Test("the scanner ends in text after any document, however it is cut into chunks", arguments: tricky)
    func chunking(_ document: String) {
        let bytes = Array(document.utf8)
        for cut in 0...bytes.count {
            var scanner = MarkupScanner()
            for part in [bytes[..<cut], bytes[cut...]] {
                let violation = Array(part).withUnsafeBytes { scanner.scan($0) }
                #expect(violation == nil)
            }
            #expect(scanner.state == .text && scanner.openLength == 0, "cut at \(cut)")
        }
    }

    @Test("UTF-16 documents are scanned a code unit at a time")
    func utf16() throws {
        let document = "<testsuite><testcase name=\"é 😀\"\(Self.attributes(MarkupScanner.maxAttributes))/></testsuite>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in document.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        var source = BytesSource(bytes)
        #expect(throws: ReportError.self) { _ = try JUnitParser.parse(&source) }
        var scanner = MarkupScanner()
        #expect(bytes.withUnsafeBytes { scanner.scan($0) } == .tooManyAttributes)
    }

    @Test("a tag, comment or DOCTYPE longer than the limit is invalid; a longer CDATA section is read")
    func longConstructs() throws {
        let size = MarkupScanner.maxMarkupBytes + 65_536
        let refused: [(String, String)] = [
            ("<testsuite>\n<testcase name=\"", "\"/></testsuite>"),
            ("<testsuite>\n<!--", "--></testsuite>"),
            ("<!DOCTYPE testsuite SYSTEM \"", "\"><testsuite/>"),
            ("<testsuite>\n<?pi ", "?></testsuite>"),
        ]
        for (prefix, suffix) in refused {
            var source = GeneratedSource(prefix: prefix, pattern: Self.block, bodyCount: size, suffix: suffix)
            let error = #expect(throws: ReportError.self) { _ = try JUnitParser.parse(&source) }
            #expect(error?.code == "report.invalid-value", "\(prefix)")
            #expect(error?.message.contains("longer than 64 MiB") == true, "\(prefix)")
        }
        var cdata = GeneratedSource(
            prefix: "<testsuite><testcase name=\"t\"><failure><![CDATA[boom ", pattern: Self.block, bodyCount: size,
            suffix: "]]></failure></testcase></testsuite>")
        let report = try JUnitParser.parse(&cdata).report
        #expect(report.failed == 1)
        #expect(report.failures.first?.message.hasPrefix("boom x") == true)
    }

    @Test("long constructs are read in linear time: 3 × 50 MB that took libxml2 alone over a minute")
    func noQuadraticTime() throws {
        let size = 50 << 20
        let documents: [(String, String)] = [
            ("<testsuite><testcase name=\"t\"><failure message=\"", "\"/></testcase></testsuite>"),
            ("<testsuite><!--", "--><testcase name=\"t\"><failure/></testcase></testsuite>"),
            ("<testsuite><testcase name=\"t\"><failure><![CDATA[", "]]></failure></testcase></testsuite>"),
        ]
        let clock = ContinuousClock()
        let started = clock.now
        for (prefix, suffix) in documents {
            var source = GeneratedSource(prefix: prefix, pattern: Self.block, bodyCount: size, suffix: suffix)
            #expect(try JUnitParser.parse(&source).report.failed == 1)
        }
        // Generous: about 1.5 s on the debug build; 65 s before the scanner.
        #expect(clock.now - started < .seconds(30))
    }

    @Test("an encoding that can write markup as other bytes is refused before libxml2 decodes it")
    func encodings() throws {
        // UTF-7 writes `<` as `+ADw-`: a start tag with 1,000 attributes the scanner cannot see.
        let hidden = "+ADw-testcase" + (0..<1000).map { " a\($0)+AD0AIg-1+ACI-" }.joined() + "/+AD4-"
        var utf7 = BytesSource("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<testsuite>\(hidden)</testsuite>")
        let error = #expect(throws: ReportError.self) { _ = try JUnitParser.parse(&utf7) }
        #expect(error?.code == "report.encoding")
        for prefix: [UInt8] in [[0x4C, 0x6F, 0xA7, 0x94], [0x00, 0x00, 0x00, 0x3C], [0x3C, 0x00, 0x00, 0x00]] {
            var source = BytesSource(prefix + Array(" version='1.0'?><testsuite/>".utf8))
            #expect(throws: ReportError.self) { _ = try JUnitParser.parse(&source) }
        }
        for name in ["UTF-8", "utf-8", "ISO-8859-1", "windows-1252", "US-ASCII"] {
            var source = BytesSource(
                "<?xml version='1.0' encoding='\(name)'?>\n<testsuite><testcase name=\"t\"/></testsuite>")
            #expect(try JUnitParser.parse(&source).report.total == 1, "\(name)")
        }
    }

    @Test(
        "a byte that is not valid in the declared encoding stops the read as an error, never as a shorter document",
        arguments: [
            ("EUC-JP", [0xFF, 0xFF]), ("Shift_JIS", [0xA0, 0xA0, 0xFF]), ("windows-1252", [0x81]),
            ("GB18030", [0xFF, 0xFF]), ("BIG5", [0xFF, 0xFF]),
        ] as [(String, [UInt8])])
    func invalidInDeclaredEncoding(_ encoding: String, _ bad: [UInt8]) throws {
        // libxml2 halts at such a byte without telling the context's error callback; the elements before it read
        // as a whole document. Here that was a root claiming 95 % over 100 lines that were never hit.
        let lines = (1...100).map { "<line number=\"\($0)\" hits=\"0\"/>" }.joined()
        let head =
            "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<coverage line-rate=\"0.95\" lines-valid=\"100\" "
            + "lines-covered=\"95\"><packages><package name=\"p\"><!-- "
        let tail =
            " --><classes><class filename=\"a.py\"><lines>\(lines)</lines></class></classes></package>"
            + "</packages></coverage>\n"
        let bytes = Array(head.utf8) + bad + Array(tail.utf8)
        for chunk in [Int.max, 7] {
            var source = BytesSource(bytes, chunkSize: chunk)
            let error = #expect(throws: ReportError.self) { _ = try CoberturaParser.parse(&source) }
            #expect(error?.code == "report.malformed" && error?.message.contains("encoding") == true, "\(encoding)")
        }
        // The same document without the bad byte is read from its lines: 0 of 100.
        var clean = BytesSource(Array(head.utf8) + Array(tail.utf8))
        #expect(try CoberturaParser.parse(&clean).report.totals.linesCovered == 0)
    }

    /// The generated body, in blocks large enough that generating it costs nothing next to parsing it.
    static let block = String(repeating: "x", count: 65_536)

    static func scan(_ scanner: inout MarkupScanner, _ text: String) -> MarkupScanner.Violation? {
        Array(text.utf8).withUnsafeBytes { scanner.scan($0) }
    }
}
