import Foundation
@_spi(Internals) import GateCheck
import GateCheckTestSupport
import Testing

/// Hostile XML documents, written so that each points its external references at a given base URL.
struct HostileDocuments: Sendable {
    let id: String
    let description: String
    let name: String
    /// The document, with external references to `base` (a loopback listener, or a port nothing listens on) and
    /// to the local file `secret`.
    let text: @Sendable (_ base: String?, _ secret: URL) -> String

    static let all: [HostileDocuments] = [
        HostileDocuments(
            id: "billion-laughs", description: "nested internal entities (833 bytes, 3 GB expanded)",
            name: "coverage.xml"
        ) { _, _ in
            """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
             <!ENTITY lol "lol">
             <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
             <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
             <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
             <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
             <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
             <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
             <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
             <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <coverage line-rate="1"><packages><package><classes><class filename="a.py"><lines>
            <line number="1" hits="1">&lol9;</line></lines></class></classes></package></packages></coverage>

            """
        },
        HostileDocuments(
            id: "quadratic-blowup", description: "a 100 kB entity referenced 10,000 times (1 GB expanded)",
            name: "junit.xml"
        ) { _, _ in
            "<!DOCTYPE testsuites [<!ENTITY a \"\(String(repeating: "x", count: 100_000))\">]><testsuites><testsuite>"
                + "<testcase name=\"t\"><failure message=\"m\">\(String(repeating: "&a;", count: 10_000))</failure>"
                + "</testcase></testsuite></testsuites>\n"
        },
        HostileDocuments(id: "xxe-file", description: "an external entity reading a local file", name: "junit.xml") {
            _, secret in
            "<?xml version=\"1.0\"?><!DOCTYPE testsuites [<!ENTITY xxe SYSTEM \"\(secret.absoluteString)\">]>"
                + "<testsuites><testsuite name=\"&xxe;\"><testcase name=\"&xxe;\"><failure message=\"&xxe;\"/></testcase>"
                + "</testsuite></testsuites>\n"
        },
        HostileDocuments(id: "xxe-http", description: "an external entity fetched over http", name: "coverage.xml") {
            base, _ in
            "<!DOCTYPE coverage [<!ENTITY ext SYSTEM \"\(base ?? "http://127.0.0.1:9")/data\">]><coverage>&ext;</coverage>\n"
        },
        HostileDocuments(
            id: "xxe-parameter", description: "an external parameter entity fetched over http", name: "coverage.xml"
        ) { base, _ in
            "<!DOCTYPE coverage [<!ENTITY % remote SYSTEM \"\(base ?? "http://127.0.0.1:9")/evil.dtd\"> %remote;]>"
                + "<coverage/>\n"
        },
        HostileDocuments(
            id: "external-dtd",
            description: "Java Cobertura's `<!DOCTYPE coverage SYSTEM \"http://...\">`: never fetched, read",
            name: "coverage.xml"
        ) { base, _ in
            "<?xml version=\"1.0\"?>\n<!DOCTYPE coverage SYSTEM \"\(base ?? "http://127.0.0.1:9")/coverage-04.dtd\">\n"
                + "<coverage><packages><package><classes><class filename=\"a.py\"><lines><line number=\"1\" hits=\"1\"/>"
                + "</lines></class></classes></package></packages></coverage>\n"
        },
    ]
}

/// Hostile XML through the built executable: refused (or, for an external DTD, read without fetching it) with no
/// connection attempted, no local file's content in any output, in bounded time and memory.
struct HostileExecutableTests {
    @Test(
        "hostile XML: no connection, no file content, under 64 MiB and 5 s", arguments: HostileDocuments.all.map(\.id))
    func hostile(_ id: String) throws {
        let document = try #require(HostileDocuments.all.first { $0.id == id })
        let listener = try LoopbackListener()
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = "TOP-SECRET-\(UUID())"
        let secretFile = directory.appendingPathComponent("secret.txt")
        try secret.write(to: secretFile, atomically: true, encoding: .utf8)
        let path = try FailureModeTests.write(document.text(listener.base, secretFile), document.name, in: directory)
        let outputs = directory.appendingPathComponent("out").path
        let run = try ExecutableRunner.run(
            ["--output", "json=\(outputs).json", "--output", "sarif=\(outputs).sarif", path], deadline: 20)
        #expect(run.status == (id == "external-dtd" ? 0 : 2), "\(run.output)")
        #expect(listener.pendingConnections() == 0, "gatecheck attempted a network connection")
        for text in [run.output, (try? String(contentsOfFile: outputs + ".json", encoding: .utf8)) ?? ""] {
            #expect(!text.contains(secret))
        }
        #expect(run.seconds < 5, "\(run.seconds) s")
        #expect(run.peakResidentBytes < 64 << 20, "peak resident memory \(run.peakResidentBytes >> 20) MiB")
    }

    static let kindsBySample: [(ReportKind, String)] = [
        (.cobertura, "coverage.xml"), (.junit, "junit.xml"), (.bandit, "bandit.json"),
        (.accuracy, "accuracy-report.json"),
        (.image, "image-inspect.json"), (.llmCost, "llm-cost.json"),
    ]

    static let inlineSamples: [(ReportKind, String)] = [
        (
            .safety,
            #"{"report_meta": {"safety_version": "3.6.1"}, "vulnerabilities": [], "ignored_vulnerabilities": []}"#
        ),
        (.pipAudit, #"{"dependencies": [{"name": "requests", "version": "2.32.4", "vulns": []}], "fixes": []}"#),
        (.sarif, #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "T"}}, "results": []}]}"#),
        (.trivyJSON, #"{"SchemaVersion": 2, "ArtifactName": "app:1", "Results": []}"#),
        (
            .latency,
            #"{"schema": "gatecheck.latency/v1", "p50_ms": 1, "p95_ms": 2, "requests": 10, "error_rate": 0}"#
        ),
        (
            .jacoco,
            #"<!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="r"><package name="p">"#
                + #"<sourcefile name="A.java"><line nr="1" mi="0" ci="1"/></sourcefile></package></report>"#
        ),
        (.nunit, #"<test-run total="1"><test-case name="t" result="Passed"/></test-run>"#),
        (
            .xunit,
            #"<assemblies><assembly total="1"><collection><test name="t" result="Pass"/></collection></assembly></assemblies>"#
        ),
        (
            .trx,
            #"<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results><UnitTestResult testName="t" outcome="Passed"/></Results></TestRun>"#
        ),
        (
            .coverageJSON,
            #"{"meta": {"format": 3, "version": "7.17.5"}, "files": {"a.py": {"executed_lines": [1], "missing_lines": [2], "summary": {"covered_lines": 1, "num_statements": 2}}}, "totals": {"covered_lines": 1, "num_statements": 2}}"#
        ),
        (
            .goTestJSON,
            #"{"Action":"run","Package":"m","Test":"TestA"}"# + "\n"
                + #"{"Action":"pass","Package":"m","Test":"TestA","Elapsed":0}"# + "\n"
                + #"{"Action":"pass","Package":"m","Elapsed":0.1}"# + "\n"
        ),
        (.goCover, "mode: set\nexample.com/m/a.go:3.14,5.2 1 1\n"),
        (.lcov, "TN:\nSF:src/a.c\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n"),
        (
            .promptfoo,
            #"{"evalId": "e", "results": {"version": 3, "results": [{"success": true, "namedScores": {"retrieval": 1}}], "#
                + #""stats": {"successes": 1, "failures": 0, "errors": 0}}}"#
        ),
        (.ragas, ",user_input,response,retrieval\n0,How do I reset it?,Open Settings.,1.0\n"),
        (
            .k6,
            #"{"root_group": {"name": "", "path": "", "groups": {}, "checks": {}}, "metrics": {"http_req_duration": {"med": 1, "p(95)": 2}, "http_reqs": {"count": 10}, "http_req_failed": {"passes": 0, "fails": 10, "value": 0}}}"#
        ),
        (
            .locust,
            "Type,Name,Request Count,Failure Count,Median Response Time,50%,95%\r\nGET,/,10,0,1,1,2\r\n"
                + ",Aggregated,10,0,1,1,2\r\n"
        ),
    ]

    @Test("a report bound in gates.json as any other kind is wrong-kind, exit 2, for every pair of kinds")
    func everyWrongBinding() throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [(ReportKind, String)] = Self.kindsBySample.map {
            ($0.0, FailureModeTests.samples.appendingPathComponent($0.1).path)
        }
        for (kind, text) in Self.inlineSamples {
            files.append((kind, try FailureModeTests.write(text, "\(kind.rawValue).json", in: directory)))
        }
        #expect(Set(files.map(\.0)) == Set(ReportKind.allCases))
        for (kind, path) in files {
            let right = try gatesBinding(path, as: kind, in: directory)
            #expect(ScenarioTests.run(["--format", "json", "--config", right]).code != 2, "\(kind) bound as itself")
            for other in ReportKind.allCases where other != kind {
                let config = try gatesBinding(path, as: other, in: directory)
                let result = ScenarioTests.run(["--format", "json", "--config", config])
                #expect(result.code == 2, "\(kind) bound as \(other)")
                #expect(
                    result.out.contains("\"code\": \"report.wrong-kind\""), "\(kind) bound as \(other): \(result.out)")
            }
        }
    }

    private func gatesBinding(_ path: String, as kind: ReportKind, in directory: URL) throws -> String {
        try FailureModeTests.write(
            """
            {"version": 1, "inputs": [{"path": "\(path)", "kind": "\(kind.rawValue)"}],
             "gates": [{"id": "any", "metric": "\(Self.metric(kind))", "min": 0}]}
            """, "gates-\(kind.rawValue).json", in: directory)
    }

    private static func metric(_ kind: ReportKind) -> String {
        switch kind {
        case .cobertura, .lcov, .coverageJSON, .goCover: "coverage.lines_valid"
        case .junit, .goTestJSON: "tests.total"
        case .bandit, .safety, .pipAudit, .sarif, .trivyJSON: "findings.total"
        case .accuracy, .promptfoo, .ragas: "accuracy.retrieval"
        case .image: "image.size_bytes"
        case .llmCost: "llm.cost_usd"
        case .latency, .k6, .locust: "latency.p50_ms"
        case .jacoco: "coverage.lines_valid"
        case .nunit, .xunit, .trx: "tests.total"
        }
    }
}

/// The verdict does not depend on anything that changes between runs.
struct CrossRunDeterminismTests {
    @Test(
        "the JSON verdict is byte-identical across processes (each with its own hash seed), argument orders and --jobs")
    func acrossProcesses() throws {
        let root = ScenarioTests.root.path + "/sample-reports/"
        let files = [
            "failing/coverage.xml", "failing/junit.xml", "failing/bandit.json", "failing/accuracy-report.json",
            "failing/image-inspect.json", "failing/llm-cost.json", "passing/coverage.xml", "passing/junit.xml",
            "gates.json",
        ].map { root + $0 }
        var outputs: Set<String> = []
        for (index, order) in [files, files.reversed(), files.shuffled(), files.shuffled()].enumerated() {
            let run = try ExecutableRunner.run(
                ["--format", "json", "--config", root + "gates.json", "--jobs", "\(index % 2 + 1)"] + order)
            #expect(run.status == 1 || run.status == 2, "\(run.output)")
            outputs.insert(run.output)
        }
        #expect(outputs.count == 1)
    }

    @Test("40 XML reports parsed on 16 threads from a fresh process (libxml2 initialised by the first) match --jobs 1")
    func parallelFirstParses() throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let samples = FailureModeTests.samples
        for index in 0..<20 {
            for name in ["coverage.xml", "junit.xml"] {
                try FileManager.default.copyItem(
                    at: samples.appendingPathComponent(name), to: directory.appendingPathComponent("\(index)-\(name)"))
            }
        }
        let serial = try ExecutableRunner.run(["--format", "json", "--jobs", "1", directory.path])
        #expect(serial.status == 0, "\(serial.output)")
        for _ in 0..<5 {
            #expect(
                try ExecutableRunner.run(["--format", "json", "--jobs", "16", directory.path]).output == serial.output)
        }
    }
}
