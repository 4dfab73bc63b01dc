import Foundation
@_spi(Internals) import GateCheck
import Testing

@testable import GateCheckCLI

/// A linked directory found by a walk is walked.
///
/// Reports kept behind a link (`test-results -> $RUNNER_TEMP/results`)
/// were skipped, and the failing JUnit report there never read while the passing samples beside the link passed.
/// Links back to a directory on the walk or to an ancestor of the root are not followed, so no walk loops.
struct LinkedDirectoryTests {
    @Test("a failing report behind a link to a directory outside the tree is read (exit 1)")
    func linkedDirectoryIsWalked() throws {
        let directory = try DirectoryWalkTests.reports()
        let elsewhere = try OutputCommandTests.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        try FileManager.default.copyItem(
            at: DirectoryWalkTests.failingJUnit, to: elsewhere.appendingPathComponent("junit.xml"))
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("test-results").path, withDestinationPath: elsewhere.path)
        let result = ScenarioTests.run([directory.path])
        #expect(result.code == 1, "\(result.out)")
        #expect(result.out.contains("tests.failed is 3"), "\(result.out)")
    }

    @Test("links to the root, to an ancestor, to / and to each other end the walk instead of looping")
    func loopsEnd() throws {
        let directory = try DirectoryWalkTests.reports()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sub = directory.appendingPathComponent("a")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let links = [("a/self", "."), ("a/up", ".."), ("a/root", "/"), ("a/b", "../c"), ("c", "a")]
        for (name, target) in links {
            try FileManager.default.createSymbolicLink(
                atPath: directory.appendingPathComponent(name).path, withDestinationPath: target)
        }
        let walk = DirectoryWalker().walk(directory.path)
        #expect(walk.problems.isEmpty, "\(walk.problems.map(\.diagnostic.message))")
        // The passing samples, each once by identity, however many link paths lead to them.
        let identities = Set(walk.files.map(\.identity))
        let samples = try FileManager.default.contentsOfDirectory(atPath: DirectoryWalkTests.passing.path)
        #expect(identities.count == samples.count)
        #expect(walk.files.count == samples.count)
    }
}
