import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The diff parser on diffs written by the real git, in repositories the tests build.
@Suite("Unified diff parser", .enabled(if: GitRepository.isAvailable, "git not found"))
struct UnifiedDiffParserTests {
    /// Ten numbered lines, the base of most edits.
    static let ten = (1...10).map { "line \($0)\n" }.joined()

    /// A repository with a base commit and a head commit made by `edit`; the diff of base..head with `options`.
    static func diff(
        base: [String: String], options: [String] = [], edit: (GitRepository) throws -> Void
    ) throws -> (UnifiedDiff, [UInt8]) {
        let repository = try GitRepository()
        defer { repository.remove() }
        for (path, content) in base { try repository.write(path, content) }
        let baseCommit = try repository.commit("base")
        try edit(repository)
        let head = try repository.commit("head")
        let bytes = try repository.gitBytes(["diff", "--no-color", "--no-ext-diff"] + options + [baseCommit, head])
            .bytes
        return (try UnifiedDiffParser.parse(bytes), bytes)
    }

    @Test("every context width gives the same + lines", arguments: ["-U0", "-U1", "-U3", "-U10"])
    func contextWidth(_ width: String) throws {
        var lines = Self.ten.split(separator: "\n").map(String.init)
        lines[1] = "changed 2"
        lines[4] = "changed 5"
        lines.insert("inserted", at: 7)
        let edited = lines.joined(separator: "\n") + "\nappended\n"
        let (diff, _) = try Self.diff(base: ["src/a.py": Self.ten], options: [width]) { repository in
            try repository.write("src/a.py", edited)
        }
        #expect(diff.files.map(\.path) == ["src/a.py"])
        #expect(diff.files.first?.addedLines == [2, 5, 8, 12])
        #expect(diff.files.first?.change == .modified)
    }

    @Test("new, deleted, renamed, mode-changed and binary files")
    func fileChanges() throws {
        let (diff, _) = try Self.diff(
            base: ["old.py": Self.ten, "moved.py": Self.ten, "gone.py": "x\n", "run.sh": "echo\n"], options: ["-M"]
        ) { repository in
            try repository.write("new.py", "a\nb\n")
            try FileManager.default.removeItem(at: repository.root.appendingPathComponent("gone.py"))
            try FileManager.default.removeItem(at: repository.root.appendingPathComponent("moved.py"))
            try repository.write("pkg/moved.py", Self.ten + "tail\n")
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: repository.root.appendingPathComponent("run.sh").path)
            try repository.write("logo.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 0, 255]))
        }
        let files = Dictionary(uniqueKeysWithValues: diff.files.map { ($0.path, $0) })
        #expect(files["new.py"]?.change == .added)
        #expect(files["new.py"]?.addedLines == [1, 2])
        #expect(files["gone.py"]?.change == .deleted)
        #expect(files["gone.py"]?.addedLines == [])
        #expect(files["pkg/moved.py"]?.change == .renamed)
        #expect(files["pkg/moved.py"]?.oldPath == "moved.py")
        #expect(files["pkg/moved.py"]?.addedLines == [11])
        #expect(files["run.sh"]?.change == .modified)
        #expect(files["run.sh"]?.addedLines == [])
        #expect(files["logo.png"]?.isBinary == true)
        #expect(files["old.py"] == nil)
        #expect(diff.byPath["gone.py"] == nil)
    }

    @Test("a binary patch (--binary) is skipped, and the files after it are read")
    func binaryPatch() throws {
        let (diff, _) = try Self.diff(base: ["b.py": "1\n"], options: ["--binary"]) { repository in
            try repository.write("a.bin", Data((0..<300).map { UInt8($0 % 256) }))
            try repository.write("b.py", "1\n2\n")
        }
        #expect(diff.files.map(\.path) == ["a.bin", "b.py"])
        #expect(diff.files[0].isBinary)
        #expect(diff.files[1].addedLines == [2])
    }

    @Test("`\\ No newline at end of file` on either side")
    func noNewlineAtEnd() throws {
        let (diff, bytes) = try Self.diff(base: ["a.py": "1\n2"]) { repository in
            try repository.write("a.py", "1\n2\n3")
        }
        #expect(String(decoding: bytes, as: UTF8.self).contains("\\ No newline at end of file"))
        #expect(diff.files.first?.addedLines == [2, 3])
    }

    @Test("quoted paths: non-ASCII, spaces, a tab and a quote")
    func quotedPaths() throws {
        let names = ["src/café.py", "src/with space.py", "src/tab\there.py", "src/quo\"te.py"]
        let (diff, bytes) = try Self.diff(base: [:]) { repository in
            for name in names { try repository.write(name, "x = 1\n") }
        }
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"b/src/caf\\303\\251.py\""))
        #expect(diff.files.map(\.path).sorted() == names.sorted())
        #expect(diff.files.allSatisfy { $0.addedLines == [1] })
    }

    @Test(
        "--no-prefix and mnemonic prefixes give the same paths as a/ b/",
        arguments: [
            ["--no-prefix"], ["--src-prefix=c/", "--dst-prefix=w/"], ["--no-prefix", "--binary"],
        ])
    func prefixes(_ options: [String]) throws {
        let (diff, _) = try Self.diff(base: ["a/b.py": "1\n", "c.py": "1\n"], options: options) { repository in
            try repository.write("a/b.py", "1\n2\n")
            try repository.write("c.py", "0\n1\n")
            try repository.write("img.bin", Data([0, 1, 2, 0]))
        }
        #expect(diff.files.map(\.path) == ["a/b.py", "c.py", "img.bin"])
        #expect(diff.files.map(\.addedLines) == [[2], [1], []])
    }

    @Test("a `git show` header before the first file is skipped")
    func gitShowHeader() throws {
        let repository = try GitRepository()
        defer { repository.remove() }
        try repository.write("a.py", "1\n")
        try repository.commit("base")
        try repository.write("a.py", "1\n2\n")
        try repository.commit("head\n\n+ not a diff line\n  indented body")
        let diff = try UnifiedDiffParser.parse(try repository.gitBytes(["show", "--no-color", "HEAD"]).bytes)
        #expect(diff.files.map(\.path) == ["a.py"])
        #expect(diff.files.first?.addedLines == [2])
    }

    @Test("a truncated diff is refused, naming the hunk and the last line")
    func truncated() throws {
        let (_, bytes) = try Self.diff(base: ["a.py": Self.ten]) { repository in
            try repository.write("a.py", Self.ten + "11\n12\n")
        }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        lines.removeLast(2)  // the empty piece after the final \n, and the last + line
        let cut = Array(lines.joined(separator: [0x0A]))
        #expect(throws: DiffError.self) { try UnifiedDiffParser.parse(cut) }
        do {
            _ = try UnifiedDiffParser.parse(cut)
        } catch {
            #expect(error.line == lines.count)
            #expect(error.message.contains("truncated"))
        }
    }

    @Test("an extra + line after a hunk is refused at its line")
    func extraLine() throws {
        let (_, bytes) = try Self.diff(base: ["a.py": "1\n"], options: ["-U0"]) { repository in
            try repository.write("a.py", "1\n2\n")
        }
        let text = String(decoding: bytes, as: UTF8.self) + "+3\n"
        let lineCount = text.split(separator: "\n").count
        do {
            _ = try UnifiedDiffParser.parse(Array(text.utf8))
            Issue.record("the corrupted diff was read")
        } catch {
            #expect(error.line == lineCount)
        }
    }

    @Test("a malformed hunk header is refused")
    func malformedHeader() throws {
        let text = "--- a/x.py\n+++ b/x.py\n@@ -1 +one @@\n+1\n"
        do {
            _ = try UnifiedDiffParser.parse(Array(text.utf8))
            Issue.record("the malformed diff was read")
        } catch {
            #expect(error.line == 3)
        }
    }

    @Test("an empty diff has no files")
    func empty() throws {
        #expect(try UnifiedDiffParser.parse([]).files.isEmpty)
    }
}
