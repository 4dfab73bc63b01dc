@_spi(Internals) import GateCheck
import Testing

/// SARIF logs whose results name their rules (and tool components) by `guid`.
@Suite("SARIF scale")
struct SARIFScaleTests {
    /// A log of `count` rules and `count` results, each result naming its rule by guid only, in reverse order, so
    /// that a linear search per result does count²/2 comparisons (1.25·10⁹ here: minutes, past the time limit),
    /// while an index does `count` look-ups.
    private static func log(count: Int, inExtension: Bool) -> [UInt8] {
        var text = #"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Scale""#
        let rules = (0..<count).map { index in
            let level = index % 2 == 0 ? "error" : "note"
            return #"{"id": "R\#(index)", "guid": "0000-\#(index)", "defaultConfiguration": {"level": "\#(level)"}}"#
        }
        let component =
            inExtension ? #", "toolComponent": {"guid": "ext-\#(count - 1)"}"# : ""
        if inExtension {
            text += "}, \"extensions\": ["
            text += (0..<count - 1).map { #"{"name": "e\#($0)", "guid": "ext-\#($0)"}"# }.joined(separator: ", ")
            text +=
                #", {"name": "pack", "guid": "ext-\#(count - 1)", "rules": ["# + rules.joined(separator: ", ") + "]}]},"
        } else {
            text += #", "rules": ["# + rules.joined(separator: ", ") + "]}},"
        }
        text += #" "results": ["#
        text += (0..<count).reversed().map { index in
            #"{"rule": {"guid": "0000-\#(index)"\#(component)}, "message": {"text": "m"}}"#
        }.joined(separator: ", ")
        text += "]}]}"
        return Array(text.utf8)
    }

    @Test(
        "50,000 results that name their rule by guid each find it (indexed: a linear search would take minutes)",
        .timeLimit(.minutes(1)), arguments: [false, true])
    func rulesByGUID(_ inExtension: Bool) throws {
        let count = 50_000
        let report = try findings(try readFindings(.sarif, Self.log(count: count, inExtension: inExtension)))
        // Every second rule has level error (high), the others note (low): only a found rule gives these counts.
        #expect(report.severityCounts == [.high: count / 2, .low: count / 2])
    }
}
