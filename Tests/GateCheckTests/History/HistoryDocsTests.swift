import Foundation
@_spi(Internals) import GateCheck
import Testing

/// docs/history.md's configuration and line examples are what gatecheck accepts, and the schema accepts them too.
struct HistoryDocsTests {
    static let page = (try? String(decoding: Fixtures.projectFile("docs/history.md"), as: UTF8.self)) ?? ""

    /// The ```json blocks of the page.
    static var jsonBlocks: [String] {
        page.components(separatedBy: "```json\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
    }

    @Test("every gates.json example of docs/history.md decodes and is valid against gates.schema.json")
    func configurationExamples() throws {
        let blocks = Self.jsonBlocks.filter { $0.contains("\"gates\"") }
        #expect(!blocks.isEmpty)
        for block in blocks {
            let configuration = try Configuration(json: block, name: "docs/history.md")
            #expect(configuration.gates.contains { $0.history != nil })
            let errors = try SchemaTests.validator("gates.schema.json").validate(Array(block.utf8))
            #expect(errors.isEmpty, "\(errors)")
        }
    }

    @Test("the schema refuses a history without a tolerance or with an unknown key, as the decoder does")
    func schemaRefuses() throws {
        for history in [#"{ "window": "7d" }"#, #"{ "window": "7d", "max_drop": 1, "windw": "1d" }"#] {
            let json = #"{ "version": 1, "gates": [{ "id": "h", "metric": "llm.cost_usd", "history": \#(history) }] }"#
            #expect(!(try SchemaTests.validator("gates.schema.json").validate(Array(json.utf8))).isEmpty, "\(history)")
            #expect(throws: ConfigurationError.self) { try Configuration(json: json) }
        }
    }

    @Test("the line shown in docs/history.md reads and is valid against history-line.schema.json")
    func lineExample() throws {
        let line = try #require(
            Self.page.split(separator: "\n").first { $0.hasPrefix(#"{"schema":"gatecheck.history/v1""#) })
        let lines = try HistoryReader.read(BytesSource(String(line)), file: "docs/history.md")
        #expect(lines.first?.metrics["coverage.line_rate"] == .ratio(numerator: 435, denominator: 473))
        #expect((try SchemaTests.validator("history-line.schema.json").validate(Array(line.utf8))).isEmpty)
    }
}
