import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The published schemas describe baselines, the `baseline` gate member and the verdict's comparisons.
struct BaselineSchemaTests {
    @Test(
        "a baseline written from either sample set is valid against baseline.schema.json",
        arguments: ["passing", "failing"])
    func writtenBaseline(_ set: String) throws {
        let (_, baseline) = try BaselineCheckerTests.run(BaselineCheckerTests.ratchet, set)
        let errors = try SchemaTests.validator("baseline.schema.json").validate(BaselineCodec.encode(baseline))
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("baseline.schema.json refuses a rounded float where a fraction belongs, and another schema id")
    func schemaRefusals() throws {
        let validator = try SchemaTests.validator("baseline.schema.json")
        let base =
            #""gatecheck_version": "1", "meta": {}, "tools": {}, "unreadable_reports": 0, "gates": {"g": {"metric": "coverage.line_rate", "definition": "0123456789abcdef", "value": VALUE}}"#
        func document(_ value: String, schema: String = "gatecheck.baseline/v1") -> [UInt8] {
            Array(("{\"schema\": \"\(schema)\", " + base.replacingOccurrences(of: "VALUE", with: value) + "}").utf8)
        }
        #expect(try validator.validate(document(#"{"numerator": 435, "denominator": 473}"#)).isEmpty)
        #expect(!(try validator.validate(document("0.9197"))).isEmpty)
        #expect(!(try validator.validate(document(#"{"numerator": 1, "denominator": 0}"#))).isEmpty)
        #expect(!(try validator.validate(document(#"{"integer": 1}"#, schema: "gatecheck.baseline/v2"))).isEmpty)
    }

    @Test("gates.schema.json accepts what the decoder accepts of the baseline member, and refuses what it refuses")
    func gatesSchema() throws {
        let validator = try SchemaTests.validator("gates.schema.json")
        func config(_ gate: String) -> [UInt8] { Array(#"{"version": 1, "gates": [\#(gate)]}"#.utf8) }
        let good = [
            #"{"id": "r", "metric": "coverage.line_rate", "baseline": {"max_drop": 0.001}}"#,
            #"{"id": "r", "metric": "coverage.line_rate", "min": 0.8, "baseline": {"max_drop": 0, "unless_at_least": 0.95}}"#,
            #"{"id": "n", "metric": "findings.new", "max": 0, "min_severity": "high", "baseline": {"on_missing": "warn"}}"#,
            #"{"id": "t", "metric": "tests.newly_failing", "max": 0}"#,
            #"{"id": "c", "metric": "llm.cost_usd", "baseline": {"max_increase_ratio": 0.5, "on_missing": "skip"}}"#,
        ]
        for gate in good {
            #expect(try validator.validate(config(gate)).isEmpty, "\(gate)")
            #expect(throws: Never.self) { try Configuration(json: config(gate)) }
        }
        let bad = [
            #"{"id": "r", "metric": "coverage.line_rate", "min": 0.1, "max": 0.9, "baseline": {"max_drop": 0}}"#,
            #"{"id": "r", "metric": "coverage.line_rate", "baseline": {"max_dorp": 0}}"#,
            #"{"id": "r", "metric": "coverage.line_rate", "baseline": {"max_drop": 0, "on_missing": "pass"}}"#,
            #"{"id": "r", "metric": "coverage.line_rate", "baseline": {"max_drop": -1}}"#,
        ]
        for gate in bad {
            #expect(!(try validator.validate(config(gate))).isEmpty, "\(gate)")
            #expect(throws: ConfigurationError.self) { try Configuration(json: config(gate)) }
        }
    }

    @Test(
        "a JSON verdict with baseline comparisons (compared, failed, not compared) is valid against verdict.schema.json"
    )
    func verdictSchema() throws {
        let (_, base) = try BaselineCheckerTests.run(BaselineCheckerTests.ratchet, "passing")
        let validator = try SchemaTests.validator("verdict.schema.json")
        for context in [BaselineContext.loaded(base, name: "b.json"), .none] {
            let (verdict, _) = try BaselineCheckerTests.run(BaselineCheckerTests.ratchet, "failing", baseline: context)
            #expect(verdict.gates.allSatisfy { $0.baselineComparison != nil })
            let errors = try validator.validate(Array(OutputFormat.json.reporter().render(verdict).utf8))
            #expect(errors.isEmpty, "\(errors)")
        }
    }
}
