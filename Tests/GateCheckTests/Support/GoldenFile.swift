import Foundation
import Testing

/// Compares output with a checked-in golden file (`Tests/GateCheckTests/Golden/<name>`). With
/// `GATECHECK_RECORD=1` a mismatch rewrites the file, so the reviewer reads the change as a diff.
enum GoldenFile {
    static let directory = Fixtures.packageRoot.appendingPathComponent("Tests/GateCheckTests/Golden")

    static func assertMatches(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        let expected = try? String(contentsOf: url, encoding: .utf8)
        guard expected != actual else { return }
        if ProcessInfo.processInfo.environment["GATECHECK_RECORD"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
        }
        Issue.record(
            "\(name) differs from its golden file (rerun with GATECHECK_RECORD=1 to rewrite it)\n--- actual:\n\(actual)",
            sourceLocation: sourceLocation)
    }
}
