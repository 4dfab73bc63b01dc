@_spi(Internals) import GateCheck
import Testing

/// Detection reads as far as the kind needs (issue 11, class 3): a report whose kind-telling part lies beyond the
/// first window is detected, never ignored, and the command line's window-then-read-on gives the same answer.
struct DetectionBeyondWindowTests {
    /// What `ReportLoader` does with a regular file: the first window, then, when it does not tell, read on.
    static func detectLikeLoader(_ bytes: [UInt8]) -> Detection {
        let first = ReportDetector.detect(
            prefix: bytes.prefix(ReportDetector.prefixLength), isWholeFile: bytes.count <= ReportDetector.prefixLength)
        guard case .undetermined = first else { return first }
        var source = BytesSource(bytes, chunkSize: 4096)
        return ReportDetector.detect(from: &source, limit: 1 << 30)
    }

    static let big = String(repeating: "x", count: 100_000)

    static let cases: [(name: String, text: String, kind: ReportKind)] = [
        (
            "DeepEval: testCases before metricsScores",
            #"{"testCases": [{"name": "q1", "input": "\#(big)", "metricsData": []}], "metricsScores": [], "runDuration": 1}"#,
            .accuracy
        ),
        (
            "SARIF with sorted keys and no $schema",
            #"{"properties": {"note": "\#(big)"}, "runs": [{"results": [], "tool": {"driver": {"name": "x"}}}], "version": "2.1.0"}"#,
            .sarif
        ),
        (
            "JUnit after a long prolog",
            "<?xml version=\"1.0\"?>\n<!-- \(big) -->\n<?pi \(big)?>\n<!DOCTYPE testsuite [<!-- \(big) -->]>\n"
                + "<testsuite tests=\"1\" failures=\"1\"><testcase name=\"a\"><failure/></testcase></testsuite>\n",
            .junit
        ),
        (
            "Cobertura after leading whitespace",
            String(repeating: " \n", count: 40_000) + "<coverage line-rate=\"0.1\"></coverage>", .cobertura
        ),
        (
            "Bandit JSON after an unknown big key",
            #"{"aaa": ["\#(big)"], "errors": [], "generated_at": "2025-01-01T00:00:00Z", "results": []}"#, .bandit
        ),
    ]

    @Test("a report told beyond the first window is detected", arguments: cases.indices)
    func beyondWindow(_ index: Int) {
        let (name, text, kind) = Self.cases[index]
        let bytes = Array(text.utf8)
        let window = ReportDetector.detect(prefix: bytes.prefix(ReportDetector.prefixLength), isWholeFile: false)
        guard case .undetermined = window else {
            Issue.record("\(name): the first window says \(window), not undetermined")
            return
        }
        #expect(Self.detectLikeLoader(bytes) == .report(kind), "\(name)")
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(kind), "\(name)")
    }

    @Test("chunk size never changes the detection")
    func chunks() {
        for (name, text, kind) in Self.cases {
            for chunk in [1, 3, 4096] where chunk > 1 || text.utf8.count < 300_000 {
                var source = BytesSource(Array(text.utf8), chunkSize: chunk)
                #expect(ReportDetector.detect(from: &source, limit: 1 << 30) == .report(kind), "\(name), \(chunk)")
            }
        }
    }

    @Test("an unsettled file at the byte bound is an error naming the bound, not ignored")
    func bound() {
        var source = BytesSource(#"{"padding": "\#(Self.big)", "generated_at": "x", "results": []}"#)
        #expect(ReportDetector.detect(from: &source, limit: 1000) == .unreadable(.tooLarge(limit: 1000)))
    }

    @Test("a NUL byte in XML is an error, not a binary file to ignore")
    func nulByte() {
        let afterRoot = Array("<?xml version=\"1.0\"?>\n<testsuites>".utf8) + [0] + Array("<testsuite/>".utf8)
        #expect(ReportDetector.detect(prefix: afterRoot, isWholeFile: true) == .report(.junit))
        let beforeRoot = Array("<?xml version=\"1.0\"?>\n".utf8) + [0] + Array("<testsuites>".utf8)
        guard case .unreadable(.malformed(_, let at)) = ReportDetector.detect(prefix: beforeRoot, isWholeFile: true)
        else {
            Issue.record("a NUL byte before the root is not malformed")
            return
        }
        #expect(at == FilePosition(line: 2, column: 1))
    }

    @Test("Bandit's XML output is an error saying how to write a readable format")
    func banditXML() {
        let xml = #"<?xml version="1.0" encoding="utf-8"?><testsuite name="bandit" tests="1"><testcase/></testsuite>"#
        guard
            case .unreadable(.wrongKind(.bandit, let found)) = ReportDetector.detect(
                prefix: Array(xml.utf8), isWholeFile: true)
        else {
            Issue.record("Bandit's XML output is not refused")
            return
        }
        #expect(found.contains("bandit -f json"))
    }
}

/// Files that are not reports are ignored whatever their first byte; "truncated" is said only of a valid prefix of
/// a report (issue 11, a new user's first day).
struct DetectionNotAReportTests {
    static let ignored: [(name: String, text: String)] = [
        ("pyproject.toml", "[build-system]\nrequires = [\"setuptools\"]\n"),
        ("setup.cfg", "[metadata]\nname = x\n"),
        (".coveragerc", "[run]\nbranch = True\n"),
        ("tox.ini", "[tox]\nenvlist = py3\n"),
        ("poetry.lock", "# This file is automatically @generated by Poetry\n[[package]]\nname = \"a\"\n"),
        ("numbers.json", "[1, 2, 3]"),
        ("package.json", #"{"name": "x", "version": "1.0.0", "dependencies": {"a": "1"}}"#),
        ("tsconfig.json", "{\n  // strict\n  \"compilerOptions\": {\"strict\": true,},\n}\n"),
        (".pre-commit-config.yaml", "repos:\n- repo: https://github.com/psf/black\n"),
        ("requirements.txt", "requests==2.31\n"),
        ("README.md", "# x\n\n[link](y)\n{not json}\n"),
        ("index.html", "<!DOCTYPE html>\n<html><body></body></html>\n"),
        ("schema.json", #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}"#),
        ("log.txt", "[2026-12-02 10:00:00] INFO started\n"),
    ]

    @Test("a file that is not a report is ignored", arguments: ignored.indices)
    func notAReport(_ index: Int) {
        let (name, text) = Self.ignored[index]
        let detection = ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: true)
        switch detection {
        case .unknown, .plainText: break
        default: Issue.record("\(name): \(detection)")
        }
    }

    static let truncated: [(String, ReportKind?)] = [
        (#"{"SchemaVersion": 2, "Results": ["#, .trivyJSON),
        (#"[{"Target": "alpine", "Vulnerabilities": ["#, .trivyJSON),
        (#"{"testCases": [{"name": "a""#, nil),
        (#"{"aaa": 1, "bbb": ["#, nil),
        ("[[\"django\", \"<1.2", .safety),
        ("[", nil),
        ("{", nil),
        ("<?xml version=\"1.0\"?>\n<!-- a comment", nil),
        ("<coverage line-rate", .cobertura),
        ("<cover", nil),
    ]

    @Test("a valid prefix of a report that ends early is truncated, or its kind when told")
    func truncatedReports() {
        for (text, kind) in Self.truncated {
            let detection = ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: true)
            if let kind {
                #expect(detection == .report(kind), "\(text)")
            } else if case .unreadable(.truncated) = detection {
            } else {
                Issue.record("\(text): \(detection)")
            }
        }
    }

    @Test("damage before a report's kind is told is an error, not a file to ignore")
    func damaged() {
        for text in [#"{"generated_at": "x", "extra": [}"#, "{\"results\": [\u{0}]"] {
            guard case .unreadable(.malformed) = ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: true)
            else {
                Issue.record("\(text) is not malformed")
                continue
            }
        }
    }
}
