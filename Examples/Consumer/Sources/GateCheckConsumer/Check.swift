import Foundation
import GateCheck

/// The verdict on report files under a gates.json (the built-in gates without one): the CLI's verdict on the
/// same files.
///
///     let verdict = check(gatesPath: "gates.json", reportPaths: ["coverage.xml", "junit.xml"])
///     print(OutputFormat.json.reporter().render(verdict))
///     exit(verdict.exitCode)  // 0 pass, 1 fail, 2 cannot judge
func check(gatesPath: String?, reportPaths: [String], today: Day = Day(Date())) -> Verdict {
    var configuration = GateCheck.Configuration.builtIn
    if let gatesPath {
        do throws(ConfigurationError) {
            configuration = try GateCheck.Configuration(json: try contents(ofConfiguration: gatesPath), name: gatesPath)
        } catch {
            return .unusable(error, today: today)  // every problem in gates.json, each with its line; exit 2
        }
    }
    let checker = GateChecker(configuration: configuration, today: today, configurationName: gatesPath)
    return checker.check(reportPaths.map(reportInput))
}

/// A report file as an input: its bytes or, when it cannot be read, an input that fails (exit 2) saying why.
func reportInput(path: String) -> ReportInput {
    do {
        return ReportInput(name: path, data: try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
        let reason = error.localizedDescription
        return ReportInput(name: path) { () throws(ReportError) -> any ByteSource in throw .unreadable(reason) }
    }
}

/// gates.json's bytes; one that cannot be read is a configuration that cannot be used.
func contents(ofConfiguration path: String) throws(ConfigurationError) -> Data {
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        let message = "the configuration cannot be read: \(error.localizedDescription)"
        throw ConfigurationError(problems: [
            Diagnostic(.error, code: "config.unreadable", message: message, file: path)
        ])
    }
}
