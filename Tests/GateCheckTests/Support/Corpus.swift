import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The corpus of real reports written by real tools, with its manifest.
///
/// `Tests/GateCheckTests/Fixtures/corpus` holds byte-for-byte copies, their sources and licences in its README.md,
/// MANIFEST.tsv, NOTICE.md and LICENSES/. `$GATECHECK_CORPUS` points the suites at another copy of the same layout.
enum Corpus {
    /// The corpus directory, or `nil` when `$GATECHECK_CORPUS` names one without a MANIFEST.tsv.
    static let root: URL? = {
        let candidate: URL
        if let override = ProcessInfo.processInfo.environment["GATECHECK_CORPUS"], !override.isEmpty {
            candidate = URL(fileURLWithPath: override)
        } else if let bundled = Bundle.module.url(forResource: "Fixtures/corpus", withExtension: nil) {
            candidate = bundled
        } else {
            return nil
        }
        return FileManager.default.fileExists(atPath: candidate.appendingPathComponent("MANIFEST.tsv").path)
            ? candidate : nil
    }()

    /// Whether the corpus is present; corpus suites are disabled otherwise, with this sentence as the reason.
    static let isAvailable = root != nil
    static let absenceReason: Comment =
        "corpus not found: Tests/GateCheckTests/Fixtures/corpus/MANIFEST.tsv (or $GATECHECK_CORPUS) is missing"

    /// One row of MANIFEST.tsv.
    struct Entry: Sendable, CustomTestStringConvertible {
        var path: String
        var format: String
        var facts: String
        var notes: String
        var testDescription: String { path }
    }

    /// Every manifest row.
    static let manifest: [Entry] = {
        guard let root, let text = try? String(contentsOf: root.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 7 else { return nil }
            return Entry(path: columns[0], format: columns[1], facts: columns[5], notes: columns[6])
        }
    }()

    /// The manifest rows of one format folder (`cobertura`, `junit`, ...).
    static func entries(_ format: String) -> [Entry] {
        manifest.filter { $0.format == format }
    }

    /// The bytes of a corpus file.
    static func bytes(_ path: String) throws -> [UInt8] {
        let root = try #require(root)
        return Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }
}
