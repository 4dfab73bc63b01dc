@_spi(Internals) import GateCheck
import Testing

/// gates.json `accuracy_mapping`: evaluation tools' metric names onto gatecheck accuracy names.
struct AccuracyMappingTests {
    static func decode(_ mapping: String) -> Result<Configuration, ConfigurationError> {
        let text =
            #"{"version": 1, "gates": [{"id": "a", "metric": "accuracy.retrieval", "min": 0.9}], "accuracy_mapping": \#(mapping)}"#
        return ConfigurationDecoder.decode(Array(text.utf8), file: "gates.json")
    }

    @Test("names are normalised: case, spaces and punctuation do not matter")
    func normalize() {
        #expect(AccuracyMapping.normalize("Contextual Recall") == "contextual_recall")
        #expect(AccuracyMapping.normalize("  Answer  Relevancy (GEval) ") == "answer_relevancy_geval")
        #expect(AccuracyMapping.normalize("context_recall") == "context_recall")
        #expect(AccuracyMapping.normalize("hit-rate@5") == "hit-rate_5")
        #expect(AccuracyMapping.normalize("Überprüfung") == "berpr_fung")
    }

    @Test("a mapping decodes and maps either spelling of a name")
    func decodes() throws {
        let configuration = try Self.decode(#"{"Contextual Recall": "retrieval", "faithfulness": "attribution"}"#).get()
        let mapping = configuration.accuracyMapping
        #expect(mapping.name(for: "contextual_recall") == "retrieval")
        #expect(mapping.name(for: "Contextual Recall") == "retrieval")
        #expect(mapping.name(for: "Faithfulness") == "attribution")
        #expect(mapping.name(for: "Answer Relevancy") == "answer_relevancy")
        #expect(
            try ConfigurationDecoderTests.decode(
                #"{"version": 1, "gates": [{"id": "a", "metric": "tests.total", "min": 1}]}"#
            ).get().accuracyMapping == AccuracyMapping())
    }

    @Test(
        "mistakes are errors naming the key path",
        arguments: [
            (#"{"faithfulness": "accuracy.attribution"}"#, "accuracy_mapping.faithfulness", "without its family"),
            (#"{"faithfulness": "Attribution"}"#, "accuracy_mapping.faithfulness", "not an accuracy metric name"),
            (#"{"faithfulness": 1}"#, "accuracy_mapping.faithfulness", "expected a string"),
            (
                #"{"Faithfulness": "attribution", "faithfulness": "attribution"}"#, "accuracy_mapping.faithfulness",
                "same metric name"
            ),
            (#"{"???": "attribution"}"#, "accuracy_mapping.???", "not a metric name"),
            (#"["faithfulness"]"#, "accuracy_mapping", "expected an object"),
        ])
    func mistakes(_ mapping: String, _ path: String, _ words: String) {
        guard case .failure(let error) = Self.decode(mapping) else {
            Issue.record("accepted \(mapping)")
            return
        }
        #expect(error.problems.contains { $0.keyPath == path && $0.message.contains(words) }, "\(error.problems)")
    }

    @Test("the schema rejects what the decoder rejects, and accepts a valid mapping")
    func schemaAgrees() throws {
        let validator = try SchemaTests.validator("gates.schema.json")
        func text(_ mapping: String) -> [UInt8] {
            Array(
                #"{"version": 1, "gates": [{"id": "a", "metric": "accuracy.retrieval", "min": 0.9}], "accuracy_mapping": \#(mapping)}"#
                    .utf8)
        }
        #expect(try validator.validate(text(#"{"Contextual Recall": "retrieval"}"#)).isEmpty)
        for bad in [#"{"f": "accuracy.attribution"}"#, #"{"f": "Attribution"}"#, #"{"f": 1}"#, #"["f"]"#] {
            #expect(!(try validator.validate(text(bad))).isEmpty, "\(bad)")
        }
    }
}
