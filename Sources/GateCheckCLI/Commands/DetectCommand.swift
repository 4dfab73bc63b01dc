import ArgumentParser
@_spi(Internals) import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `gatecheck detect PATH...`: each file's kind (by content) and key figures, without any gate.
struct DetectCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Show each file's detected kind and key figures, without gating.",
        discussion: """
            Reads every file as check would (directories recursively, kind by content) and prints one line per \
            file: its kind and key figures, "ignored" with the reason for a file that is not a report (or is \
            gatecheck's own output, never evidence), or "error" for one that cannot be read or whose kind cannot \
            be told (exit 2). Detection reads each file as far as its kind needs. No gate is applied.

            Examples:
              gatecheck detect reports/
              gatecheck detect coverage.xml junit.xml scan.sarif
            """
    )

    @Argument(help: "Files or directories (searched recursively).")
    var paths: [String]

    func execute(in context: CommandContext) -> Int32 {
        let collected = InputCollector().collect(paths: paths, bindings: [], configPath: nil)
        let checker = GateChecker(configuration: Configuration(gates: []), today: context.today)
        let verdict = checker.verdict(
            ReportLoader(checker: checker, jobs: ProcessInfo.processInfo.activeProcessorCount).collection(collected))
        var rows: [(path: String, kind: String, figures: String)] = verdict.reports.map { report in
            if let error = report.error { return (report.path.displaySafe, "error", error.description.displaySafe) }
            return (report.path.displaySafe, report.kind?.rawValue ?? "?", Self.figures(report.metrics))
        }
        rows += verdict.ignored.map { ($0.path.displaySafe, "ignored", $0.reason.displaySafe) }
        rows.sort { $0.path < $1.path }
        let pathWidth = rows.map(\.path.count).max() ?? 0
        let kindWidth = rows.map(\.kind.count).max() ?? 0
        var text = rows.map { "\($0.path.padding(to: pathWidth))  \($0.kind.padding(to: kindWidth))  \($0.figures)\n" }
            .joined()
        let reported = Set(verdict.reports.map(\.path))
        for diagnostic in verdict.diagnostics
        where diagnostic.file.map({ !reported.contains($0) }) ?? true
            || diagnostic.severity != .error
        {
            text += diagnostic.description.displaySafe + "\n"
        }
        if rows.isEmpty { text += "no files found\n" }
        // Paths start lines here: a file named `::add-mask::x` must not become a CI runner's command.
        context.console.writeOut(WorkflowCommandGuard.neutralize(text, format: .text))
        return verdict.reports.contains { $0.error != nil } || verdict.diagnostics.contains { $0.severity == .error }
            ? 2 : 0
    }

    /// The figures people look for first, per metric family; every metric for families without a choice.
    static func figures(_ metrics: [Metric: MetricValue]) -> String {
        let preferred: [Metric] = [
            .coverage(.lineRate), .coverage(.branchRate), .coverage(.linesValid), .tests(.total), .tests(.passed),
            .tests(.failed), .tests(.errors), .tests(.skipped), .tests(.flaky), .findings(.total), .findings(.critical),
            .findings(.high), .findings(.medium), .findings(.low), .findings(.unknown), .findings(.waived),
        ]
        var shown = preferred.filter { metrics[$0] != nil }
        if shown.isEmpty { shown = metrics.keys.sorted() }
        return shown.compactMap { metric in metrics[metric].map { "\(metric.name) \($0)" } }.joined(separator: ", ")
    }
}
