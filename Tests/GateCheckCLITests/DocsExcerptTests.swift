import Foundation
import Testing

/// The output excerpts in docs/outputs.md and docs/rag-gates.md are real: each block marked
/// `<!-- excerpt: SCENARIO -->` must appear, in order, in that scenario's recorded output (with `$ROOT/` removed; a
/// line `...` skips any number of lines).
struct DocsExcerptTests {
    struct Excerpt: Sendable, CustomTestStringConvertible {
        var scenario: String
        var lines: [String]
        var testDescription: String { scenario }
    }

    static let excerpts: [Excerpt] = ["docs/outputs.md", "docs/rag-gates.md", "docs/history.md"].flatMap(excerpts(in:))

    static func excerpts(in page: String) -> [Excerpt] {
        let url = ScenarioTests.root.appendingPathComponent(page)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var excerpts: [Excerpt] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        while let line = lines.popFirst() {
            guard line.hasPrefix("<!-- excerpt: "), line.hasSuffix(" -->") else { continue }
            let scenario = String(line.dropFirst("<!-- excerpt: ".count).dropLast(" -->".count))
            guard lines.popFirst()?.hasPrefix("```") == true else { continue }
            var block: [String] = []
            while let next = lines.popFirst(), next != "```" { block.append(next) }
            excerpts.append(Excerpt(scenario: scenario, lines: block))
        }
        return excerpts
    }

    @Test("docs/outputs.md has an excerpt of every output format")
    func coverage() {
        let scenarios = Set(Self.excerpts.map(\.scenario))
        for name in [
            "sample-explain", "sample-junit", "sample-sarif", "sample-markdown", "sample-github", "sample-gitlab",
        ] {
            #expect(scenarios.contains(name), "\(name)")
        }
    }

    @Test("each excerpt matches the output it quotes", arguments: excerpts)
    func matches(_ excerpt: Excerpt) throws {
        let url = ScenarioTests.scenarios.appendingPathComponent("\(excerpt.scenario)/expected-output")
        let output = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "$ROOT/", with: "")
        var remaining = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        var mayskip = false
        for line in excerpt.lines {
            if line == "..." {
                mayskip = true
                continue
            }
            if mayskip {
                guard let index = remaining.firstIndex(of: line) else {
                    Issue.record("\(excerpt.scenario): '\(line)' is not in the output (after the previous line)")
                    return
                }
                remaining = remaining[(index + 1)...]
            } else {
                guard remaining.first == line else {
                    Issue.record("\(excerpt.scenario): expected '\(line)', the output has '\(remaining.first ?? "")'")
                    return
                }
                remaining = remaining.dropFirst()
            }
            mayskip = false
        }
    }
}
