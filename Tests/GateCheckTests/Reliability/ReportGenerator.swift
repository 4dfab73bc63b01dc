import Foundation
@_spi(Internals) import GateCheck

/// Random but valid reports, written the way the tools write them, from a seeded generator: Cobertura as
/// coverage.py and coverlet write it (a file split over two `<class>` elements, branch lines with and without
/// `missing-branches`), JUnit with every testcase state pytest and surefire produce, and Bandit and SARIF findings
/// drawn from a small pool of ids, so that reports overlap and waivers match.
struct ReportGenerator {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    static let files = ["app/__init__.py", "app/cli.py", "app/core.py", "app/db/models.py", "app/util.py"]

    /// A Cobertura report over some of ``files``: random lines and hits, some branch lines.
    mutating func cobertura() -> String {
        var classes = ""
        for file in Self.files where chance(0.7) {
            var lines: [String] = []
            for number in 1...int(1...40) where chance(0.6) {
                var line = "<line number=\"\(number)\" hits=\"\(chance(0.3) ? 0 : int(1...5))\""
                if chance(0.2) {
                    let total = pick([2, 4])
                    let covered = int(0...total)
                    line += " branch=\"true\" condition-coverage=\"\(covered * 100 / total)% (\(covered)/\(total))\""
                    if covered < total, chance(0.5) {
                        let targets = (0..<(total - covered)).map { _ in chance(0.2) ? "exit" : "\(int(1...60))" }
                        line += " missing-branches=\"\(targets.joined(separator: ","))\""
                    }
                }
                lines.append(line + "/>")
            }
            // coverlet writes one file as several classes: the lines of each are counted once.
            let split = chance(0.3) ? lines.count / 2 : lines.count
            for part in [lines[..<split], lines[split...]] where !part.isEmpty {
                classes +=
                    "<class name=\"\(file)\" filename=\"\(file)\"><methods/><lines>\(part.joined())</lines></class>\n"
            }
        }
        return """
            <?xml version="1.0" ?>
            <coverage version="7.6.1" line-rate="0.5"><sources><source>/src</source></sources>
            <packages><package name="app"><classes>
            \(classes)</classes></package></packages></coverage>

            """
    }

    /// A JUnit report: suites of testcases that pass, fail, error, are skipped or passed on a rerun.
    mutating func junit(failing: Bool = true) -> String {
        var suites = ""
        for suite in 0..<int(1...3) {
            var cases = ""
            for index in 0..<int(0...12) {
                let body: String
                switch failing ? int(0...9) : pick([0, 0, 0, 5, 6]) {
                case 0...4: body = ""
                case 5: body = "<skipped message=\"not on CI\"/>"
                case 6: body = "<flakyFailure message=\"timeout\"/>"
                case 7: body = "<failure message=\"assert \(index) == 1\">trace</failure>"
                case 8: body = "<error message=\"fixture failed\"/>"
                default: body = "<failure message=\"a\"/><error message=\"b\"/>"
                }
                cases +=
                    "<testcase classname=\"tests.test_\(suite)\" name=\"test_\(index)\" time=\"0.\(int(0...99))\">"
                    + "\(body)</testcase>\n"
            }
            suites += "<testsuite name=\"s\(suite)\">\n\(cases)</testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuites>\n\(suites)</testsuites>\n"
    }

    static let findingIDs = ["B602", "B105", "B311", "B404", "B110"]
    static let severities = ["HIGH", "MEDIUM", "LOW"]

    /// A Bandit report with findings drawn from ``findingIDs``.
    mutating func bandit(findings: ClosedRange<Int> = 0...8) -> String {
        var results: [String] = []
        for index in 0..<int(findings) {
            results.append(
                """
                {"filename": "\(pick(Self.files))", "issue_confidence": "\(pick(Self.severities))",
                 "issue_severity": "\(pick(Self.severities))", "issue_text": "finding \(index)",
                 "line_number": \(int(1...200)), "test_id": "\(pick(Self.findingIDs))", "test_name": "t\(index)"}
                """)
        }
        return """
            {"errors": [], "generated_at": "2026-11-26T10:00:00Z", "metrics": {},
             "results": [\(results.joined(separator: ",\n"))]}

            """
    }

    static let ruleIDs = ["CVE-2024-0001", "CVE-2024-0002", "GHSA-xxxx-yyyy-zzzz", "py/sql-injection"]

    /// A SARIF log with results of rules from ``ruleIDs``, scored or only levelled.
    mutating func sarif(results: ClosedRange<Int> = 0...8) -> String {
        var rules: [String] = []
        for id in Self.ruleIDs {
            let score =
                chance(0.6) ? #", "properties": {"security-severity": "\#(int(1...99) / 10).\#(int(0...9))"}"# : ""
            rules.append(#"{"id": "\#(id)"\#(score)}"#)
        }
        var list: [String] = []
        for index in 0..<int(results) {
            let level = pick(["error", "warning", "note"])
            list.append(
                #"{"ruleId": "\#(pick(Self.ruleIDs))", "level": "\#(level)", "message": {"text": "result \#(index)"}, "#
                    + #""locations": [{"physicalLocation": {"artifactLocation": {"uri": "\#(pick(Self.files))"}}}]}"#)
        }
        return """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Scanner", "rules": [\(rules.joined(separator: ", "))]}},
             "results": [\(list.joined(separator: ",\n"))]}]}

            """
    }

    /// Random waivers: ids of findings that occur (and some that do not), expiring around `today`, some scoped.
    mutating func waivers(today: Day) -> [Waiver] {
        // Expired, expiring today, expiring soon and far off: most of them active on 2026-11-26.
        let days = ["2026-11-20", "2026-11-25", "2026-11-26", "2026-11-27", "2026-12-05", "2026-12-31", "2027-06-30"]
        return (0..<int(0...6)).map { index in
            let expires = Day(pick(days)) ?? today
            return Waiver(
                id: pick(Self.findingIDs + Self.ruleIDs + ["CVE-1999-0000"]), reason: "reason \(index)",
                expires: expires,
                kinds: chance(0.3) ? [pick([ReportKind.bandit, .sarif])] : nil,
                paths: chance(0.3) ? ["app/**"] : nil)
        }
    }

    /// The elements of `items` in a random order.
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        items.shuffled(using: &random)
    }
}
