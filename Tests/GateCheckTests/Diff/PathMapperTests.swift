@_spi(Internals) import GateCheck
import Testing

/// The path-mapping rules, one by one, and the matching of mapped paths against the diff's.
@Suite("Path mapping")
struct PathMapperTests {
    @Test(
        "separators, ./ and .. are normalised",
        arguments: [
            ("src\\pkg\\mod.py", "src/pkg/mod.py"), ("./src/./mod.py", "src/mod.py"), ("src//mod.py", "src/mod.py"),
            ("src/pkg/../mod.py", "src/mod.py"), ("/abs/./x.py", "/abs/x.py"),
        ])
    func normalize(_ input: String, _ expected: String) {
        #expect(PathMapper.normalize(input) == expected)
    }

    @Test("a <source> root is joined with the filename; an absolute filename stands alone")
    func join() {
        #expect(PathMapper.join(source: "/repo/src", filename: "pkg/mod.py") == "/repo/src/pkg/mod.py")
        #expect(PathMapper.join(source: "C:\\repo\\src", filename: "mod.py") == "C:/repo/src/mod.py")
        #expect(PathMapper.join(source: "/repo/src", filename: "/other/mod.py") == "/other/mod.py")
        #expect(PathMapper.join(source: "", filename: "./mod.py") == "mod.py")
    }

    @Test("absolute paths under the root become relative; others are kept")
    func relativeToRoot() {
        let mapper = PathMapper(root: "/work/repo/")
        #expect(mapper.relativeToRoot("/work/repo/src/mod.py") == "src/mod.py")
        #expect(mapper.relativeToRoot("/work/repository/src/mod.py") == "/work/repository/src/mod.py")
        #expect(mapper.relativeToRoot("src/mod.py") == "src/mod.py")
    }

    @Test("strip_prefix: the first matching prefix; replace: every rule, with groups")
    func userRules() {
        let mapper = PathMapper(
            root: "/repo",
            rules: PathRules(
                stripPrefix: ["/app/", "/srv/"], replace: [.init(from: "^lib/(\\w+)/", to: "src/$1/")]))
        #expect(mapper.applyRules("/app/lib/core/x.py") == "src/core/x.py")
        #expect(mapper.applyRules("/srv/y.py") == "y.py")
        #expect(mapper.applyRules("other/z.py") == "other/z.py")
        let replacing = PathMapper(root: "/repo", rules: PathRules(replace: [.init(from: "^/app/", to: "")]))
        #expect(replacing.candidates(filename: "/app/src/x.py", sources: []) == ["src/x.py"])
    }

    @Test("of several roots, the one the diff names wins, else the one under which the file exists")
    func severalRoots() {
        let sources = ["/repo/src/alpha", "/repo/src/beta"]
        let mapper = PathMapper(root: "/repo", fileExists: { $0 == "src/beta/util.py" })
        #expect(
            mapper.resolve(filename: "util.py", sources: sources, diffPaths: ["src/alpha/util.py"])
                == .path("src/alpha/util.py"))
        #expect(mapper.resolve(filename: "util.py", sources: sources, diffPaths: []) == .path("src/beta/util.py"))
        let both = PathMapper(root: "/repo", fileExists: { _ in true })
        #expect(
            both.resolve(filename: "util.py", sources: sources, diffPaths: [])
                == .ambiguous(["src/alpha/util.py", "src/beta/util.py"]))
    }

    @Test("exact match, else a unique suffix; ties name both candidates; no match is none")
    func matching() {
        let index = PathIndex(["src/calc/ops.py", "src/a/util.py", "src/b/util.py", "README.md"])
        #expect(index.match("src/calc/ops.py") == .found("src/calc/ops.py"))
        #expect(index.match("calc/ops.py") == .found("src/calc/ops.py"))
        #expect(index.match("/build/ci/src/calc/ops.py") == .found("src/calc/ops.py"))
        #expect(index.match("util.py") == .tie(["src/a/util.py", "src/b/util.py"]))
        #expect(index.match("lops.py") == .none)
        #expect(index.match("other.py") == .none)
        // A report path longer than the diff's: of the diff paths it ends with, the longest.
        let nested = PathIndex(["model.py", "acme/model.py"])
        #expect(nested.match("/ci/src/acme/model.py") == .found("acme/model.py"))
    }

    @Test("a report file that matches two changed files is refused, and unmatched changed files are listed")
    func tieAndUnmatched() throws {
        var coverage = CoverageReport()
        var file = FileCoverage()
        _ = file.lines.record(line: 1, hit: true)
        coverage.files["util.py"] = file
        let diff = UnifiedDiff(files: [
            DiffFile(path: "src/a/util.py", addedLines: [1]), DiffFile(path: "src/b/util.py", addedLines: [1]),
            DiffFile(path: "docs/x.md", addedLines: [3]),
        ])
        let measured = DiffCoverage.compute(diff: diff, coverage: coverage, mapper: PathMapper(root: "/repo"))
        #expect(measured.ties.count == 1)
        #expect(measured.ties.first?.contains("src/a/util.py and src/b/util.py") == true)
        #expect(measured.unmeasured == ["docs/x.md", "src/a/util.py", "src/b/util.py"])
    }
}
