import Foundation
import Testing

/// A second, independent JSON Schema validator, run as a child process.
///
/// Python's `jsonschema` package is the reference implementation. Tests that use it are skipped, with ``PythonJSONSchema/absenceReason``, where
/// `python3` or `jsonschema` is missing (`.ci/run` installs it).
enum PythonJSONSchema {
    /// Whether `python3 -c "import jsonschema"` works here.
    static let isAvailable: Bool = (try? run(["-c", "import jsonschema"]).status) == 0

    static let absenceReason: Comment =
        "python3 with the jsonschema package not found (pip install jsonschema); cross-check skipped"

    /// The errors of `instance` against the draft-04 schema at `schemaPath`; empty when valid.
    static func validate(_ instance: String, schemaPath: String) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gatecheck-\(UUID().uuidString).json")
        try instance.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            jsonschema.Draft4Validator.check_schema(schema)
            instance = json.load(open(sys.argv[2], encoding="utf-8"))
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
            for error in errors:
                print("/".join(map(str, error.absolute_path)) + ": " + error.message)
            """
        let result = try run(["-c", script, schemaPath, file.path])
        if result.status != 0, result.output.isEmpty { return ["python3 exited with \(result.status)"] }
        return result.output.split(separator: "\n").map(String.init)
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
