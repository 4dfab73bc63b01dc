#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GateCheck

/// The whole `check` job with its I/O injected, so tests run it in-process: load the configuration, collect and
/// read the reports, evaluate, print, and return the exit code.
struct CheckRunner {
    let environment: Environment
    let console: Console
    /// Today's date, which decides waiver expiry; tests pin it.
    var today = Day(Date())

    func run(configPath: String?, paths: [String], output: OutputOptions, jobs: Int?) -> Int32 {
        let configuration: Configuration
        if let configPath {
            switch ConfigurationLoader.load(path: configPath) {
            case .success(let loaded): configuration = loaded
            case .failure(let error):
                let verdict = GateEngine.evaluate(
                    ReportSet(), configuration: .init(gates: []), today: today, diagnostics: error.problems)
                emit(verdict, output)
                return verdict.exitCode
            }
        } else {
            configuration = .builtIn
        }
        if paths.isEmpty, configuration.inputs.isEmpty {
            console.writeError(
                "Error: no reports given. Name report files or directories, or bind inputs in gates.json.\n"
                    + "Usage: gatecheck [--config gates.json] PATH...\n")
            return 64
        }
        let collected = InputCollector().collect(paths: paths, bindings: configuration.inputs, configPath: configPath)
        let loader = ReportLoader(
            options: ReadOptions(
                limits: configuration.limits, waivers: configuration.waivers,
                accuracyMapping: configuration.accuracyMapping, today: today),
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var reports = ReportSet(failed: collected.missing, diagnostics: collected.diagnostics)
        for outcome in loader.load(collected.files) {
            switch outcome {
            case .loaded(let report): reports.reports.append(report)
            case .failed(let failure): reports.failed.append(failure)
            case .ignored(let file): reports.ignored.append(file)
            }
        }
        let verdict = GateEngine.evaluate(reports, configuration: configuration, today: today)
        emit(verdict, output)
        return verdict.exitCode
    }

    private func emit(_ verdict: Verdict, _ output: OutputOptions) {
        let color: Bool
        switch output.color {
        case .always: color = true
        case .never: color = false
        case .auto: color = console.isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
        }
        let options = ReporterOptions(color: color, quiet: output.quiet, explain: output.explain)
        console.writeOut(output.format.reporter(options).render(verdict))
    }
}
