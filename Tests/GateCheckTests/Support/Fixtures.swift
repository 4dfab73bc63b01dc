import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The project's own fixtures (`Tests/GateCheckTests/Fixtures`) and sample reports.
enum Fixtures {
    /// The package's root directory.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bytes of a fixture, by its path below `Fixtures/`.
    static func bytes(_ path: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + path, withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    /// The bytes of a file by its path from the package root (`sample-reports/passing/junit.xml`).
    static func projectFile(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: packageRoot.appendingPathComponent(path)))
    }

    /// A JSON fixture decoded into a dictionary of plain values.
    static func json(_ path: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(try bytes(path)))
        return try #require(object as? [String: Any])
    }

    static func coverage(_ bytes: [UInt8]) throws -> CoverageReport {
        var source = BytesSource(bytes)
        return try CoberturaParser.parse(&source).report
    }

    static func tests(_ bytes: [UInt8]) throws -> TestReport {
        var source = BytesSource(bytes)
        return try JUnitParser.parse(&source).report
    }
}
