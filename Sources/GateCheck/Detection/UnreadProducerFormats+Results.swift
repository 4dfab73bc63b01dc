/// Test results and coverage that widespread tools write in formats gatecheck does not read: each is an error
/// (`report.wrong-kind`, exit 2) rather than an ignored file, because ignored beside a passing report it hid its
/// failures behind a pass (a TestNG run with a failing test next to a passing coverage report was exit 0).
///
/// Each is told by what its producer always writes first (an XML root, a JSON object's first keys), never by its
/// file name, and the message names the format and an option of the same tool that writes one gatecheck reads.
extension UnreadProducerFormats {
    /// The XML test or coverage results of a tool gatecheck does not read, by the root's local name and the first
    /// bytes of its start tag (`rootTag`: the name and up to 23 bytes after it).
    static func xmlResults(root local: String, rootTag: [UInt8]) -> Detection? {
        let tests: String
        switch local {
        case "testng-results":
            tests =
                "TestNG's testng-results.xml; read the JUnit XML TestNG writes beside it (Maven Surefire's "
                + "TEST-*.xml, Gradle's test-results, or TestNG's own junitreports/)"
        case "robot" where contains(rootTag, "robot generator="):
            tests =
                "Robot Framework's output.xml; write JUnit XML as well with `robot --xunit xunit.xml` (or "
                + "`rebot --xunit xunit.xml output.xml`)"
        case "testExecutions":
            tests =
                "SonarQube's generic test execution XML (<testExecutions>); give gatecheck the JUnit XML the "
                + "tests wrote"
        case "Catch2TestRun",
            "Catch" where contains(rootTag, "Catch name="):
            tests = "Catch2's XML reporter; write JUnit XML with `--reporter junit::out=junit.xml`"
        case "TestLog", "TestResult":
            tests =
                "Boost.Test's XML log or report; write JUnit XML with `--logger=JUNIT,all,junit.xml` (or "
                + "`--log_format=JUNIT`)"
        case "TestCase" where contains(rootTag, "TestCase name="):
            tests = "Qt Test's XML (`-o file,xml`); write JUnit XML with `-o junit.xml,junitxml`"
        case "TestRun" where rootTag.count == "TestRun".utf8.count:
            // TRX's <TestRun> always carries its namespace, id and name; CppUnit's XmlOutputter writes a bare one.
            tests =
                "CppUnit's XML (<TestRun> without TRX's namespace); write JUnit XML (for example with a "
                + "JUnit outputter) or TRX"
        default:
            return nil
        }
        return .unreadable(.wrongKind(expected: .junit, found: tests + ", which gatecheck does not read"))
    }

    /// A `<coverage>` root that is not Cobertura: Clover XML (`clover=` or `generated=` first, as PHPUnit, istanbul
    /// and gcovr write it) or SonarQube's generic coverage (`<coverage version="1">`, gcovr's `--sonarqube`).
    static func coverageRoot(rootTag: [UInt8]) -> Detection? {
        let found: String
        if contains(rootTag, "coverage clover=") || contains(rootTag, "coverage generated=") {
            found =
                "Clover XML (<coverage generated=... clover=...>), which gatecheck does not read; write Cobertura "
                + "(PHPUnit `--coverage-cobertura`, istanbul/jest reporter `cobertura`, gcovr `--cobertura`) or LCOV"
        } else if trimmed(rootTag).elementsEqual(#"coverage version="1""#.utf8) {
            found =
                "SonarQube's generic coverage XML (<coverage version=\"1\">, gcovr `--sonarqube`), which "
                + "gatecheck does not read; write Cobertura (gcovr `--cobertura`) or LCOV"
        } else {
            return nil
        }
        return .unreadable(.wrongKind(expected: .cobertura, found: found))
    }

    /// Kover's XML report, refused with the fix instead of ignored.
    ///
    /// The IntelliJ coverage reporter's `<report name="Intellij Coverage Report">` is JaCoCo's format without
    /// JaCoCo's DOCTYPE, so it was ignored as a `<report>` of no known kind and a coverage gate was skipped.
    /// It is refused with the fix rather than read unasked, since gatecheck's JaCoCo reader was checked on JaCoCo's
    /// own reports only.
    static func koverReport(rootTag: [UInt8]) -> Detection? {
        guard contains(rootTag, #"report name="Intellij"#) || contains(rootTag, #"report name="Kover"#) else {
            return nil
        }
        return .unreadable(
            .wrongKind(
                expected: .jacoco,
                found: "Kover's (IntelliJ coverage) XML report, JaCoCo's format without JaCoCo's DOCTYPE; bind it to "
                    + "kind `jacoco` in gates.json `inputs` to read it as JaCoCo, or write JaCoCo's own report"))
    }

    /// A JSON object of test results or coverage gatecheck does not read, by its first keys (complete objects only:
    /// any report kind gatecheck reads would have been told by then).
    static func jsonResults(_ shape: JSONSniffer.Shape) -> Detection? {
        let keys = shape.order
        func has(_ names: String...) -> Bool { names.allSatisfy(keys.contains) }
        let found: String
        let expected: ReportKind
        if !shape.isArray, keys.contains("numFailedTestSuites") || keys.contains("numTotalTestSuites") {
            expected = .junit
            found =
                "Jest's or Vitest's `--json` results; write JUnit XML (jest-junit, or Vitest's "
                + "`--reporter=junit`)"
        } else if !shape.isArray, has("exitcode", "summary"), has("created") || has("root") {
            expected = .junit
            found = "pytest-json-report's JSON; write JUnit XML with `pytest --junitxml=junit.xml`"
        } else if !shape.isArray, has("stats", "failures", "passes") || has("stats", "tests", "pending") {
            expected = .junit
            found = "Mocha's JSON reporter; write JUnit XML (`--reporter mocha-junit-reporter`)"
        } else if !shape.isArray, has("config", "suites", "stats") {
            expected = .junit
            found = "Playwright's JSON reporter; write JUnit XML (`--reporter=junit`, PLAYWRIGHT_JUNIT_OUTPUT_NAME)"
        } else if !shape.isArray, keys.contains(where: { $0.hasPrefix("gcovr/") }) {
            expected = .cobertura
            found = "gcovr's JSON; write Cobertura with `gcovr --cobertura coverage.xml` (or LCOV with `--lcov`)"
        } else if !shape.isArray, has("protocolVersion", "runnerVersion") {
            expected = .junit
            found =
                "Dart's `dart test --reporter json` events; write JUnit XML (for example `--file-reporter "
                + "json:results.json` converted with the junitreport package's `tojunit`)"
        } else if shape.isArray, shape.firstElement == .object, has("keyword"), has("elements") || has("uri") {
            expected = .junit
            found = "Cucumber's JSON (features with their scenarios); write JUnit XML (`--format junit`)"
        } else {
            return nil
        }
        return .unreadable(.wrongKind(expected: expected, found: found + ", which gatecheck does not read"))
    }

    private static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var slice = bytes[...]
        while let last = slice.last, ReportDetector.isSpace(last) { slice = slice.dropLast() }
        return slice
    }
}
