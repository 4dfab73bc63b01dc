import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The command line's half of docs/failure-modes.md: what the files themselves can do (be missing, unreadable, a
/// directory, a FIFO, a pipe), directories and globs that yield no report, bindings to the wrong kind, and hostile
/// XML run through the built executable with its memory, time and network use measured.
///
/// The second table of docs/failure-modes.md is checked row by row; `GATECHECK_RECORD=1` rewrites it.
struct FailureModeTests {
    /// How a row runs `gatecheck`.
    struct Invocation {
        var arguments: [String]
        /// Run the built executable instead of the command in-process (for what could hang, and to measure it).
        var process = false
        var stdin: [UInt8]?
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let id: String
        let description: String
        let prepare: @Sendable (URL) throws -> Invocation
        var testDescription: String { id }
    }

    static let record = ProcessInfo.processInfo.environment["GATECHECK_RECORD"] == "1"
    static let samples = ScenarioTests.root.appendingPathComponent("sample-reports/passing")

    static func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A gates.json in `directory` with one required line-coverage gate and these bindings.
    static func config(_ inputs: String, in directory: URL, gateRequired: Bool = true) throws -> String {
        try write(
            """
            {"version": 1, "inputs": [\(inputs)],
             "gates": [{"id": "line-coverage", "metric": "coverage.line_rate", "min": 0.8, "required": \(gateRequired)}]}
            """, "gates.json", in: directory)
    }

    static let rows: [Row] =
        [
            Row(id: "missing-file", description: "a report path that does not exist, named on the command line") {
                dir in
                Invocation(arguments: [dir.appendingPathComponent("coverage.xml").path])
            },
            Row(id: "dangling-symlink", description: "a symbolic link to nothing") { dir in
                let link = dir.appendingPathComponent("coverage.xml").path
                try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dir.path + "/nowhere.xml")
                return Invocation(arguments: [link])
            },
            Row(
                id: "unreadable-file",
                description: "a file that cannot be read: permission 000, or as root (who reads anyway) a link to "
                    + "/proc/self/mem, whose read fails with EIO"
            ) { dir in
                let path = dir.appendingPathComponent("coverage.xml").path
                if geteuid() == 0 {
                    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/proc/self/mem")
                } else {
                    _ = try write("<coverage/>", "coverage.xml", in: dir)
                    chmod(path, 0)
                }
                return Invocation(arguments: [path])
            },
            Row(
                id: "directory-bound",
                description: "a directory named like a report (`coverage.xml/`), bound in gates.json"
            ) {
                dir in
                let path = dir.appendingPathComponent("coverage.xml").path
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                return Invocation(arguments: [
                    "--config", try config(#"{"path": "\#(path)", "kind": "cobertura"}"#, in: dir),
                ])
            },
            Row(
                id: "directory-named", description: "the same directory named on the command line (it is walked: empty)"
            ) {
                dir in
                let path = dir.appendingPathComponent("coverage.xml").path
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                return Invocation(arguments: [path])
            },
            Row(
                id: "fifo-without-writer",
                description: "a FIFO that nobody writes (opening it must not wait for a writer)"
            ) {
                dir in
                let path = dir.appendingPathComponent("coverage.xml").path
                try #require(mkfifo(path, 0o600) == 0)
                return Invocation(arguments: [path], process: true)
            },
            Row(id: "pipe", description: "a report read from a pipe (`gatecheck /dev/stdin < coverage.xml`, `<(...)`)")
            { _ in
                let bytes = Array(try Data(contentsOf: samples.appendingPathComponent("coverage.xml")))
                return Invocation(arguments: ["/dev/stdin"], process: true, stdin: bytes)
            },
            Row(
                id: "fifo-in-directory",
                description: "a FIFO, and a link to one, in a walked directory beside a coverage report: never opened "
                    + "(a warning)"
            ) { dir in
                let coverage = String(
                    decoding: try Data(contentsOf: samples.appendingPathComponent("coverage.xml")), as: UTF8.self)
                _ = try write(coverage, "coverage.xml", in: dir)
                try #require(mkfifo(dir.appendingPathComponent("junit.xml").path, 0o600) == 0)
                try FileManager.default.createSymbolicLink(
                    atPath: dir.appendingPathComponent("link.xml").path, withDestinationPath: "junit.xml")
                return Invocation(arguments: [dir.path], process: true)
            },
            Row(
                id: "non-utf8-name",
                description: "a report in a walked directory whose file name is not UTF-8 (`r\\xFF.xml`)"
            ) { dir in
                let path = Array(dir.path.utf8) + Array("/r".utf8) + [0xFF] + Array(".xml".utf8)
                let descriptor = open((path + [0]).map { CChar(bitPattern: $0) }, O_WRONLY | O_CREAT, 0o644)
                try #require(descriptor >= 0)
                close(descriptor)
                return Invocation(arguments: [dir.path])
            },
            Row(
                id: "dangling-link-in-directory",
                description: "a symbolic link to nothing (or a loop) in a walked directory"
            ) { dir in
                try FileManager.default.createSymbolicLink(
                    atPath: dir.appendingPathComponent("junit.xml").path, withDestinationPath: "build/junit.xml")
                return Invocation(arguments: [dir.path])
            },
            Row(id: "empty-directory", description: "an empty directory, with the built-in gates") { dir in
                Invocation(arguments: [dir.path])
            },
            Row(id: "directory-without-reports", description: "a directory whose files are none of them reports") {
                dir in
                _ = try write("<html><body/></html>", "index.html", in: dir)
                _ = try write("nothing to see", "notes.txt", in: dir)
                return Invocation(arguments: [dir.path])
            },
            Row(id: "named-non-report", description: "a file that is not a report, named on the command line") { dir in
                Invocation(arguments: [try write("nothing to see", "notes.txt", in: dir)])
            },
            Row(id: "glob-no-match", description: "a binding whose glob matches nothing") { dir in
                Invocation(arguments: [
                    "--config",
                    try config(#"{"path": "\#(dir.path)/reports/**/coverage-*.xml", "kind": "cobertura"}"#, in: dir),
                ])
            },
            Row(
                id: "glob-no-match-optional",
                description: "the same binding with `\"required\": false`; the gate is required"
            ) { dir in
                let binding = #"{"path": "\#(dir.path)/reports/*.xml", "kind": "cobertura", "required": false}"#
                return Invocation(arguments: ["--config", try config(binding, in: dir)])
            },
            Row(
                id: "glob-no-match-all-optional",
                description: "the same binding, and the gate `\"required\": false` too: every gate is skipped"
            ) { dir in
                let binding = #"{"path": "\#(dir.path)/reports/*.xml", "kind": "cobertura", "required": false}"#
                return Invocation(arguments: ["--config", try config(binding, in: dir, gateRequired: false)])
            },
            Row(
                id: "wrong-kind-binding",
                description: "a JUnit report bound as `cobertura` (every pair of kinds: below)"
            ) { dir in
                let path = try write(
                    String(decoding: try Data(contentsOf: samples.appendingPathComponent("junit.xml")), as: UTF8.self),
                    "coverage.xml", in: dir)
                return Invocation(arguments: [
                    "--config", try config(#"{"path": "\#(path)", "kind": "cobertura"}"#, in: dir),
                ])
            },
            Row(
                id: "large-text-node",
                description: "a 64 MB single-line text node in a JUnit report, through the executable"
            ) {
                dir in
                let path = dir.appendingPathComponent("junit.xml").path
                try #require(FileManager.default.createFile(atPath: path, contents: nil))
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle.write(contentsOf: Data(#"<testsuite name="s"><testcase name="t"><system-out>"#.utf8))
                let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
                for _ in 0..<64 { try handle.write(contentsOf: chunk) }
                try handle.write(contentsOf: Data("</system-out></testcase></testsuite>\n".utf8))
                try handle.close()
                return Invocation(arguments: [path], process: true)
            },
        ]
        + HostileDocuments.all.map { hostile in
            Row(id: hostile.id, description: hostile.description) { dir in
                let secret = dir.appendingPathComponent("secret.txt")
                try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
                return Invocation(
                    arguments: [try write(hostile.text(nil, secret), hostile.name, in: dir)], process: true)
            }
        }

    /// What a run did: the codes of its error diagnostics (or the statuses of gates that failed or could not be
    /// judged; `read` when none), and the exit code.
    static func outcome(_ invocation: Invocation) throws -> (text: String, run: ExecutableRunner.Run?) {
        let arguments = ["--format", "json"] + invocation.arguments
        var run: ExecutableRunner.Run?
        let code: Int32
        let output: String
        if invocation.process {
            let result = try ExecutableRunner.run(arguments, stdin: invocation.stdin, deadline: 20)
            run = result
            code = result.status ?? -1
            output = result.output
        } else {
            let result = ScenarioTests.run(arguments)
            code = result.code
            output = result.out + result.err
        }
        guard code != -1 else { return ("killed after 20 s", run) }
        let verdict = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "not a JSON verdict: \(output)"
        )
        let diagnostics = verdict["diagnostics"] as? [[String: Any]] ?? []
        var codes = Set(
            diagnostics.filter { $0["severity"] as? String == "error" }.compactMap { $0["code"] as? String })
        if codes.isEmpty {
            let gates = verdict["gates"] as? [[String: Any]] ?? []
            codes = Set(
                gates.compactMap { $0["status"] as? String }.filter { $0 == "error" || $0 == "fail" }.map {
                    "gate " + $0
                })
        }
        let what = codes.isEmpty ? "read" : codes.sorted().map { "`\($0)`" }.joined(separator: ", ")
        return ("\(what) | \(code)", run)
    }

    @Test("each command-line row of docs/failure-modes.md is what gatecheck does", arguments: rows)
    func row(_ row: Row) throws {
        guard !Self.record else { return }
        let directory = try OutputCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (actual, run) = try Self.outcome(try row.prepare(directory))
        #expect(try Self.documented()[row.id] == actual)
        if let run {
            #expect(run.seconds < 15, "\(row.id) took \(run.seconds) s")
            #expect(run.peakResidentBytes < 128 << 20, "\(row.id) peaked at \(run.peakResidentBytes >> 20) MiB")
        }
    }

    @Test("the page documents every command-line row")
    func complete() throws {
        if Self.record {
            var outcomes: [String: String] = [:]
            for row in Self.rows {
                let directory = try OutputCommandTests.temporaryDirectory()
                defer { try? FileManager.default.removeItem(at: directory) }
                outcomes[row.id] = try Self.outcome(try row.prepare(directory)).text
            }
            try Self.recordTable(outcomes)
        }
        #expect(Set(try Self.documented().keys) == Set(Self.rows.map(\.id)))
    }

    // MARK: - The table in docs/failure-modes.md

    static let page = ScenarioTests.root.appendingPathComponent("docs/failure-modes.md")
    static let begin = "<!-- cli-failure-modes: begin (checked by FailureModeTests; GATECHECK_RECORD=1 rewrites it) -->"
    static let end = "<!-- cli-failure-modes: end -->"

    static func documented() throws -> [String: String] {
        let text = try String(contentsOf: page, encoding: .utf8)
        guard let start = text.range(of: begin), let stop = text.range(of: end) else { return [:] }
        var table: [String: String] = [:]
        for line in text[start.upperBound..<stop.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3, let id = cells[0].split(separator: "`").first else { continue }
            table[String(id)] = cells[1] + " | " + cells[2]
        }
        return table
    }

    static func recordTable(_ outcomes: [String: String]) throws {
        let text = try String(contentsOf: page, encoding: .utf8)
        guard let start = text.range(of: begin), let stop = text.range(of: end) else { return }
        var lines = ["| input | what gatecheck reports | exit |", "|---|---|---|"]
        for row in rows { lines.append("| `\(row.id)`: \(row.description) | \(outcomes[row.id] ?? "?") |") }
        let updated = text[..<start.upperBound] + "\n" + lines.joined(separator: "\n") + "\n" + text[stop.lowerBound...]
        try String(updated).write(to: page, atomically: true, encoding: .utf8)
    }
}
