import ArgumentParser
@_spi(Internals) import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `gatecheck record --history FILE [--at T] [--label k=v]... [--config gates.json] PATH...`: appends the run's
/// metrics to a history file (docs/history.md).
struct RecordCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Append this run's metrics, labels and time to a history file (one JSON line).",
        discussion: """
            The reports are read as a check reads them (the configuration's waivers, limits, bindings and accuracy \
            mapping); every metric they carry is recorded exactly. The file is created if missing and only ever \
            appended to. A run whose reports cannot all be read is refused (exit 2): it is not history to compare \
            with.

            Examples:
              gatecheck record --history history.jsonl --label provider=anthropic reports/
              gatecheck record --history history.jsonl --at 2026-12-03T06:00:00Z -c gates.json reports/
            """
    )

    @Option(help: ArgumentHelp("The history file to append to (JSON Lines).", valueName: "file"))
    var history: String

    @Option(
        help: ArgumentHelp(
            "The run's time, RFC 3339 in UTC (2026-12-03T06:00:00Z). Default: the clock.", valueName: "timestamp"))
    var at: String?

    @Option(
        name: .customLong("label"),
        help: ArgumentHelp("A label k=v (model, provider, runner, dataset, ...); repeatable.", valueName: "k=v"))
    var labels: [String] = []

    @Option(name: .shortAndLong, help: "The gates file whose waivers, limits and bindings the reports are read with.")
    var config: String?

    @Option(help: "How many threads read and parse reports (default: the number of CPU cores).")
    var jobs: Int?

    @Argument(help: "Report files or directories (searched recursively).")
    var paths: [String] = []

    func validate() throws {
        if let at, Timestamp(rfc3339: at) == nil {
            throw ValidationError(
                "--at '\(at)' is not an RFC 3339 UTC time; write it as 2026-12-03T06:00:00Z (the Z is required)")
        }
        _ = try parsedLabels()
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if history.isEmpty { throw ValidationError("--history names no file") }
    }

    /// `k=v` pairs as a dictionary; a pair without `=`, an empty key or a key given twice is refused.
    func parsedLabels() throws -> [String: String] {
        var result: [String: String] = [:]
        for label in labels {
            guard let equals = label.firstIndex(of: "="), equals != label.startIndex else {
                throw ValidationError("--label '\(label)' is not k=v (for example provider=anthropic)")
            }
            let key = String(label[..<equals])
            guard result[key] == nil else { throw ValidationError("--label \(key) is given twice") }
            result[key] = String(label[label.index(after: equals)...])
        }
        return result
    }

    /// Reads the reports, builds the line and appends it; 0 when appended, 2 when refused, 64 for a wrong command
    /// line.
    func execute(in context: CommandContext) -> Int32 {
        let console = context.console
        let configuration: Configuration
        if let config {
            switch ConfigurationLoader.load(path: config) {
            case .success(let loaded): configuration = loaded
            case .failure(let error):
                for problem in error.problems { console.writeError("Error: \(problem.message)\n") }
                return ExitStatus.cannotJudge.code
            }
        } else {
            configuration = .builtIn
        }
        if paths.isEmpty, configuration.inputs.isEmpty {
            console.writeError("Error: no reports given. Usage: gatecheck record --history FILE PATH...\n")
            return ExitStatus.usage.code
        }
        let collected = InputCollector().collect(paths: paths, bindings: configuration.inputs, configPath: config)
        let checker = GateChecker(configuration: configuration, today: context.today, configurationName: config)
        let reports = ReportLoader(checker: checker, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            .collection(collected)
        let time = at.flatMap { Timestamp(rfc3339: $0) } ?? context.now
        let labels = (try? parsedLabels()) ?? [:]
        switch HistoryRecorder.line(reports, checker: checker, time: time, labels: labels) {
        case .failure(let refusal):
            for problem in refusal.problems {
                console.writeError("Error: \(problem.file.map { "\($0): " } ?? "")\(problem.message)\n")
            }
            console.writeError(
                "Error: nothing was recorded in \(history): a run whose reports cannot be read is not history.\n")
            return ExitStatus.cannotJudge.code
        case .success(let line):
            do throws(OutputFile.Failure) {
                try HistoryFile.append(line.encoded, to: history)
            } catch {
                console.writeError("Error: \(error)\n")
                return ExitStatus.cannotJudge.code
            }
            console.writeOut("recorded \(line.metrics.count) metric(s) at \(line.time) in \(history)\n")
            return ExitStatus.pass.code
        }
    }
}
