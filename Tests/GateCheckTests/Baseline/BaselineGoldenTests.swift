import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Every output format shows a baseline comparison: base, head, delta and tolerance (golden files
/// `baseline.<format>`), and says why a gate was not compared (`baseline-not-compared.<format>`).
struct BaselineGoldenTests {
    static let gates = """
        { "version": 1, "gates": [
          { "id": "ratchet", "metric": "coverage.line_rate", "baseline": { "max_drop": 0.001 } },
          { "id": "floor", "metric": "coverage.line_rate", "min": 0.5, "baseline": { "max_drop": 0.5 } },
          { "id": "newly-failing", "metric": "tests.newly_failing", "max": 0 },
          { "id": "no-new-findings", "metric": "findings.new", "max": 0 },
          { "id": "removed", "metric": "tests.removed", "max": 0, "level": "warn" }
        ] }
        """

    /// The failing samples judged against the passing samples' baseline.
    static let compared: Verdict = {
        guard let base = try? BaselineCheckerTests.run(gates, "passing").baseline,
            let verdict = try? BaselineCheckerTests.run(
                gates, "failing", baseline: .loaded(base, name: "baseline.json")
            )
            .verdict
        else { return Verdict(status: .error, gates: [], reports: [], ignored: [], diagnostics: []) }
        return verdict
    }()

    /// The passing samples with a stale baseline (another commit) under `on_missing` warn and the default error.
    static let notCompared: Verdict = {
        let gates = """
            { "version": 1, "gates": [
              { "id": "ratchet", "metric": "coverage.line_rate", "baseline": { "max_drop": 0, "on_missing": "warn" } },
              { "id": "floor", "metric": "coverage.line_rate", "min": 0.5 },
              { "id": "newly-failing", "metric": "tests.newly_failing", "max": 0 }
            ] }
            """
        guard let base = try? BaselineCheckerTests.run(gates, "passing").baseline else {
            return Verdict(status: .error, gates: [], reports: [], ignored: [], diagnostics: [])
        }
        let stale = BaselineCodec.checked(.loaded(base, name: "baseline.json"), expectedCommit: "def456")
        return (try? BaselineCheckerTests.run(gates, "passing", baseline: stale).verdict)
            ?? Verdict(status: .error, gates: [], reports: [], ignored: [], diagnostics: [])
    }()

    @Test("the compared verdict fails on the ratchet and both change gates, passes the loose one, warns on removed")
    func statuses() {
        #expect(Self.compared.gates.map(\.status) == [.fail, .pass, .fail, .fail, .warn])
        #expect(Self.notCompared.gates.map(\.status) == [.warn, .pass, .error])
    }

    @Test("a compared verdict matches its golden file", arguments: OutputFormat.allCases)
    func golden(_ format: OutputFormat) {
        GoldenFile.assertMatches(format.reporter().render(Self.compared), "baseline.\(format.rawValue)")
    }

    @Test("a verdict with gates not compared matches its golden file", arguments: OutputFormat.allCases)
    func goldenNotCompared(_ format: OutputFormat) {
        GoldenFile.assertMatches(format.reporter().render(Self.notCompared), "baseline-not-compared.\(format.rawValue)")
    }
}

extension BaselineGoldenTests {
    @Test("SARIF with baselineState is valid against the SARIF 2.1.0 schema, and JUnit against junit-10.xsd")
    func outputSchemas() throws {
        let path = try OutputSchemaTests.schema("sarif-schema-2.1.0.json")
        let validator = try SchemaValidator(schema: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        for verdict in [Self.compared, Self.notCompared] {
            let sarif = OutputFormat.sarif.reporter().render(verdict)
            #expect(try validator.validate(Array(sarif.utf8)).isEmpty)
            let xml = OutputFormat.junit.reporter().render(verdict)
            #expect(XSDValidator.validate(xml, schemaPath: try OutputSchemaTests.schema("junit-10.xsd")).isEmpty)
        }
        #expect(OutputFormat.sarif.reporter().render(Self.compared).contains(#""baselineState": "updated""#))
    }
}
