#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the events of a `go test -json` stream say so far, counted as `go test` counts.
struct GoTestJSONState {
    /// One event's fields that matter.
    struct Event {
        var action = ""
        var package = ""
        var test: String?
        var elapsed: Double?
        var output: String?
        /// Go 1.24's build events name the package being built (`m/x [m/x.test]`), not a `Package`.
        var importPath: String?
    }

    /// A test that has started and not ended, with the output line that best says why it might fail.
    private struct Running {
        var message = ""
    }

    /// A package's standing: its failed tests, its last output line, whether it has ended.
    private struct Package {
        var failedTests = 0
        var lastOutput = ""
        var ended = false
    }

    private(set) var report = TestReport()
    private var running: [String: Running] = [:]
    private var packages: [String: Package] = [:]
    /// Go 1.24's builds that failed (`build-fail`), by package, with their last build output line.
    private var failedBuilds: [String: String] = [:]
    /// The last build output line per import path, for the message of a failed build.
    private var buildOutput: [String: String] = [:]

    /// Counts one event.
    mutating func apply(_ event: Event) {
        if event.package.isEmpty, let importPath = event.importPath {
            applyBuild(event, importPath: importPath)
            return
        }
        var package = packages[event.package] ?? Package()
        defer { packages[event.package] = package }
        guard let test = event.test else {
            switch event.action {
            case "output":
                if let line = Self.meaningful(event.output) { package.lastOutput = line }
            case "pass", "fail", "skip":
                package.ended = true
                endPackage(event.package, failed: event.action == "fail", &package)
            default: break
            }
            return
        }
        let key = event.package + "\u{0}" + test
        switch event.action {
        case "run":
            running[key] = Running()
        case "output":
            if let line = Self.meaningful(event.output), running[key] != nil { running[key]?.message = line }
        case "pass", "fail", "skip":
            let message = running.removeValue(forKey: key)?.message ?? ""
            report.total += 1
            if !test.contains("/"), let elapsed = event.elapsed, elapsed.isFinite, elapsed >= 0 {
                report.durationSeconds += elapsed
            }
            switch event.action {
            case "pass": report.passed += 1
            case "skip": report.skipped += 1
            default:
                package.failedTests += 1
                fail(package: event.package, test: test, message: message)
            }
        default: break  // start, pause, cont, bench
        }
    }

    /// The report once the stream has ended; a package or test that never ended means the run was cut short.
    mutating func finish() -> (report: TestReport, unfinished: String?) {
        if let open = packages.first(where: { !$0.value.ended })?.key {
            return (report, open)
        }
        // A build that failed is a failing package even when the stream holds no event of the package itself.
        // A package with events of its own was counted when it ended.
        for (name, output) in failedBuilds.sorted(by: { $0.key < $1.key }) where packages[name] == nil {
            report.total += 1
            fail(
                package: name, test: "(package)",
                message: "the package did not build" + (output.isEmpty ? "" : ": \(output)"))
        }
        return (report, nil)
    }

    /// Go 1.24's `build-output` and `build-fail` events, which come before the package's own events (if any).
    private mutating func applyBuild(_ event: Event, importPath: String) {
        let name = String(importPath.prefix { $0 != " " })
        switch event.action {
        case "build-output":
            if let line = Self.meaningful(event.output), !line.hasPrefix("# ") { buildOutput[importPath] = line }
        case "build-fail":
            failedBuilds[name] = buildOutput[importPath] ?? ""
        default: break
        }
    }

    // MARK: - Private

    /// A package's final event: tests still running failed with it (a panic or a timeout ends them all); a failed
    /// package with no failed test (a build failure, a failing TestMain, a panic outside a test) is one failing test.
    private mutating func endPackage(_ name: String, failed: Bool, _ package: inout Package) {
        let prefix = name + "\u{0}"
        let unfinished = running.keys.filter { $0.hasPrefix(prefix) }.sorted()
        for key in unfinished {
            let message = running.removeValue(forKey: key)?.message ?? ""
            report.total += 1
            package.failedTests += 1
            fail(
                package: name, test: String(key.dropFirst(prefix.count)),
                message: "it never finished: the package " + (failed ? "failed" : "ended") + " while it ran"
                    + (message.isEmpty ? "" : " (\(message))"))
        }
        guard failed, package.failedTests == 0 else { return }
        report.total += 1
        fail(
            package: name, test: "(package)",
            message: failedBuilds[name].map { "the package did not build" + ($0.isEmpty ? "" : ": \($0)") }
                ?? "the package failed without a failing test (a build failure, a panic, a timeout or TestMain)"
                + (package.lastOutput.isEmpty ? "" : ": \(package.lastOutput)"))
    }

    private mutating func fail(package: String, test: String, message: String) {
        report.failed += 1
        guard report.failures.count < TestReport.failureLimit else {
            report.failuresOmitted += 1
            return
        }
        report.failures.append(
            FailedTest(
                state: .failed, className: package, name: test,
                message: String(message.utf8.prefix(FailedTest.messageLimit)) ?? ""))
    }

    /// An output line worth naming in a failure: not go test's own `=== RUN` and `--- PASS` framing, bounded.
    private static func meaningful(_ output: String?) -> String? {
        guard let output else { return nil }
        let line = output.trimmingWhitespace
        guard !line.isEmpty, !line.hasPrefix("=== "), !line.hasPrefix("--- "), line != "PASS", line != "FAIL" else {
            return nil
        }
        return String(line.utf8.prefix(FailedTest.messageLimit)) ?? String(line.prefix(200))
    }
}
