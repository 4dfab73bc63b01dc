import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Numbers at the edges: overflows, counts that are not counts, measures that are not measures.
///
/// The overflow cases each trapped (a crash, exit 132) before they were fixed. A single number too large for its
/// count is refused; sums of in-range counts are held at `Int.max`, which compares with every bound as the true sum
/// would; a measure that is not one is never summed as 0.
struct NumberEdgeTests {
    static let tooMany = "9223372036854775806"

    @Test("JUnit: a suite claiming more than 2^32 tests is refused; claims up to it, and report sums, never trap")
    func junitSuiteSums() throws {
        var absurd = BytesSource(
            "<testsuites><testsuite name=\"a\" tests=\"\(Self.tooMany)\" failures=\"1\"/></testsuites>")
        #expect(throws: ReportError.self) { _ = try JUnitParser.parse(&absurd) }
        let limit = "4294967296"
        var source = BytesSource(
            "<testsuites><testsuite name=\"a\" tests=\"\(limit)\" failures=\"\(limit)\"/>"
                + "<testsuite name=\"b\" tests=\"\(limit)\" failures=\"\(limit)\"/></testsuites>")
        let report = try JUnitParser.parse(&source).report
        #expect(report.total == 2 << 32 && report.failed == 2 << 32)
        var huge = TestReport()
        huge.total = Int.max - 1
        huge.failed = Int.max - 1
        huge.add(huge)
        #expect(huge.total == Int.max && huge.failed == Int.max)
    }

    @Test(
        "JUnit: an attribute-only suite whose count is not a count cannot be judged",
        arguments: ["-1", "NaN", "1e400", "0.5", "99999999999999999999", "", "many"])
    func junitInvalidCount(_ value: String) {
        var source = BytesSource("<testsuites><testsuite name=\"s\" tests=\"5\" failures=\"\(value)\"/></testsuites>")
        #expect {
            _ = try JUnitParser.parse(&source)
        } throws: { error in
            let error = error as? ReportError
            return error?.code == "report.invalid-value" && error?.message.contains("failures='\(value)'") == true
        }
    }

    @Test("JUnit: the same attributes beside testcases are not used, so the testcases are counted")
    func junitInvalidCountBesideTestcases() throws {
        var source = BytesSource(
            "<testsuites><testsuite name=\"s\" tests=\"5\" failures=\"NaN\"><testcase name=\"t\"/></testsuite></testsuites>"
        )
        let report = try JUnitParser.parse(&source).report
        #expect(report.total == 1 && report.passed == 1)
    }

    @Test("Cobertura: root counts too large to add exactly make the combined rate unjudgeable, not a trap")
    func coberturaRootSums() throws {
        var source = BytesSource(
            "<coverage lines-valid=\"\(Self.tooMany)\" lines-covered=\"\(Self.tooMany)\" branches-valid=\"\(Self.tooMany)\" "
                + "branches-covered=\"1\"><packages/></coverage>")
        let report = try CoberturaParser.parse(&source).report
        let loaded = LoadedReport(path: "coverage.xml", kind: .cobertura, content: .coverage(report))
        let verdict = Build.evaluate([loaded], [Build.gate("combined", .coverage(.combinedRate), min: "0.1")])
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
    }

    @Test("Cobertura: a branch count of 4,294,967,295 with missing-branches reserves no memory for it")
    func coberturaBranchReservation() throws {
        var source = BytesSource(
            "<coverage><packages><package><classes><class filename=\"a.py\"><lines><line number=\"1\" hits=\"1\" "
                + "branch=\"true\" condition-coverage=\"0% (0/4294967295)\" missing-branches=\"5\"/></lines></class>"
                + "</classes></package></packages></coverage>")
        let report = try CoberturaParser.parse(&source).report
        #expect(report.totals.branchesValid == 4_294_967_295)
    }

    @Test("llm-cost: a token count beyond 2^53 is refused, and the largest accepted counts sum without a trap")
    func costTokenSums() throws {
        let absurd = """
            {"total_cost": 1.0, "a": {"input_tokens": 9223372036854775807, "output_tokens": 1, "cost": 0.5}}
            """
        #expect(throws: ReportError.self) { _ = try MetricReports.read(.llmCost, absurd) }
        let largest = """
            {"total_cost": 1.0, "a": {"input_tokens": 9007199254740992, "output_tokens": 1, "cost": 0.5},
             "b": {"input_tokens": 9007199254740992, "output_tokens": 1, "cost": 0.5}}
            """
        let loaded = try MetricReports.read(.llmCost, largest)
        let second = try MetricReports.read(.llmCost, largest, path: "b.json")
        let verdict = Build.evaluate([loaded, second], [Build.gate("tokens", .llm(.inputTokens), max: "5")])
        #expect(verdict.gates[0].actual == .integer(4 * 9_007_199_254_740_992) && verdict.gates[0].status == .fail)
    }

    @Test("image: a docker images size near Int64.max with its three-digit tolerance is compared, not a trap")
    func imageTolerance() throws {
        let text = #"{"Repository":"app","Tag":"1","ID":"abc123","Size":"9.22EB"}"#
        let loaded = try MetricReports.read(.image, text)
        let verdict = Build.evaluate([loaded], [MetricReports.sizeGate("9223372036854775807")])
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
    }

    @Test(
        "JUnit: a time that is not a duration makes tests.duration_seconds unjudgeable; an empty time is no time",
        arguments: [("-1", false), ("NaN", false), ("1e400", false), ("n/a", false), ("", true), (" ", true)])
    func junitTimes(_ time: String, measured: Bool) throws {
        var source = BytesSource(
            "<testsuite name=\"s\"><testcase name=\"a\" time=\"2.5\"/><testcase name=\"b\" time=\"\(time)\"/></testsuite>"
        )
        let loaded = LoadedReport(
            path: "junit.xml", kind: .junit, content: .tests(try JUnitParser.parse(&source).report))
        let verdict = Build.evaluate([loaded], [Build.gate("slow", .tests(.durationSeconds), max: "600")])
        #expect(verdict.gates[0].status == (measured ? .pass : .error))
        #expect(verdict.gates[0].actual == (measured ? .decimal(2.5) : .notMeasured))
    }
}
