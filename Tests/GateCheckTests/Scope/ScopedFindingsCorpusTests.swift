@_spi(Internals) import GateCheck
import Testing

/// `scope.paths` on findings gates over real SARIF and Trivy reports of the corpus (Fixtures/corpus, MANIFEST.tsv).
@Suite("Scoped findings gates on SARIF and Trivy")
struct ScopedFindingsCorpusTests {
    static func check(_ gate: String, _ file: String) throws -> GateResult {
        let configuration = try Configuration(json: #"{"version": 1, "gates": [\#(gate)]}"#)
        let checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
        let name = String(file.split(separator: "/").last ?? "report")
        let verdict = checker.check([ReportInput(name: name, bytes: try Fixtures.bytes("corpus/" + file))])
        return try #require(verdict.gates.first)
    }

    /// SARIF 2.1.0 Appendix K's example (DefectDojo's appendix_k.sarif): seven artifacts and one result, C2001 at
    /// collections/list.h, suppressed (`accepted`), so counted nowhere.
    static let appendixK = "sarif/django-DefectDojo/appendix_k.sarif"

    @Test("SARIF: results are counted by their file (CodeQL's 72 results: 26 under bad/, 12 under utils/)")
    func sarifByPath() throws {
        let file = "sarif/django-DefectDojo/codeQL-output.sarif"
        let bad = try Self.check(
            #"{"id": "g", "metric": "findings.total", "max": 0, "scope": {"paths": ["bad/**"]}}"#, file)
        #expect(bad.actual == .integer(26))
        let utils = try Self.check(
            #"{"id": "g", "metric": "findings.total", "max": 0, "scope": {"paths": ["utils/*.py"]}}"#, file)
        #expect(utils.actual == .integer(12))
    }

    @Test("SARIF: an artifact without counted results is a clean scan; a scope matching no artifact is exit 2")
    func sarifArtifacts() throws {
        let clean = try Self.check(
            #"{"id": "g", "metric": "findings.total", "max": 0, "scope": {"paths": ["crypto/**"]}}"#, Self.appendixK)
        #expect(clean.status == .pass)
        #expect(clean.actual == .integer(0))
        let typo = try Self.check(
            #"{"id": "g", "metric": "findings.total", "max": 0, "scope": {"paths": ["crypt/**"]}}"#, Self.appendixK)
        #expect(typo.status == .error)
        #expect(typo.message.contains("matches no finding and no file"))
    }

    @Test("SARIF: a result with only a logical location has no path, so a scoped gate that counts it is exit 2")
    func sarifWithoutLocation() throws {
        // appendix_k3.sarif: one B6412 warning located at `Example.Worker.DoWork` only.
        let gate = try Self.check(
            #"{"id": "g", "metric": "findings.total", "max": 0, "scope": {"paths": ["src/**"]}}"#,
            "sarif/django-DefectDojo/appendix_k3.sarif")
        #expect(gate.status == .error)
        #expect(gate.message.contains("have no path (1 from BinaryScanner)"))
    }

    /// DefectDojo's scheme_2_many_vulns.json: five vulnerabilities; CVE-2018-11771 and CVE-2018-1324 (MEDIUM) with
    /// PkgPath app/libs/commons-compress-1.14, CVE-2019-12900 (CRITICAL) with PkgPath app/libs/libbz2-1.0.6-r6.
    @Test("Trivy: a finding's path is its PkgPath (else its Target)")
    func trivyPkgPath() throws {
        let file = "trivy-json/django-DefectDojo/scheme_2_many_vulns.json"
        let compress = try Self.check(
            #"{"id": "g", "metric": "findings.total", "max": 0, "scope": {"paths": ["app/libs/commons-compress-*"]}}"#,
            file)
        #expect(compress.actual == .integer(2))
        let all = try Self.check(
            #"{"id": "g", "metric": "findings.critical", "max": 0, "scope": {"paths": ["app/libs/**"]}}"#, file)
        #expect(all.actual == .integer(1))
        #expect(all.findings.map(\.id) == ["CVE-2019-12900"])
    }
}
