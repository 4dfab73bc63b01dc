@_spi(Internals) import GateCheck
import Testing

/// An internal DTD subset may not declare anything: every markup declaration that could change what a handler reads
/// (an attribute default or `#FIXED` value, an entity, an element or notation) is refused as `report.forbidden` at
/// its line, and a DOCTYPE with only an external id is read and never fetched.
struct InternalSubsetTests {
    /// Internal-subset declarations, each refused in every XML report kind.
    static let declarations: [String] = [
        "<!ATTLIST line hits CDATA \"1\">",
        "<!ATTLIST line hits CDATA #FIXED \"1\">",
        "<!ATTLIST line branch CDATA #IMPLIED>",
        "<!ATTLIST coverage xmlns:x CDATA \"urn:x\">",
        "<!ATTLIST testcase status CDATA \"skipped\">",
        "<!ATTLIST line xml:space (default|preserve) \"preserve\">",
        "<!ELEMENT coverage ANY>",
        "<!ELEMENT testsuite (testcase*)>",
        "<!NOTATION n SYSTEM \"x\">",
        "<!ENTITY u SYSTEM \"x\" NDATA n>",
    ]

    static let cobertura = """
        <coverage line-rate="0"><packages><package name="p"><classes><class filename="a.py"><lines>
        <line number="1" hits="0"/><line number="2"/>
        </lines></class></classes></package></packages></coverage>
        """

    static let junit = """
        <testsuite name="s" tests="1"><testcase classname="c" name="t"><failure message="boom"/></testcase>
        </testsuite>
        """

    @Test("every internal-subset declaration is refused, at its line, in Cobertura", arguments: declarations)
    func coberturaDeclaration(_ declaration: String) {
        var source = BytesSource("<?xml version=\"1.0\"?>\n<!DOCTYPE coverage [\n\(declaration)\n]>\n" + Self.cobertura)
        #expect {
            _ = try CoberturaParser.parse(&source)
        } throws: { error in
            let error = error as? ReportError
            return error?.code == "report.forbidden" && error?.location?.line == 3
        }
    }

    @Test("every internal-subset declaration is refused, at its line, in JUnit", arguments: declarations)
    func junitDeclaration(_ declaration: String) {
        var source = BytesSource("<!DOCTYPE testsuite [\n\(declaration)\n]>\n" + Self.junit)
        #expect {
            _ = try JUnitParser.parse(&source)
        } throws: { error in
            let error = error as? ReportError
            return error?.code == "report.forbidden" && error?.location?.line == 2
        }
    }

    @Test("an ATTLIST default never gives a line a hit: the report is refused, not read at 100 %")
    func attlistDefaultHits() {
        let document =
            "<!DOCTYPE coverage [ <!ATTLIST line hits CDATA \"1\"> ]>\n"
            + "<coverage><packages><package><classes><class filename=\"a.py\"><lines>"
            + "<line number=\"1\"/><line number=\"2\"/></lines></class></classes></package></packages></coverage>"
        for detail in CoverageDetail.allCases {
            var source = BytesSource(document)
            #expect(throws: ReportError.self) { _ = try CoberturaParser.parse(&source, detail: detail) }
        }
    }

    @Test("a DOCTYPE with an external id only, or with an empty or comment-only subset, is read")
    func harmlessDoctypes() throws {
        let body = """
            <coverage line-rate="0.5"><packages><package><classes><class filename="a.py"><lines>
            <line number="1" hits="1"/><line number="2" hits="0"/></lines></class></classes></package></packages>
            </coverage>
            """
        for doctype in [
            "<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">",
            "<!DOCTYPE coverage PUBLIC \"-//x//y\" \"coverage-04.dtd\">",
            "<!DOCTYPE coverage [ ]>",
            "<!DOCTYPE coverage SYSTEM \"coverage-04.dtd\" [ <!-- a comment --> ]>",
        ] {
            var source = BytesSource(doctype + "\n" + body)
            let totals = try CoberturaParser.parse(&source).report.totals
            #expect(totals.linesValid == 2 && totals.linesCovered == 1, "\(doctype)")
        }
    }
}
