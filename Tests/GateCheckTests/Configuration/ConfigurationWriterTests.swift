import Foundation
@_spi(Internals) import GateCheck
import Testing

/// `gatecheck init` writes what ConfigurationWriter produces: it must decode to the same gates and be valid
/// against the published schema.
struct ConfigurationWriterTests {
    @Test("the built-in gates, written out, are valid against gates.schema.json and decode to the same gates")
    func builtIn() throws {
        let text = ConfigurationWriter.json(gates: Configuration.builtInGates, schema: ConfigurationWriter.schemaURL)
        let errors = try SchemaTests.validator("gates.schema.json").validate(Array(text.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let decoded = try ConfigurationDecoder.decode(Array(text.utf8), file: "gates.json").get()
        #expect(decoded.gates == Configuration.builtInGates)
        #expect(text.contains("\"$schema\": \"https://gatecheck.dev/schemas/gates.schema.json\""))
        #expect(Configuration.builtInGates.allSatisfy { $0.description != nil })
    }

    @Test("every gate option survives the round trip")
    func everyOption() throws {
        let gates = [
            GateSpec(
                id: "trivy-fixable", metric: .findings(.high), bound: .max(Threshold(Decimal(2), written: "2")),
                level: .warn,
                required: false, kinds: [.sarif, .trivyJSON],
                selector: FindingSelector(
                    minSeverity: .high, minConfidence: .medium, fixableOnly: true,
                    tools: ["Trivy", "a \"quoted\" tool"]),
                description: "Line one\nline two"),
            GateSpec(id: "size", metric: .image(.sizeBytes), bound: .max(Threshold.bytes("1.5 GB")!)),
            GateSpec(
                id: "rate", metric: .coverage(.branchRate),
                bound: .min(Threshold(Decimal(string: "0.755")!, written: "7.55e-1"))),
        ]
        let text = ConfigurationWriter.json(gates: gates)
        let errors = try SchemaTests.validator("gates.schema.json").validate(Array(text.utf8))
        #expect(errors.isEmpty, "\(errors)\n\(text)")
        #expect(try ConfigurationDecoder.decode(Array(text.utf8), file: "gates.json").get().gates == gates, "\(text)")
    }
}
