import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The JUnit output is valid against the Jenkins xunit `junit-10.xsd` and the SARIF output against the OASIS
/// SARIF 2.1.0 schema (both in `Resources/Schemas`), on the mixed verdict, the sample reports and a verdict that
/// has no gate at all.
struct OutputSchemaTests {
    /// A verdict and the options it is rendered with.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var verdict: Verdict
        var options: ReporterOptions
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        var cases = [
            Case(name: "mixed", verdict: ReporterGoldenTests.mixed, options: ReporterOptions()),
            Case(name: "mixed, injected", verdict: ReporterGoldenTests.mixed, options: ReporterGoldenTests.injected),
            Case(
                name: "invalid configuration",
                verdict: GateEngine.evaluate(
                    ReportSet(), configuration: Configuration(gates: []), today: Build.today,
                    diagnostics: [
                        Diagnostic(
                            .error, code: "config.unknown-key",
                            message: "unknown key \"gatez\"; did you mean \"gates\"?",
                            file: "gates.json", line: 3, column: 5, keyPath: "gatez")
                    ]),
                options: ReporterOptions()),
        ]
        for set in ["passing", "failing"] {
            if let verdict = try? SampleVerdicts.verdict(set) {
                cases.append(
                    Case(name: "sample-reports/\(set)", verdict: verdict, options: ReporterGoldenTests.injected))
            }
        }
        return cases
    }()

    static func schema(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Resources/Schemas/" + name, withExtension: nil)).path
    }

    @Test("the sample verdicts were built")
    func samples() {
        #expect(Self.cases.count == 5)
    }

    @Test("JUnit output is valid against junit-10.xsd", arguments: cases)
    func junit(_ item: Case) throws {
        let xml = OutputFormat.junit.reporter(item.options).render(item.verdict)
        let errors = XSDValidator.validate(xml, schemaPath: try Self.schema("junit-10.xsd"))
        #expect(errors.isEmpty, "\(errors)\n\(xml)")
    }

    /// The outputs the CLI scenarios recorded on the sample reports (real parser output, paths as `$ROOT/...`).
    static func scenarioOutput(_ name: String) throws -> String {
        let url = Fixtures.packageRoot.appendingPathComponent(
            "Tests/GateCheckCLITests/Scenarios/\(name)/expected-output")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test(
        "the JUnit and SARIF outputs the CLI scenarios recorded are valid too",
        arguments: [
            "sample-junit", "sample-sarif", "sample-sarif-findings",
        ])
    func scenarios(_ name: String) throws {
        let text = try Self.scenarioOutput(name)
        if name.hasSuffix("junit") {
            let errors = XSDValidator.validate(text, schemaPath: try Self.schema("junit-10.xsd"))
            #expect(errors.isEmpty, "\(errors)")
        } else {
            let path = try Self.schema("sarif-schema-2.1.0.json")
            let validator = try SchemaValidator(schema: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            #expect(try validator.validate(Array(text.utf8)).isEmpty)
            if PythonJSONSchema.isAvailable { #expect(try PythonJSONSchema.validate(text, schemaPath: path).isEmpty) }
        }
    }

    @Test("the XSD check rejects what the schema forbids")
    func junitNegative() throws {
        let path = try Self.schema("junit-10.xsd")
        #expect(!XSDValidator.validate("<testsuites><testsuite name=\"x\"/></testsuites>", schemaPath: path).isEmpty)
        #expect(!XSDValidator.validate("<testsuites><testcase/></testsuites>", schemaPath: path).isEmpty)
        #expect(!XSDValidator.validate("<testsuites>", schemaPath: path).isEmpty)
    }

    @Test("SARIF output is valid against the SARIF 2.1.0 schema", arguments: cases)
    func sarif(_ item: Case) throws {
        let text = OutputFormat.sarif.reporter(item.options).render(item.verdict)
        let validator = try SchemaValidator(
            schema: Array(try Data(contentsOf: URL(fileURLWithPath: Self.schema("sarif-schema-2.1.0.json")))))
        let errors = try validator.validate(Array(text.utf8))
        #expect(errors.isEmpty, "\(errors)\n\(text)")
    }

    @Test(
        "SARIF output is valid against the SARIF 2.1.0 schema for Python's jsonschema too",
        .enabled(if: PythonJSONSchema.isAvailable, PythonJSONSchema.absenceReason), arguments: cases)
    func sarifCrossCheck(_ item: Case) throws {
        let text = OutputFormat.sarif.reporter(item.options).render(item.verdict)
        let errors = try PythonJSONSchema.validate(text, schemaPath: try Self.schema("sarif-schema-2.1.0.json"))
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("both JSON Schema validators reject invalid SARIF")
    func sarifNegative() throws {
        let path = try Self.schema("sarif-schema-2.1.0.json")
        let validator = try SchemaValidator(schema: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let good = OutputFormat.sarif.reporter(ReporterGoldenTests.injected).render(ReporterGoldenTests.mixed)
        let bad = [
            good.replacingOccurrences(of: "\"level\": \"warning\"", with: "\"level\": \"fatal\""),
            good.replacingOccurrences(of: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0\""),
            good.replacingOccurrences(of: "\"startLine\": 41", with: "\"startLine\": \"41\""),
        ]
        for text in bad {
            #expect(text != good)
            #expect(!(try validator.validate(Array(text.utf8))).isEmpty)
            if PythonJSONSchema.isAvailable {
                #expect(!(try PythonJSONSchema.validate(text, schemaPath: path)).isEmpty)
            }
        }
    }
}
