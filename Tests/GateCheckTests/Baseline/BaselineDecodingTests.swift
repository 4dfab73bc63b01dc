import Foundation
@_spi(Internals) import GateCheck
import Testing

/// A baseline's `packages` and `findings` are read apart from the tree, as gatecheck writes them; anything else
/// goes through the tree's decoder, which names what is wrong.
@Suite("Baseline decoding")
struct BaselineDecodingTests {
    static let tally = FindingTally(
        tool: "Trivy", rule: "CVE-2024-1", place: "pkg:requests", severity: .high, confidence: .undefined,
        fixable: true, count: 2, waived: 0)

    static var baseline: Baseline {
        var baseline = Baseline(gatecheckVersion: "1", meta: ["commit": "abc"], tools: [:], unreadableReports: 0)
        baseline.findings = ["00000000000000aa": tally, "00000000000000bb": tally]
        baseline.packages = ["requests@2.0", "urllib3@1.26.0"]
        return baseline
    }

    static func text(_ baseline: Baseline) -> String {
        String(decoding: BaselineCodec.encode(baseline), as: UTF8.self)
    }

    static func reason(_ text: String) -> String? {
        guard case .unusable(_, _, let reason) = BaselineCodec.decode(Array(text.utf8), name: "b.json") else {
            return nil
        }
        return reason
    }

    @Test("as written, findings and packages read back equal")
    func roundTrip() {
        #expect(
            BaselineCodec.decode(BaselineCodec.encode(Self.baseline), name: "b") == .loaded(Self.baseline, name: "b"))
    }

    @Test("packages read back as written when asked: escapes, text outside ASCII, an empty list; re-encoded unchanged")
    func packagesAsWritten() throws {
        for texts in [
            [], ["a@1"], ["naïve@1.0", "q\"uote@2", "back\\slash@3", "tab\t@4", "ζ@5", "😀@6"],
            (0..<5000).map { "p\($0)@1" },
        ] {
            var baseline = Self.baseline
            baseline.packages = texts
            let bytes = BaselineCodec.encode(baseline)
            guard case .loaded(let read, _) = BaselineCodec.decode(bytes, name: "b") else {
                Issue.record("not read: \(texts.prefix(3))")
                continue
            }
            #expect(read.packages == texts)
            #expect(read == baseline)
            #expect(BaselineCodec.encode(read) == bytes)
        }
    }

    @Test("a tally with a key gatecheck does not write reads as the tree reads it (the key is not used)")
    func unknownKeyInTally() {
        let text = Self.text(Self.baseline).replacing(#""count" : 2,"#, with: #""count" : 2, "note" : "x","#)
        #expect(text != Self.text(Self.baseline))
        #expect(BaselineCodec.decode(Array(text.utf8), name: "b") == .loaded(Self.baseline, name: "b"))
    }

    @Test(
        "damaged findings and packages are refused with the key path",
        arguments: [
            (#""count" : 2"#, #""count" : -2"#, "findings.00000000000000aa.count: expected an integer of at least 0"),
            (#""count" : 2"#, #""count" : 2.5"#, "findings.00000000000000aa.count: expected an integer of at least 0"),
            (#""severity" : "high""#, #""severity" : "severe""#, "\"severe\" is not a known value"),
            (#""fixable" : true,"#, "", "findings.00000000000000aa.fixable is missing"),
            (#""urllib3@1.26.0""#, "7", "packages[1]: expected a string"),
            (#""packages" : ["#, #""packages" : [], "packages" : ["#, "packages: the key appears twice"),
            (#""packages" : ["#, #""packages" : 1, "packages" : ["#, "packages: the key appears twice"),
        ])
    func damaged(_ find: String, _ replacement: String, _ expected: String) throws {
        let original = Self.text(Self.baseline)
        #expect(original.contains(find))
        // The first occurrence only: one tally or one member damaged.
        let range = try #require(original.range(of: find))
        let text = original.replacingCharacters(in: range, with: replacement)
        let reason = try #require(Self.reason(text))
        #expect(reason.contains(expected), "\(reason)")
    }

    @Test("a package version's hash is that of the `name@version` text a baseline lists, for any name")
    func packageVersionIdentity() {
        for name in ["Requests_Lib", "requests", "zope.interface", "a--b__c", " padded ", "naïve", "x\r\n", "É", ""] {
            let finding = Finding(
                tool: "trivy", kind: .sarif, id: "CVE-1", severity: .high, severitySource: "trivy",
                package: .init(name: name, version: "1.0"), message: "m")
            let text = PackageVersion(name: name, version: "1.0").text
            // Tallying hashes the name once for the fingerprint and the package version both.
            var report = FindingsReport()
            report.tally(finding, keepingNames: false)
            #expect(report.tallyPackages.map(\.version) == [FindingTally.packageVersionID(text)], "\(name)")
        }
    }

    @Test("a tally keeps every package version by hash; names only when a baseline is written")
    func packageVersionsByHash() {
        for keepingNames in [false, true] {
            var report = FindingsReport()
            for version in [1, 2, 3, 2, 4, 5, 6] {
                report.tally(
                    Finding(
                        tool: "trivy", kind: .sarif, id: "CVE-1", severity: .high, severitySource: "trivy",
                        package: .init(name: "Pip", version: "\(version).0"), message: "m"),
                    keepingNames: keepingNames)
            }
            let tally = report.tallies.values.first
            #expect(report.tallies.count == 1 && tally?.count == 7)
            let ids = report.packageVersionIDs(ofTallies: Set(report.tallies.keys)).values.first
            #expect(ids == Set((1...6).map { FindingTally.packageVersionID("pip@\($0).0") }))
            #expect(report.packageVersions.count == (keepingNames ? 6 : 0))
        }
    }
}
