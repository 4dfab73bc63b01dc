import ArgumentParser
@_spi(Internals) import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The main command: `gatecheck [check] [--config gates.json] [--format text|json] PATH...`.
struct CheckCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Apply the gates to the reports found at PATH (files or directories).",
        discussion: """
            Examples:
              gatecheck reports/                        built-in default gates
              gatecheck --config gates.json reports/    your gates
              gatecheck --explain reports/              how each number was compared
              gatecheck --format json reports/ > verdict.json
              gatecheck -c gates.json --output junit=gatecheck.xml \\
                --output sarif=gatecheck.sarif reports/   several outputs, one run
              gatecheck -c gates.json --only security reports/   the gates tagged security

            Formats: text, json, junit, sarif, markdown, github, gitlab. On GitHub Actions (GITHUB_ACTIONS=true) \
            without --format, standard output gets annotations and text; with the github format and \
            GITHUB_STEP_SUMMARY set, the Markdown summary is appended to the step summary. An --output file that \
            cannot be written makes the exit code 2.
            """
    )

    @Option(name: .shortAndLong, help: "The gates file (gates.json). Without it the built-in defaults apply.")
    var config: String?

    @OptionGroup var output: OutputOptions

    @OptionGroup var selection: SelectionOptions
    @OptionGroup(title: "Baselines") var baseline: BaselineOptions
    @OptionGroup var history: HistoryOptions

    @Option(
        help: """
            How many threads read and parse reports (default: the number of CPU cores). Fewer files than threads \
            leaves threads to read large files ahead of their parser.
            """)
    var jobs: Int?

    @Option(
        help: """
            A unified diff (git diff --no-color --no-ext-diff -U0 BASE...HEAD) whose changed lines the \
            coverage.diff_* gates measure; - for standard input.
            """)
    var diff: String?

    @Option(
        name: .customLong("diff-base"),
        help: "Measure the change since the merge-base of REF and HEAD (runs git; needs the history: fetch-depth: 0).")
    var diffBase: String?

    @Option(help: "The repository root that report paths are made relative to (default: the working directory).")
    var root: String?

    @Argument(help: "Report files or directories (searched recursively).")
    var paths: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if diff != nil, diffBase != nil { throw ValidationError("give --diff or --diff-base, not both") }
    }

    /// Runs the check with its world injected, and returns the exit code.
    func execute(in context: CommandContext) -> Int32 {
        var runner = CheckRunner(environment: context.environment, console: context.console, today: context.today)
        runner.historyPath = history.history
        runner.historyNow = history.now.flatMap { Timestamp(rfc3339: $0) }
        runner.now = context.now
        return runner.run(
            configPath: config, paths: paths, output: output, jobs: jobs, selection: selection.selection,
            baseline: baseline.settings, diff: DiffLoader(diffPath: diff, diffBase: diffBase, root: root))
    }
}
