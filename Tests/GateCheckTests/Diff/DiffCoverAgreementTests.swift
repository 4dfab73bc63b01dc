import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Diff coverage equals diff-cover's on the same repository, coverage.xml and diff.
///
/// For the layouts Python projects use. The repository is rebuilt here with git from the committed base/ and head/ trees; coverage.xml (coverage.py)
/// and diff-cover.json (diff-cover's `--format json`) were made by scripts/generate-diff-fixtures.sh.
@Suite("Diff coverage agrees with diff-cover", .enabled(if: GitRepository.isAvailable, "git not found"))
struct DiffCoverAgreementTests {
    static let layouts = ["src-layout", "flat-layout", "multi-root", "subdirectory", "branch"]
    /// Where the generator built the repositories: coverage.py wrote its `<source>` roots under it.
    static let generatedRoot = "/tmp/gatecheck-diff-fixtures/"

    /// The layout's repository, built with git: the base commit, then the head commit.
    static func repository(_ layout: String) throws -> GitRepository {
        let repository = try GitRepository()
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures/diff-cover/" + layout, withExtension: nil))
        for side in ["base", "head"] {
            let tree = fixtures.appendingPathComponent(side)
            let files = try #require(FileManager.default.enumerator(at: tree, includingPropertiesForKeys: nil))
            for case let url as URL in files where !url.hasDirectoryPath {
                let relative = String(url.standardizedFileURL.path.dropFirst(tree.standardizedFileURL.path.count + 1))
                try repository.write(relative, try Data(contentsOf: url))
            }
            try repository.commit(side)
        }
        return repository
    }

    /// diff-cover's figures: per file its violation lines and measured-line count, and the totals.
    static func diffCover(_ layout: String) throws -> (
        files: [String: (missed: [UInt32], measured: Int)], lines: Int, violations: Int
    ) {
        let json = try Fixtures.json("diff-cover/\(layout)/diff-cover.json")
        let stats = try #require(json["src_stats"] as? [String: [String: Any]])
        var files: [String: (missed: [UInt32], measured: Int)] = [:]
        for (path, stat) in stats {
            let missed = try #require(stat["violation_lines"] as? [Int]).map(UInt32.init)
            let covered = try #require(stat["covered_lines"] as? [Int])
            files[path] = (missed.sorted(), missed.count + covered.count)
        }
        return (
            files, try #require(json["total_num_lines"] as? Int), try #require(json["total_num_violations"] as? Int)
        )
    }

    @Test("per file and in total, the measured and missed changed lines are diff-cover's", arguments: layouts)
    func agreesWithDiffCover(_ layout: String) throws {
        let repository = try Self.repository(layout)
        defer { repository.remove() }
        let bytes = try repository.gitBytes(["diff", "--no-color", "--no-ext-diff", "-U0", "HEAD~1", "HEAD"]).bytes
        let diff = try UnifiedDiffParser.parse(bytes)
        // The diff git makes here is the one diff-cover was given.
        #expect(diff == (try UnifiedDiffParser.parse(try Fixtures.bytes("diff-cover/\(layout)/changes.diff"))))
        let coverage = try Fixtures.coverage(try Fixtures.bytes("diff-cover/\(layout)/coverage.xml"))
        let root = repository.root.path
        let mapper = PathMapper(
            root: Self.generatedRoot + layout,
            fileExists: { FileManager.default.fileExists(atPath: root + "/" + $0) })
        let measured = DiffCoverage.compute(diff: diff, coverage: coverage, mapper: mapper)
        let expected = try Self.diffCover(layout)
        #expect(measured.ties == [])
        #expect(Set(measured.files.map(\.path)) == Set(expected.files.keys))
        for file in measured.files {
            #expect(file.missedLines == expected.files[file.path]?.missed, "\(file.path)")
            #expect(file.measured == expected.files[file.path]?.measured, "\(file.path)")
        }
        #expect(measured.linesValid == expected.lines)
        #expect(measured.linesValid - measured.linesCovered == expected.violations)
        // Changed files outside the measured roots (tests, README) are listed, and none that diff-cover measured.
        #expect(measured.unmeasured.contains { $0.hasSuffix("tests/test_ops.py") })
        #expect(Set(measured.unmeasured).isDisjoint(with: expected.files.keys))
    }

    @Test(
        "reading only the changed files' lines (a single report's totals) gives the figures of every line",
        arguments: layouts)
    func changedFilesOnly(_ layout: String) throws {
        let diffBytes = try Fixtures.bytes("diff-cover/\(layout)/changes.diff")
        let diff = try UnifiedDiffParser.parse(diffBytes)
        let xml = try Fixtures.bytes("diff-cover/\(layout)/coverage.xml")
        let names = try #require(DiffCoverage.changedBaseNames(diffBytes, rules: PathRules()))
        var source = BytesSource(xml)
        let kept = try CoberturaParser.parse(&source, detail: .totals, keepingLinesOf: names).report
        let every = try Fixtures.coverage(xml)
        #expect(kept.detail == .totals)
        #expect(kept.totals == every.totals)
        // Only files a changed file's name could be keep their lines.
        for (path, file) in kept.files {
            #expect(file.hasDetail == names.contains(DiffCoverage.baseName(of: path)), "\(path)")
        }
        let mapper = PathMapper(root: Self.generatedRoot + layout)
        #expect(
            DiffCoverage.compute(diff: diff, coverage: kept, mapper: mapper)
                == DiffCoverage.compute(diff: diff, coverage: every, mapper: mapper))
        // A `replace` rule may rename a file, so then nothing is left out.
        let replacing = try Configuration(
            json: """
                {"version": 1, "gates": [{"id": "d", "metric": "coverage.diff_line_rate", "min": 0}],
                 "paths": {"replace": [{"from": "^x/", "to": ""}]}}
                """)
        #expect(DiffCoverage.changedBaseNames(diffBytes, rules: replacing.pathRules) == nil)
    }

    @Test("through GateChecker, the gates judge diff-cover's figures", arguments: layouts)
    func gatesJudgeDiffCoverFigures(_ layout: String) throws {
        let expected = try Self.diffCover(layout)
        let configuration = try Configuration(
            json: """
                {"version": 1, "gates": [
                  {"id": "valid", "metric": "coverage.diff_lines_valid", "min": 1},
                  {"id": "missed", "metric": "coverage.diff_lines_missed", "max": 0},
                  {"id": "rate", "metric": "coverage.diff_line_rate", "min": 0.9}
                ]}
                """)
        var checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
        checker.diff = DiffContext(
            bytes: try Fixtures.bytes("diff-cover/\(layout)/changes.diff"), name: "changes.diff",
            root: Self.generatedRoot + layout)
        let verdict = checker.check([
            ReportInput(name: "coverage.xml", bytes: try Fixtures.bytes("diff-cover/\(layout)/coverage.xml"))
        ])
        let gates = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0) })
        #expect(gates["valid"]?.actual == .integer(expected.lines))
        #expect(gates["missed"]?.actual == .integer(expected.violations))
        #expect(
            gates["rate"]?.actual
                == .ratio(numerator: expected.lines - expected.violations, denominator: expected.lines))
        #expect(gates["missed"]?.status == .fail)
        #expect(gates["missed"]?.details.contains { $0.contains("not covered") } == true)
        #expect(verdict.status == .fail)
    }
}

/// The trap of several `--cov` roots: coverage.py writes same-named files of different roots as one class.
@Suite("Same-named files under several coverage roots")
struct SourceCollisionTests {
    @Test("the report is refused (exit 2), naming the roots, instead of gating another file's lines")
    func collisionIsRefused() throws {
        let bytes = try Fixtures.bytes("diff-cover/collision/coverage.xml")
        let configuration = try Configuration(
            json: #"{"version": 1, "gates": [{"id": "lines", "metric": "coverage.line_rate", "min": 0.5}]}"#)
        let checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
        let verdict = checker.check([ReportInput(name: "coverage.xml", bytes: bytes)])
        let collision = verdict.diagnostics.first { $0.code == "cobertura.source-collision" }
        #expect(collision?.severity == .error)
        #expect(collision?.message.contains("pkg_a") == true)
        #expect(verdict.status == .error)
        #expect(verdict.exitCode == 2)
    }
}
