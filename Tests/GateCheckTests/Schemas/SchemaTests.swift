@_spi(Internals) import GateCheck
import Testing

/// The published schemas describe what gatecheck reads and writes.
struct SchemaTests {
    static func validator(_ name: String) throws -> SchemaValidator {
        try SchemaValidator(schema: try Fixtures.projectFile("schemas/\(name)"))
    }

    @Test(
        "every gates.json in docs/ and sample-reports/ is valid against gates.schema.json",
        arguments: ConfigurationExamples.paths)
    func configurationExamples(_ path: String) throws {
        let errors = try Self.validator("gates.schema.json").validate(try Fixtures.projectFile(path))
        #expect(errors.isEmpty, "\(path): \(errors)")
    }

    @Test("the schema and the decoder agree on what is wrong")
    func schemaRejectsWhatTheDecoderRejects() throws {
        let validator = try Self.validator("gates.schema.json")
        let bad = [
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "max": 0, "threshold": 1}]}"#,
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed"}]}"#,
            #"{"version": 1, "gates": [{"id": "a", "metric": "tests.failed", "min": 0, "max": 1}]}"#,
            #"{"version": 2, "gates": [{"id": "a", "metric": "tests.failed", "max": 0}]}"#,
            #"{"version": 1, "gates": []}"#,
            #"{"version": 1, "gates": [{"id": "a", "metric": "coverage.lines", "min": 1}]}"#,
        ]
        for text in bad {
            #expect(!(try validator.validate(Array(text.utf8))).isEmpty, "\(text)")
            guard case .failure = ConfigurationDecoder.decode(Array(text.utf8), file: "x") else {
                Issue.record("the decoder accepted \(text)")
                continue
            }
        }
    }

    @Test("every metric the library knows is allowed by the schema")
    func metricsInSchema() throws {
        let validator = try Self.validator("gates.schema.json")
        for metric in Metric.fixed + [.accuracy("retrieval")] {
            let text = #"{"version": 1, "gates": [{"id": "a", "metric": "\#(metric.name)", "max": 1}]}"#
            #expect(try validator.validate(Array(text.utf8)).isEmpty, "\(metric.name)")
        }
    }

    @Test("JSON verdicts are valid against verdict.schema.json", arguments: ["passing", "failing"])
    func verdicts(_ set: String) throws {
        let verdict = try SampleVerdicts.verdict(set)
        let errors = try Self.validator("verdict.schema.json").validate(
            Array(OutputFormat.json.reporter().render(verdict).utf8))
        #expect(errors.isEmpty, "\(errors)")
    }
}

/// Verdicts of the sample reports, evaluated in-process with the built-in gates.
enum SampleVerdicts {
    static func verdict(_ set: String, configuration: Configuration = .builtIn) throws -> Verdict {
        var reports: [LoadedReport] = []
        let files: [(String, ReportKind)] = [
            ("coverage.xml", .cobertura), ("junit.xml", .junit), ("accuracy-report.json", .accuracy),
            ("image-inspect.json", .image), ("llm-cost.json", .llmCost), ("bandit.json", .bandit),
        ]
        for (name, kind) in files {
            let path = "sample-reports/\(set)/\(name)"
            var source = BytesSource(try Fixtures.projectFile(path))
            reports.append(
                try ReportReader.read(kind, from: &source, path: path, options: ReadOptions(today: Build.today)))
        }
        return GateEngine.evaluate(ReportSet(reports: reports), configuration: configuration, today: Build.today)
    }
}
