@_spi(Internals) import GateCheck
import Testing

/// Every `<line>` of a Cobertura report is counted or refused, so the root-attribute fallback fires only for a report
/// that has no `<line>` element at all; root figures that contradict each other are refused.
struct CoberturaPlacementTests {
    static func parse(_ document: String, detail: CoverageDetail) throws -> ParsedCoverage {
        var source = BytesSource(document)
        return try CoberturaParser.parse(&source, detail: detail)
    }

    static func document(root: String = "line-rate=\"0.99\"", _ body: String) -> String {
        "<?xml version=\"1.0\"?>\n<coverage \(root)>\n" + body + "\n</coverage>"
    }

    static let methodOnly = """
        <class filename="a.swift"><methods>
        <method name="f"><lines><line number="5" hits="0"/><line number="6" hits="0"/></lines></method>
        <method name="g"><lines><line number="16" hits="1"/></lines></method>
        </methods></class>
        """

    /// Where producers put classes and lines, and the line totals gatecheck must count: (covered, valid).
    static let placements: [(name: String, body: String, covered: Int, valid: Int)] = [
        ("method lines only, class under <package>", "<packages><package>\(methodOnly)</package></packages>", 1, 3),
        (
            "method lines only, class under <classes>",
            "<packages><package><classes>\(methodOnly)</classes></package></packages>", 1, 3
        ),
        ("class directly under <coverage>", methodOnly, 1, 3),
        ("class under <packages>", "<packages>\(methodOnly)</packages>", 1, 3),
        (
            "empty class <lines/> and method lines",
            "<packages><package><classes><class filename=\"a.py\"><methods><method><lines>"
                + "<line number=\"1\" hits=\"0\"/></lines></method></methods><lines/></class></classes></package></packages>",
            0, 1
        ),
        (
            "Java Cobertura: the same lines under <method> and <class>, counted once",
            "<packages><package><classes><class filename=\"A.java\"><methods><method><lines>"
                + "<line number=\"3\" hits=\"0\"/><line number=\"4\" hits=\"0\"/></lines></method></methods><lines>"
                + "<line number=\"3\" hits=\"1\"/><line number=\"4\" hits=\"0\"/></lines></class></classes></package>"
                + "</packages>", 1, 2
        ),
    ]

    @Test("lines are counted wherever producers put their class, so the root is never used beside them")
    func placedLines() throws {
        for placement in Self.placements {
            for detail in CoverageDetail.allCases {
                let parsed = try Self.parse(Self.document(placement.body), detail: detail)
                let totals = parsed.report.totals
                #expect(
                    totals.linesCovered == placement.covered && totals.linesValid == placement.valid,
                    "\(placement.name), \(detail)")
                #expect(!parsed.diagnostics.contains { $0.code == "cobertura.summary-only" }, "\(placement.name)")
            }
        }
    }

    /// `<line>` elements gatecheck cannot place in a file.
    static let misplaced: [String] = [
        "<line number=\"1\" hits=\"1\"/>",
        "<packages><package><line number=\"1\" hits=\"1\"/></package></packages>",
        "<packages><package><classes><class filename=\"a.py\"><line number=\"1\" hits=\"1\"/></class></classes>"
            + "</package></packages>",
        "<packages><package><lines><line number=\"1\" hits=\"1\"/></lines></package></packages>",
        "<packages><package><classes><class filename=\"a.py\"><methods><method><line number=\"1\" hits=\"1\"/>"
            + "</method></methods></class></classes></package></packages>",
        "<packages><package><classes><class filename=\"a.py\"><lines><line number=\"1\" hits=\"1\">"
            + "<line number=\"2\" hits=\"1\"/></line></lines></class></classes></package></packages>",
        "<packages><package><classes><class filename=\"a.py\"><class filename=\"b.py\"><lines>"
            + "<line number=\"1\" hits=\"1\"/></lines></class></class></classes></package></packages>",
    ]

    @Test("a <line> that cannot be placed in a file is malformed at its line, never dropped", arguments: misplaced)
    func misplacedLine(_ body: String) {
        for detail in CoverageDetail.allCases {
            #expect {
                _ = try Self.parse(Self.document(body), detail: detail)
            } throws: { error in
                let error = error as? ReportError
                return error?.code == "report.malformed" && error?.location?.line == 3
            }
        }
    }

    @Test(
        "a <line> whose number is not a line number is invalid at its line, in class and method lines",
        arguments: ["number=\"0\"", "number=\"x\"", "number=\"-1\"", "number=\"\"", "number=\"4294967296\"", ""])
    func invalidNumber(_ number: String) {
        let bad = "<line \(number) hits=\"1\"/>"
        let bodies = [
            "<packages><package><classes><class filename=\"a.py\"><lines>\n\(bad)</lines></class></classes>"
                + "</package></packages>",
            "<packages><package><classes><class filename=\"a.py\"><methods><method><lines>\n\(bad)</lines></method>"
                + "</methods><lines><line number=\"1\" hits=\"1\"/></lines></class></classes></package></packages>",
        ]
        for body in bodies {
            for detail in CoverageDetail.allCases {
                #expect {
                    _ = try Self.parse(Self.document(body), detail: detail)
                } throws: { error in
                    let error = error as? ReportError
                    return error?.code == "report.invalid-value" && error?.location?.line == 4
                }
            }
        }
    }

    /// Root attributes that contradict each other.
    static let contradictions: [String] = [
        "line-rate=\"0.10\" lines-covered=\"95\" lines-valid=\"100\"",
        "line-rate=\"1\" lines-covered=\"95\" lines-valid=\"100\"",
        "line-rate=\"0.9\" lines-covered=\"95\" lines-valid=\"100\"",
        "line-rate=\"0.952\" lines-covered=\"95\" lines-valid=\"100\"",
        "line-rate=\"0.95\" lines-covered=\"95\" lines-valid=\"100\" branch-rate=\"1.0\" branches-covered=\"1\" "
            + "branches-valid=\"4\"",
        "line-rate=\"9.5e-1\" lines-covered=\"90\" lines-valid=\"100\"",
    ]

    @Test("root figures that contradict each other are invalid, with or without lines", arguments: contradictions)
    func contradictingRoot(_ root: String) {
        for body in ["<packages/>", "<packages>\(Self.methodOnly)</packages>"] {
            #expect {
                _ = try Self.parse(Self.document(root: root, body), detail: .lines)
            } throws: { error in
                let error = error as? ReportError
                return error?.code == "report.invalid-value" && error?.location?.line == 2
            }
        }
    }

    /// Root attributes as producers round or truncate them: consistent.
    static let consistent: [String] = [
        "line-rate=\"0.6117\" lines-covered=\"156\" lines-valid=\"255\"",  // coverlet truncates
        "line-rate=\"0.59524\" lines-covered=\"25\" lines-valid=\"42\"",  // gcovr
        "line-rate=\"1\" lines-covered=\"99999\" lines-valid=\"100000\"",  // coverage.py's %.4g
        "line-rate=\"0.6666666666666666\" lines-covered=\"24\" lines-valid=\"36\"",  // Java
        "line-rate=\"1\" lines-covered=\"0\" lines-valid=\"0\" branch-rate=\"1.0\" branches-covered=\"0\" "
            + "branches-valid=\"0\"",  // gcovr's 0/0
    ]

    @Test("root figures as producers round or truncate them are consistent", arguments: consistent)
    func consistentRoot(_ root: String) throws {
        let parsed = try Self.parse(Self.document(root: root, "<packages/>"), detail: .lines)
        #expect(parsed.report.summary.lineRate != nil)
    }

    @Test("a report without any <line> element still falls back to its consistent root, with the note")
    func summaryOnlyStillReads() throws {
        let parsed = try Self.parse(
            Self.document(
                root: "line-rate=\"0.95\" lines-covered=\"95\" lines-valid=\"100\"",
                "<packages><package><classes><class filename=\"a.py\"><methods/><lines/></class></classes>"
                    + "</package></packages>"), detail: .lines)
        #expect(parsed.report.totals.linesValid == 0)
        #expect(parsed.report.summary.linesCovered == 95)
        #expect(parsed.diagnostics.contains { $0.code == "cobertura.summary-only" })
    }
}
