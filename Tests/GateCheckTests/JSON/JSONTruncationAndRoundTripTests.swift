@_spi(Internals) import GateCheck
import Testing

/// A realistic small SARIF document: one rule, one result (about 2.6 KB).
private let sarif = SARIFFixture.document(rules: 1, results: 1)

@Suite("JSON truncation and round trips")
struct JSONTruncationAndRoundTripTests {
    @Test("The SARIF fixture is about 2 KB and extracts the expected summary")
    func fixtureSummary() throws {
        #expect((1500...3000).contains(sarif.count), "fixture is \(sarif.count) bytes")
        var reader = makeReader(sarif, chunk: 7)
        let summary = try SARIFSummary.read(&reader)
        #expect(summary.results == 1 && summary.locations == 1 && summary.levels == ["error": 1])
        #expect(summary.maxSeverity == 9.8 && summary.buckets == [1, 0, 0, 0, 0])
        #expect(summary.uriBytes == "usr/lib/python3/dist-packages/pkg0/module.py".utf8.count)
    }

    @Test(
        "Every prefix of the SARIF document fails as truncated, whichever way it is read, until the value is complete",
        arguments: [1, 4096])
    func everyPrefixFails(chunk: Int) throws {
        let complete = try #require(sarif.lastIndex(of: UInt8(ascii: "}"))) + 1
        for length in 0...sarif.count {
            let prefix = Array(sarif[0..<length])
            func check(_ mode: String, _ body: () throws(JSONError) -> Void) {
                do {
                    try body()
                    if length < complete {
                        Issue.record("\(mode) returned a complete result for the first \(length) bytes")
                    }
                } catch .empty where length == 0 {
                } catch .unexpectedEnd(let position, _) where position.offset == length {
                } catch {
                    Issue.record("\(mode) of the first \(length) bytes threw \(error)")
                }
            }
            check("readValue") { () throws(JSONError) in _ = try parseDocument(prefix, chunk: chunk) }
            check("skipValue") { () throws(JSONError) in try skipDocument(prefix, chunk: chunk) }
            check("extraction") { () throws(JSONError) in
                var reader = makeReader(prefix, chunk: chunk)
                _ = try SARIFSummary.read(&reader)
            }
        }
    }

    @Test("A 1 MB document reads the same whether tokens straddle 64 KiB chunk refills or 7-byte reads")
    func largeDocumentAcrossChunkBoundaries() throws {
        let document = SARIFFixture.document(rules: 50, results: 0, minimumBytes: 1_000_000)
        var results: [SARIFSummary] = []
        for chunk in [7, 65_537, 100_003, Int.max] {
            var reader = makeReader(document, chunk: chunk)
            results.append(try SARIFSummary.read(&reader))
            #expect(try skipDocument(document, chunk: chunk) == document.count - 1)
        }
        #expect(results.allSatisfy { $0 == results[0] })
        #expect(results[0].results > 500)
    }

    @Test(
        "Random values written compactly, pretty or scrambled read back equal; skipValue stops where readValue does",
        arguments: 0..<40)
    func roundTrip(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let value = PlainJSON.random(depth: 5, using: &random)
        for style in [PlainJSONWriter.Style.compact, .pretty, .scrambled] {
            var writer = PlainJSONWriter(style: style, seed: seed)
            writer.write(value)
            let document = Array((writer.text + " \n").utf8)
            let chunk = [1, 2, 7, 4096][Int(seed % 4)]
            var reader = makeReader(document, chunk: chunk)
            let node = try reader.readValue()
            let readEnd = reader.position.offset
            try reader.finish()
            #expect(PlainJSON(node) == value, "\(style): \(writer.text)")
            #expect(try skipDocument(document, chunk: chunk) == readEnd)
        }
    }

    @Test(
        "Random byte damage never crashes, and reading and skipping agree on the verdict and the error",
        arguments: 0..<20)
    func randomDamage(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<50 {
            var damaged = sarif
            for _ in 0...Int.random(in: 0...3, using: &random) {
                let index = Int.random(in: 0..<damaged.count, using: &random)
                damaged[index] = UInt8.random(in: 0...255, using: &random)
            }
            let read = Result { () throws(JSONError) in try parseDocument(damaged, chunk: 7) }
            let skipped = Result { () throws(JSONError) in try skipDocument(damaged, chunk: 3) }
            switch (read, skipped) {
            case (.success, .success): break
            case (.failure(let readError), .failure(let skipError)):
                #expect(readError == skipError)
            default:
                Issue.record("readValue and skipValue disagree about validity: \(read) vs \(skipped)")
            }
        }
    }
}
