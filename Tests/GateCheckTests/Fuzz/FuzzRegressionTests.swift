import Foundation
@_spi(Internals) import GateCheck
import Testing

/// One input that a fuzz target once broke, kept under `Fixtures/fuzz-regressions/<target>/`.
struct FuzzRegression: Sendable, CustomTestStringConvertible {
    var target: String
    var file: String
    var bytes: [UInt8]

    var testDescription: String { "\(target)/\(file)" }

    /// Every regression input, by target folder and file name.
    static let all: [FuzzRegression] = {
        guard let root = Bundle.module.url(forResource: "Fixtures/fuzz-regressions", withExtension: nil),
            let targets = try? FileManager.default.contentsOfDirectory(atPath: root.path)
        else { return [] }
        return targets.sorted().flatMap { target -> [FuzzRegression] in
            let folder = root.appendingPathComponent(target)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.sorted().compactMap { file -> FuzzRegression? in
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) else {
                    return nil
                }
                return FuzzRegression(target: target, file: file, bytes: Array(data))
            }
        }
    }()
}

/// The fuzz targets (fuzz/Sources/FuzzTargets, compiled into this test target too) run over every input that once
/// broke one, and over the hand-written fuzz seeds, so that what the fuzzer found stays fixed (docs/fuzzing.md).
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    @Test("Every regression input keeps every invariant of its fuzz target", arguments: FuzzRegression.all)
    func regression(_ regression: FuzzRegression) throws {
        let target = try #require(FuzzTarget(name: regression.target), "no fuzz target is named \(regression.target)")
        do {
            try target.run(regression.bytes)
        } catch {
            Issue.record("\(regression.testDescription): \(error)")
        }
    }

    @Test("The regression fixtures are present")
    func fixturesPresent() {
        #expect(FuzzRegression.all.count >= 2)
    }

    @Test("Every hand-written fuzz seed keeps every invariant of its target", arguments: FuzzTarget.all)
    func seeds(_ target: FuzzTarget) throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("fuzz/seeds/\(target.name)")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in files.sorted() {
            let bytes = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(file).path))
            do {
                try target.run(Array(bytes))
            } catch {
                Issue.record("\(target.name) seed \(file): \(error)")
            }
        }
    }
}
