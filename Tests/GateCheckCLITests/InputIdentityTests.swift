import Foundation
@_spi(Internals) import GateCheck
import Testing

@testable import GateCheckCLI

/// Inputs are de-duplicated by file identity (device and inode after following links), not by path text: however
/// the same report is reached, its figures count once, under the first path given, with a note naming the others.
struct InputIdentityTests {
    /// The JSON verdict of a run in `directory` (the working directory is not changed: paths are built from it).
    static func verdict(_ arguments: [String]) throws -> (code: Int32, json: [String: Any]) {
        let result = ScenarioTests.run(["--format", "json"] + arguments)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any], "\(result.out)")
        return (result.code, json)
    }

    static func testsTotal(_ json: [String: Any]) -> Int? {
        let gates = json["gates"] as? [[String: Any]] ?? []
        let gate = gates.first { $0["metric"] as? String == "tests.total" }
        return (gate?["actual"] as? NSNumber)?.intValue
    }

    static func notes(_ json: [String: Any]) -> [[String: Any]] {
        (json["diagnostics"] as? [[String: Any]] ?? []).filter { $0["code"] as? String == "input.same-file" }
    }

    @Test(
        "one JUnit file reached by several paths counts once, under the first path, with a note",
        arguments: ["link", "absolute-and-relative", "dot-dot", "walk-and-file", "hard-link"])
    func sameFile(_ variant: String) throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reports = directory.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let junit = reports.appendingPathComponent("junit.xml").path
        try FileManager.default.copyItem(atPath: DirectoryWalkTests.failingJUnit.path, toPath: junit)
        let single = try Self.verdict([junit])
        let expected = try #require(Self.testsTotal(single.json))

        var second: String
        switch variant {
        case "link":
            second = directory.appendingPathComponent("junit-link.xml").path
            try FileManager.default.createSymbolicLink(atPath: second, withDestinationPath: junit)
        case "absolute-and-relative":
            // Relative to the working directory of the test process.
            let cwd = FileManager.default.currentDirectoryPath
            let up = cwd.split(separator: "/").map { _ in ".." }.joined(separator: "/")
            second = up + junit
        case "dot-dot": second = reports.path + "/../reports/./junit.xml"
        case "walk-and-file": second = directory.path + "/./reports"
        default:
            second = directory.appendingPathComponent("copy.xml").path
            try #require(link(junit, second) == 0)
        }
        let both = try Self.verdict([junit, second])
        #expect(Self.testsTotal(both.json) == expected, "\(variant): counted twice")
        #expect(both.code == single.code)
        let reported = (both.json["reports"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(reported == [junit], "\(variant): the first path given is the one reported")
        let note = try #require(Self.notes(both.json).first, "\(variant): no note")
        #expect(note["severity"] as? String == "note" && note["file"] as? String == junit)
        let alias = variant == "walk-and-file" ? second + "/junit.xml" : second
        #expect((note["message"] as? String)?.contains("`\(alias)`") == true, "\(note)")
    }

    @Test("a file found by a directory walk and bound in gates.json is read once, as the bound kind")
    func walkAndBinding() throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("junit.xml").path
        try FileManager.default.copyItem(atPath: DirectoryWalkTests.failingJUnit.path, toPath: junit)
        let config = try FailureModeTests.write(
            """
            {"version": 1, "inputs": [{"path": "\(directory.path)/../\(directory.lastPathComponent)/junit.xml",
             "kind": "junit"}],
             "gates": [{"id": "tests", "metric": "tests.total", "max": 34}]}
            """, "gates.json", in: directory.appendingPathComponent("config"))
        let result = try Self.verdict(["--config", config, directory.path])
        #expect(Self.testsTotal(result.json) == 34)
        #expect(result.code == 0)
        #expect(Self.notes(result.json).count == 1)
    }

    @Test("distinct files with the same content are two inputs; a path given twice as the same text adds no note")
    func distinctFiles() throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("a.xml").path
        let second = directory.appendingPathComponent("b.xml").path
        try FileManager.default.copyItem(atPath: DirectoryWalkTests.failingJUnit.path, toPath: first)
        try FileManager.default.copyItem(atPath: DirectoryWalkTests.failingJUnit.path, toPath: second)
        let result = try Self.verdict([first, second, first])
        #expect(Self.testsTotal(result.json) == 68)
        #expect(Self.notes(result.json).isEmpty)
    }

    @Test("two files whose names differ only in Unicode normalization (NFC, NFD) are two inputs")
    func normalizationVariants() throws {
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let composed = directory.path + "/r\u{E9}sultats.xml"
        let decomposed = directory.path + "/re\u{301}sultats.xml"
        try #require(Array(composed.utf8) != Array(decomposed.utf8) && composed == decomposed)
        for path in [composed, decomposed] {
            try #require(
                FileManager.default.createFile(
                    atPath: path, contents: try Data(contentsOf: DirectoryWalkTests.failingJUnit)))
        }
        try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).count == 2)
        let result = try Self.verdict([directory.path])
        #expect(Self.testsTotal(result.json) == 68)
    }
}
