import Foundation
@_spi(Internals) import GateCheck
import Testing

/// `go test -json` streams written by the real go test (Fixtures/go-test-json, see its NOTICE) counted as go test
/// counts: the `--- PASS`, `--- FAIL` and `--- SKIP` lines of `go test -v` on the same package.
struct GoTestJSONReaderTests {
    /// go test -v's own count: passed, failed, skipped.
    static func verbose(_ name: String) throws -> [Int] {
        let text = String(decoding: try Fixtures.bytes("go-test-json/\(name).v.txt"), as: UTF8.self)
        let lines = text.split(separator: "\n")
        return ["--- PASS:", "--- FAIL:", "--- SKIP:"].map { marker in
            lines.count { $0.trimmingCharacters(in: .whitespaces).hasPrefix(marker) }
        }
    }

    static func read(_ bytes: [UInt8]) throws(ReportError) -> TestReport {
        try GoTestJSONParser.parse(BytesSource(bytes, chunkSize: 977)).report
    }

    @Test("passed, failed and skipped equal go test -v's, subtests included", arguments: ["pass", "fail", "panic"])
    func countsEqualGoTest(_ name: String) throws {
        let report = try Self.read(try Fixtures.bytes("go-test-json/\(name).jsonl"))
        #expect([report.passed, report.failed, report.skipped] == (try Self.verbose(name)))
        #expect(report.total == report.passed + report.failed + report.skipped)
    }

    @Test("a failing subtest is named with its package and its output line")
    func failureNamed() throws {
        let report = try Self.read(try Fixtures.bytes("go-test-json/fail.jsonl"))
        let names = report.failures.map(\.name)
        #expect(names.contains("TestTable/n#01"))
        #expect(report.failures.first { $0.name == "TestTable/n#01" }?.message.contains("n = 2 is even") == true)
        #expect(report.failures.allSatisfy { $0.className == "example.com/calc/failing" })
    }

    @Test("a test cut off by a timeout fails with its package: never a pass")
    func timeoutIsAFailure() throws {
        let report = try Self.read(try Fixtures.bytes("go-test-json/timeout.jsonl"))
        let verbose = try Self.verbose("timeout")
        #expect(report.passed == verbose[0])
        #expect(report.failed == 1)
        #expect(report.failures.map(\.name) == ["TestHangs"])
        #expect(report.failures.first?.message.contains("never finished") == true)
    }

    @Test("a package that fails without a failing test is one failing test named (package)")
    func packageFailureWithoutTest() throws {
        let text =
            #"{"Action":"output","Package":"m/x","Output":"panic: init failed\n"}"# + "\n"
            + #"{"Action":"fail","Package":"m/x","Elapsed":0.01}"# + "\n"
        let report = try Self.read(Array(text.utf8))
        #expect(report.failed == 1)
        #expect(report.failures.first?.name == "(package)")
        #expect(report.failures.first?.message.contains("panic: init failed") == true)
    }

    @Test("go 1.19's plain-text build failure among the events is an error at its line, never a pass")
    func buildFailureLine() throws {
        let bytes = try Fixtures.bytes("go-test-json/mixed-go1.19.jsonl")
        let text = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let plain = try #require(text.firstIndex { $0.hasPrefix("FAIL") })
        do {
            _ = try Self.read(bytes)
            Issue.record("read")
        } catch {
            #expect(error.location?.line == plain + 1)
        }
    }

    @Test("streams are detected by content; a stream cut between packages is truncated")
    func detectionAndCuts() throws {
        for name in ["pass", "fail", "panic", "timeout"] {
            let bytes = try Fixtures.bytes("go-test-json/\(name).jsonl")
            #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.goTestJSON), "\(name)")
        }
        let lines = String(decoding: try Fixtures.bytes("go-test-json/pass.jsonl"), as: UTF8.self)
            .split(separator: "\n")
        let cut = Array((lines.dropLast().joined(separator: "\n") + "\n").utf8)
        #expect(throws: ReportError.self) { try Self.read(cut) }
        do { _ = try Self.read(cut) } catch { #expect(error.code == "report.truncated") }
        do {
            _ = try Self.read(Array(#"{"Package":"m"}"#.utf8))
            Issue.record("read")
        } catch { #expect(error.code == "report.wrong-kind") }
    }

    @Test(
        "go 1.19's output for a package that does not build is go test -json output, refused at its first text line",
        arguments: [
            ("build-failed-go1.19", 1, "Go before 1.24 writes"), ("build-failed-stderr-go1.19", 1, "stderr"),
            ("broken-first-go1.19", 1, "Go before 1.24 writes"),
        ])
    func buildFailureText(_ name: String, line: Int, says: String) throws {
        let bytes = try Fixtures.bytes("go-test-json/\(name).jsonl")
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.goTestJSON))
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: false) == .report(.goTestJSON))
        do {
            _ = try Self.read(bytes)
            Issue.record("\(name) read")
        } catch {
            #expect(error.code == "report.malformed")
            #expect(error.location?.line == line)
            #expect(error.description.contains(says), "\(error)")
        }
    }

    @Test(
        "go test -v logs, failing ones included, are text, not go test -json output",
        arguments: [
            "pass", "fail", "panic", "timeout",
        ])
    func verboseLogsAreText(_ name: String) throws {
        let bytes = try Fixtures.bytes("go-test-json/\(name).v.txt")
        guard case .plainText(let first) = ReportDetector.detect(prefix: bytes, isWholeFile: true) else {
            Issue.record("\(name).v.txt: \(ReportDetector.detect(prefix: bytes, isWholeFile: true))")
            return
        }
        #expect(first == String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self))
    }

    @Test(
        "only go test's own failure line tells go test -json output",
        arguments: [
            ("FAIL\tm/x [build failed]\n", true), ("FAIL\tm/x [setup failed]", true),
            ("\n\nFAIL\tm/x [build failed]\r\n", true), ("FAIL\tm/x\t0.01s\n", false),
            ("FAIL\tm x [build failed]\n", false), ("FAIL m/x [build failed]\n", false),
            ("x\n    FAIL\tm/x [build failed]\n", false), ("FAIL\t [build failed]\n", false),
        ])
    func failureLineShape(_ text: String, tells: Bool) {
        let detected = ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: true)
        #expect((detected == .report(.goTestJSON)) == tells, "\(text.debugDescription): \(detected)")
    }

    @Test("go 1.24's build events are read: a failed build is one failing package, build output alone is no failure")
    func go124BuildEvents() throws {
        let bytes = try Fixtures.bytes("unread-formats/go124-build-failed.jsonl")
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.goTestJSON))
        let report = try Self.read(bytes)
        #expect(report.total == 1 && report.failed == 1)
        let failure = try #require(report.failures.first)
        #expect(failure.className == "example.com/internal/cacher" && failure.name == "(package)")
        #expect(failure.message.contains("did not build: ./directory_test.go:321:10: undefined: assert.foo"))
        // The build events alone (the package's own events lost): still a failing package, never a pass.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        let buildOnly = Array((lines.prefix(3).joined(separator: "\n") + "\n").utf8)
        #expect(ReportDetector.detect(prefix: buildOnly, isWholeFile: true) == .report(.goTestJSON))
        #expect(try Self.read(buildOnly).failed == 1)
        // Build output that is only a warning, then a passing package: no failure.
        let warned = Array(
            (##"{"ImportPath":"m/x [m/x.test]","Action":"build-output","Output":"# m/x\nwarning: w\n"}"## + "\n"
                + #"{"Action":"start","Package":"m/x"}"# + "\n"
                + #"{"Action":"run","Package":"m/x","Test":"TestA"}"# + "\n"
                + #"{"Action":"pass","Package":"m/x","Test":"TestA","Elapsed":0}"# + "\n"
                + #"{"Action":"pass","Package":"m/x","Elapsed":0.01}"# + "\n").utf8)
        let passing = try Self.read(warned)
        #expect(passing.total == 1 && passing.passed == 1 && passing.failed == 0)
    }
}

