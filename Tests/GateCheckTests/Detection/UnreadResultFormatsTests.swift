import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Test results and coverage in formats gatecheck does not read are errors, not ignored files: each, beside a passing
/// report, made a run with failing tests (or low coverage) pass (Fixtures/unread-formats, real files).
struct UnreadResultFormatsTests {
    @Test(
        "a test or coverage result gatecheck does not read is a wrong-kind error naming its format",
        arguments: [
            ("testng-failed-tests.xml", ReportKind.junit, "TestNG"),
            ("robot-output.xml", .junit, "Robot Framework"),
            ("mocha-tests.json", .junit, "Mocha"),
            ("pytest-json-report.json", .junit, "pytest-json-report"),
            ("dart-tests.jsonl", .junit, "Dart"),
            ("gcovr.json", .cobertura, "gcovr"),
            ("gcovr-summary.json", .cobertura, "gcovr"),
            ("gcovr-sonarqube.xml", .cobertura, "SonarQube"),
            ("gcovr-clover.xml", .cobertura, "Clover"),
        ])
    func unreadResultIsAnError(file: String, expected: ReportKind, named: String) throws {
        let bytes = try Fixtures.bytes("unread-formats/\(file)")
        for detection in [
            DetectionBeyondWindowTests.detectLikeLoader(bytes), ReportDetector.detect(prefix: bytes, isWholeFile: true),
        ] {
            guard case .unreadable(.wrongKind(let kind, let found)) = detection else {
                Issue.record("\(file): \(detection)")
                continue
            }
            #expect(kind == expected)
            #expect(found.contains(named))
        }
    }

    @Test(
        "the producers' own figures in the fixtures: each holds a failure that ignoring it would hide",
        arguments: [
            ("testng-failed-tests.xml", #"status="FAIL""#),
            ("robot-output.xml", #"<stat pass="1" fail="1" skip="0">All Tests</stat>"#),
            ("mocha-tests.json", #""failures": 2"#),
            ("pytest-json-report.json", #""summary": {"passed": 1, "failed": 1, "total": 2"#),
            ("gcovr-summary.json", #""line_total": 6, "line_covered": 2"#),
        ])
    func fixturesHoldFailures(file: String, figure: String) throws {
        let text = String(decoding: try Fixtures.bytes("unread-formats/\(file)"), as: UTF8.self)
        #expect(text.contains(figure))
    }

    @Test(
        "the formats in their producers' documented shapes: Jest, Vitest, Playwright, Cucumber, Catch2, Boost, Qt, Kover",
        arguments: [
            #"{"numFailedTestSuites":1,"numFailedTests":1,"numPassedTestSuites":0,"numPassedTests":0,"testResults":[]}"#,
            #"{"numTotalTestSuites":1,"numPassedTestSuites":0,"numFailedTestSuites":1,"numTotalTests":1,"testResults":[]}"#,
            #"{"config":{},"suites":[],"errors":[],"stats":{"expected":0,"unexpected":1}}"#,
            #"[{"description":"","elements":[],"id":"f","keyword":"Feature","name":"F","uri":"f.feature"}]"#,
            #"[{"uri":"f.feature","id":"f","keyword":"Feature","name":"F","description":"","line":1,"elements":[]}]"#,
            #"<Catch2TestRun name="t" rng-seed="1"><OverallResults successes="0" failures="1"/></Catch2TestRun>"#,
            #"<Catch name="t"><OverallResults successes="0" failures="1"/></Catch>"#,
            #"<TestLog><TestSuite name="m"><TestCase name="t"><Error>x</Error></TestCase></TestSuite></TestLog>"#,
            #"<TestResult><TestSuite name="m" result="failed" test_cases_failed="1"/></TestResult>"#,
            #"<TestCase name="tst_Foo"><TestFunction name="f"><Incident type="fail"/></TestFunction></TestCase>"#,
            #"<TestRun><FailedTests><FailedTest id="1"/></FailedTests></TestRun>"#,
            #"<testExecutions version="1"><file path="t"><testCase name="a"><failure/></testCase></file></testExecutions>"#,
            // Kover (the IntelliJ coverage reporter), as its README shows it: JaCoCo's format without the DOCTYPE.
            "<?xml version=\"1.0\" ?>\n<report name=\"Intellij Coverage Report\">\n<counter type=\"LINE\" missed=\"9\" "
                + "covered=\"1\"/>\n</report>",
        ])
    func documentedShapes(text: String) {
        let detection = ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: true)
        guard case .unreadable(.wrongKind) = detection else {
            Issue.record("\(text): \(detection)")
            return
        }
    }

    @Test(
        "look-alikes stay what they were: a ROS robot description, TRX, Cobertura, other JSON",
        arguments: [
            (#"<robot name="arm"><link name="base"/></robot>"#, "unknown"),
            (#"<report name="Weekly summary"><item/></report>"#, "unknown"),
            (#"<TestRun id="1" name="r" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"/>"#, "trx"),
            (#"<coverage version="7.4" timestamp="1" line-rate="1"/>"#, "cobertura"),
            (#"<coverage line-rate="1" branch-rate="0" version="1"/>"#, "cobertura"),
            (#"{"name": "app", "version": "1.0.0", "scripts": {"test": "jest"}}"#, "unknown"),
            (#"{"stats": {"count": 3}, "items": []}"#, "unknown"),
        ])
    func lookalikes(text: String, outcome: String) {
        let detection = ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: true)
        switch (detection, outcome) {
        case (.unknown, "unknown"), (.report(.trx), "trx"), (.report(.cobertura), "cobertura"): break
        default: Issue.record("\(text): \(detection), expected \(outcome)")
        }
    }
}
