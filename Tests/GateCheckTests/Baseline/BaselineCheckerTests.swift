import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Baselines through the library's entry point, `GateChecker`, with the baseline passed as a value or as bytes:
/// writing one from the sample reports, and ratchets and change metrics judged against it.
struct BaselineCheckerTests {
    static let ratchet = """
        { "version": 1, "gates": [
          { "id": "ratchet", "metric": "coverage.line_rate", "baseline": { "max_drop": 0.001 } },
          { "id": "newly-failing", "metric": "tests.newly_failing", "max": 0 },
          { "id": "removed", "metric": "tests.removed", "max": 0 },
          { "id": "no-new-findings", "metric": "findings.new", "max": 0 }
        ] }
        """

    /// The sample set's reports as inputs.
    static func inputs(_ set: String) throws -> [ReportInput] {
        try ["coverage.xml", "junit.xml", "bandit.json"].map { name in
            ReportInput(name: name, bytes: try Fixtures.projectFile("sample-reports/\(set)/\(name)"))
        }
    }

    /// The checker's verdict and the baseline it would write, on one sample set.
    static func run(_ gates: String, _ set: String, baseline: BaselineContext = .none) throws -> (
        verdict: Verdict, baseline: Baseline
    ) {
        var checker = GateChecker(configuration: try Configuration(json: gates), today: Build.today)
        checker.collectsBaselineData = true
        checker.baseline = baseline
        let prepared = try inputs(set).map(checker.prepare)
        let plan = checker.plan(prepared)
        var collection = ReportCollection(plan: plan)
        for input in prepared { checker.read(input, plan: plan, into: &collection) }
        let verdict = checker.verdict(collection)
        return (verdict, checker.baseline(of: collection, verdict: verdict, meta: ["commit": "abc123"]))
    }

    @Test("a baseline of the passing samples holds coverage.py's and pytest's own figures, exactly")
    func writtenFigures() throws {
        let (_, baseline) = try Self.run(Self.ratchet, "passing")
        // coverage.xml: lines-valid="473" lines-covered="435"; junit.xml: tests="59" skipped="2", none failing.
        #expect(baseline.coverage?.linesValid == 473 && baseline.coverage?.linesCovered == 435)
        #expect(baseline.coverage?.files["cli.py"] == FileCounts(linesValid: 34, linesCovered: 0))
        #expect(baseline.gates["ratchet"]?.value == .ratio(numerator: 435, denominator: 473))
        #expect(baseline.gates["newly-failing"]?.value == nil)
        #expect(baseline.tests?.count == 59 && baseline.tests?.values.filter { $0 == .skipped }.count == 2)
        #expect(baseline.tests?.values.allSatisfy { $0 == .passed || $0 == .skipped } == true)
        #expect(baseline.findings?.isEmpty == true)
        #expect(baseline.meta == ["commit": "abc123"] && baseline.tools["cobertura"] == "7.17.5")
        #expect(baseline.schema == "gatecheck.baseline/v1" && baseline.unreadableReports == 0)
    }

    @Test("a baseline survives encoding and decoding unchanged, and encodes to the same bytes twice")
    func roundTrip() throws {
        let (_, baseline) = try Self.run(Self.ratchet, "failing")
        let bytes = BaselineCodec.encode(baseline)
        #expect(BaselineCodec.encode(baseline) == bytes)
        #expect(BaselineCodec.decode(bytes, name: "b.json") == .loaded(baseline, name: "b.json"))
        #expect((baseline.findings?.values.map(\.count).reduce(0, +) ?? 0) == 2)
    }

    @Test("against the passing samples' baseline, the failing samples break the ratchet and the change gates")
    func failingAgainstPassing() throws {
        let (_, base) = try Self.run(Self.ratchet, "passing")
        let (verdict, _) = try Self.run(Self.ratchet, "failing", baseline: .loaded(base, name: "b.json"))
        let gates = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0) })
        #expect(verdict.status == .fail)
        // 435/473 → 336/473: a drop of 99/473, far over 0.001.
        #expect(gates["ratchet"]?.status == .fail)
        #expect(gates["ratchet"]?.baselineComparison?.base == .ratio(numerator: 435, denominator: 473))
        #expect(gates["ratchet"]?.baselineComparison?.head == .ratio(numerator: 336, denominator: 473))
        // The failing run's 3 failures and 1 error all passed in the passing run.
        #expect(gates["newly-failing"]?.actual == .integer(4))
        #expect(
            gates["newly-failing"]?.details.contains("tests.test_documents::test_sample_corpus_is_complete") == true)
        // Bandit's B602 and B404 in tools/rebuild_index.py are absent from the passing run.
        #expect(gates["no-new-findings"]?.actual == .integer(2))
        let (same, _) = try Self.run(Self.ratchet, "passing", baseline: .loaded(base, name: "b.json"))
        #expect(same.status == .pass && same.gates.allSatisfy { $0.status == .pass })
        #expect(same.gates[0].baselineComparison?.delta == "0")
    }

    @Test(
        "the ratchet compares exact fractions: a drop of exactly max_drop passes and 1/473000 more fails",
        arguments: [(435_473, GateResult.Status.pass), (435_474, .fail), (435_000, .pass)])
    func exactBoundary(_ numerator: Int, _ status: GateResult.Status) throws {
        var (_, base) = try Self.run(Self.ratchet, "passing")
        // Head is 435/473 = 435000/473000; a baseline of 435473/473000 is exactly 0.001 above it.
        base.gates["ratchet"]?.value = .ratio(numerator: numerator, denominator: 473_000)
        let (verdict, _) = try Self.run(Self.ratchet, "passing", baseline: .loaded(base, name: "b.json"))
        #expect(verdict.gates[0].status == status)
    }

    @Test("unless_at_least passes a value at or above it whatever the drop; below it the drop still fails")
    func unlessAtLeast() throws {
        let gates = { (floor: String) in
            """
            { "version": 1, "gates": [ { "id": "ratchet", "metric": "coverage.line_rate",
              "baseline": { "max_drop": 0, "unless_at_least": \(floor) } } ] }
            """
        }
        var (_, base) = try Self.run(gates("0.9"), "passing")
        base.gates["ratchet"]?.value = .ratio(numerator: 1, denominator: 1)
        // 435/473 ≈ 0.9197: at least 0.9, not at least 0.92.
        #expect(try Self.run(gates("0.9"), "passing", baseline: .loaded(base, name: "b")).verdict.status == .pass)
        #expect(try Self.run(gates("0.92"), "passing", baseline: .loaded(base, name: "b")).verdict.status == .fail)
    }

    @Test(
        "max_increase_ratio 0.5: 59 tests against 40 is +47.5 % (passes), against 39 +51.3 % (fails), against 0 cannot be judged"
    )
    func increaseRatio() throws {
        let gates = """
            { "version": 1, "gates": [ { "id": "growth", "metric": "tests.total",
              "baseline": { "max_increase_ratio": 0.5 } } ] }
            """
        var (_, base) = try Self.run(gates, "passing")
        #expect(base.gates["growth"]?.value == .integer(59))
        let expectations: [(Int, GateResult.Status)] = [
            (59, .pass), (40, .pass), (39, .fail), (20, .fail), (0, .error),
        ]
        for (count, status) in expectations {
            base.gates["growth"]?.value = .integer(count)
            let verdict = try Self.run(gates, "passing", baseline: .loaded(base, name: "b")).verdict
            #expect(verdict.gates[0].status == status, "\(count)")
        }
    }

    @Test("a stale gate definition, another commit, a truncated file or another schema is exit 2, naming the reason")
    func unusableBaselines() throws {
        let (_, base) = try Self.run(Self.ratchet, "passing")
        var changed = base
        changed.gates["ratchet"]?.definition = "0000000000000000"
        let stale = try Self.run(Self.ratchet, "passing", baseline: .loaded(changed, name: "b.json")).verdict
        #expect(stale.status == .error && stale.gates[0].status == .error)
        #expect(stale.gates[0].message.contains("measures something else than when the baseline b.json was written"))
        #expect(stale.diagnostics.contains { $0.code == "baseline.stale" && $0.file == "b.json" })

        let bytes = BaselineCodec.encode(base)
        let other = BaselineCodec.checked(BaselineCodec.decode(bytes, name: "b.json"), expectedCommit: "def456")
        guard case .unusable(_, "baseline.stale", let reason) = other else {
            Issue.record("\(other)")
            return
        }
        #expect(reason.contains("written for commit abc123, not def456"))
        #expect(BaselineCodec.checked(.loaded(base, name: "b"), expectedCommit: "abc123") == .loaded(base, name: "b"))

        for (damaged, code) in [
            (Array(bytes.prefix(bytes.count / 2)), "baseline.unreadable"), ([], "baseline.unreadable"),
            (Array(#"{"schema": "gatecheck.verdict/v1"}"#.utf8), "baseline.schema"),
            (Array(#"{"schema": "gatecheck.baseline/v1"}"#.utf8), "baseline.unreadable"),
        ] {
            let context = BaselineCodec.decode(damaged, name: "b.json")
            guard case .unusable("b.json", let found, _) = context else {
                Issue.record("not refused: \(context)")
                continue
            }
            #expect(found == code)
            let verdict = try Self.run(Self.ratchet, "passing", baseline: context).verdict
            #expect(verdict.status == .error && verdict.exitCode == 2)
        }
    }

    @Test("on_missing warn and skip are visible: a warning diagnostic, the gate warn or skipped, never pass")
    func onMissing() throws {
        for (choice, status) in [("warn", GateResult.Status.warn), ("skip", .skipped)] {
            let gates = """
                { "version": 1, "gates": [
                  { "id": "ratchet", "metric": "coverage.line_rate",
                    "baseline": { "max_drop": 0, "on_missing": "\(choice)" } },
                  { "id": "floor", "metric": "coverage.line_rate", "min": 0.5 } ] }
                """
            let verdict = try Self.run(gates, "passing").verdict
            #expect(verdict.gates[0].status == status && verdict.status == .pass)
            #expect(verdict.diagnostics.contains { $0.severity == .warning && $0.code == "baseline.missing" })
        }
    }
}
