import Foundation
@_spi(Internals) import GateCheck
import GateCheckTestSupport
import Testing

/// Hostile XML is refused by construction: the parser stops at the first entity declaration, never fetches
/// anything, caps nesting, and treats any document that is not well-formed as an error.
struct HostileXMLTests {
    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <coverage line-rate="1"><packages><package><classes><class filename="a.py"><lines>
        <line number="1" hits="1">&lol9;</line></lines></class></classes></package></packages></coverage>
        """

    @Test("billion laughs stops at the first entity declaration, before any expansion")
    func billionLaughs() {
        var source = BytesSource(Self.billionLaughs)
        #expect(throws: ReportError.forbidden("an entity declaration ('lol')", at: FilePosition(line: 3))) {
            _ = try CoberturaParser.parse(&source)
        }
    }

    @Test("quadratic blow-up (one large entity referenced many times) is refused the same way")
    func quadraticBlowup() {
        let big = String(repeating: "x", count: 100_000)
        let references = String(repeating: "&a;", count: 10_000)
        var source = BytesSource(
            "<!DOCTYPE testsuites [<!ENTITY a \"\(big)\">]><testsuites><testsuite><testcase name=\"t\">"
                + "<failure message=\"m\">\(references)</failure></testcase></testsuite></testsuites>")
        #expect {
            _ = try JUnitParser.parse(&source)
        } throws: { ($0 as? ReportError)?.code == "report.forbidden" }
    }

    @Test("an external entity pointing at a local file is refused and its content never appears")
    func localExternalEntity() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("gatecheck-secret-\(UUID()).txt")
        try "TOP-SECRET-\(UUID())".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        var source = BytesSource(
            "<?xml version=\"1.0\"?><!DOCTYPE testsuites [<!ENTITY xxe SYSTEM \"\(secret.absoluteString)\">]>"
                + "<testsuites><testsuite><testcase name=\"&xxe;\"><failure message=\"&xxe;\"/></testcase>"
                + "</testsuite></testsuites>")
        do {
            let report = try JUnitParser.parse(&source).report
            Issue.record("an external entity was accepted: \(report.failures)")
        } catch {
            #expect(error.code == "report.forbidden")
            #expect(!error.description.contains("TOP-SECRET"))
        }
    }

    @Test("no network access: external DTDs, external entities and parameter entities over http are never fetched")
    func noNetwork() throws {
        let listener = try LoopbackListener()
        let url = "http://127.0.0.1:\(listener.port)"
        let documents = [
            // Java Cobertura writes this DOCTYPE: it must parse, without fetching the DTD.
            "<?xml version=\"1.0\"?><!DOCTYPE coverage SYSTEM \"\(url)/coverage-04.dtd\"><coverage line-rate=\"1\">"
                + "<packages/></coverage>",
            "<!DOCTYPE coverage [<!ENTITY % remote SYSTEM \"\(url)/evil.dtd\"> %remote;]><coverage/>",
            "<!DOCTYPE coverage [<!ENTITY ext SYSTEM \"\(url)/data\">]><coverage>&ext;</coverage>",
            "<coverage xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"\(url)/x.xml\"/></coverage>",
        ]
        var outcomes: [String] = []
        for document in documents {
            var source = BytesSource(document)
            do {
                _ = try CoberturaParser.parse(&source)
                outcomes.append("parsed")
            } catch {
                outcomes.append(error.code)
            }
        }
        #expect(outcomes == ["parsed", "report.forbidden", "report.forbidden", "parsed"])
        #expect(listener.pendingConnections() == 0, "the parser attempted a network connection")
    }

    @Test("nesting beyond the depth cap is refused at the cap, quickly, for 100,000 levels")
    func deepNesting() {
        let depth = 100_000
        var source = BytesSource(
            "<testsuites>" + String(repeating: "<testsuite>", count: depth)
                + String(repeating: "</testsuite>", count: depth)
                + "</testsuites>")
        #expect {
            _ = try JUnitParser.parse(&source)
        } throws: { ($0 as? ReportError)?.code == "report.too-deep" }
    }

    @Test("a document cut anywhere is an error, never partial totals", arguments: [0.1, 0.35, 0.5, 0.8, 0.99])
    func truncation(_ fraction: Double) throws {
        let bytes = try Fixtures.projectFile("sample-reports/passing/coverage.xml")
        let cut = Array(bytes.prefix(Int(Double(bytes.count) * fraction)))
        var source = BytesSource(cut)
        #expect {
            _ = try CoberturaParser.parse(&source)
        } throws: { error in
            let code = (error as? ReportError)?.code
            return code == "report.truncated" || code == "report.malformed"
        }
    }

    @Test("garbage after the root element is an error")
    func trailingGarbage() {
        var source = BytesSource("<testsuites><testsuite/></testsuites><testsuites/>")
        #expect(throws: ReportError.self) { _ = try JUnitParser.parse(&source) }
    }

    @Test("a 24 MB failure body is read through and kept to its first 500 bytes")
    func hugeTextNode() throws {
        let body = String(repeating: "e&amp;", count: 4_000_000)
        var source = BytesSource(
            "<testsuite><testcase name=\"t\"><failure>" + body + "</failure></testcase></testsuite>", chunkSize: 65536)
        let report = try JUnitParser.parse(&source).report
        #expect(report.failed == 1)
        #expect(report.failures[0].message.utf8.count <= FailedTest.messageLimit)
    }
}
