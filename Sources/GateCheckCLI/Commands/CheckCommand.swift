#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import ArgumentParser
import GateCheck

/// `gatecheck [check] [--config gates.json] [--format text|json] PATH...`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Apply the gates to the reports found at PATH (files or directories).",
        discussion: """
            Examples:
              gatecheck reports/                          built-in default gates
              gatecheck --config gates.json reports/      your gates
              gatecheck --format json reports/ > verdict.json
            """
    )

    @Option(name: .shortAndLong, help: "The gates file (gates.json). Without it the built-in defaults apply.")
    var config: String?

    @OptionGroup var output: OutputOptions

    @Option(help: "How many files to parse at once (default: the number of CPU cores).")
    var jobs: Int?

    @Argument(help: "Report files or directories (searched recursively).")
    var paths: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let code = execute(environment: .current, console: .standard, today: Day(Date()))
        if code != 0 { throw ExitCode(code) }
    }

    /// Runs the check with its world injected, and returns the exit code.
    func execute(environment: Environment, console: Console, today: Day) -> Int32 {
        CheckRunner(environment: environment, console: console, today: today).run(
            configPath: config, paths: paths, output: output, jobs: jobs)
    }
}
