@_spi(Internals) import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The whole `check` job with its I/O injected, so tests run it in-process: load the configuration, collect and
/// read the reports, evaluate, print, and return the exit code.
struct CheckRunner {
    let environment: Environment
    let console: Console
    /// Today's date, which decides waiver expiry; tests pin it.
    var today = Day(Date())
    /// `--history FILE`, read for gates with a `history` member (`nil`: none given).
    var historyPath: String?
    /// `--now`, the end of every history window (`nil`: ``now``).
    var historyNow: Timestamp?
    /// The clock's reading, the default of `--now`.
    var now = Timestamp.clock

    func run(
        configPath: String?, paths: [String], output: OutputOptions, jobs: Int?, selection: GateSelection = .init(),
        baseline: BaselineSettings = .init(), diff: DiffLoader = .init()
    ) -> Int32 {
        let targets = OutputEmitter(environment: environment, console: console).targets(output)
        let configInput =
            (configPath.map { [OutputConflicts.Target(label: "the configuration \($0)", path: $0)] } ?? [])
            + (baseline.path.map { [OutputConflicts.Target(label: "the baseline \($0)", path: $0)] } ?? [])
        // Before the configuration is read: even a configuration error's verdict must not overwrite anything.
        if let refusal = OutputConflicts.collision(among: targets)
            ?? OutputConflicts.overwrites(by: targets, of: configInput).first?.message
        {
            return refuse(refusal)
        }
        let configuration: Configuration
        if let configPath {
            switch ConfigurationLoader.load(path: configPath) {
            case .success(let loaded): configuration = loaded
            case .failure(let error):
                return emit(.unusable(error, today: today), output, configPath)
            }
        } else {
            configuration = .builtIn
        }
        // A selection that names no tag of the configuration is refused before any report is read.
        if case .failure(let error) = selection.apply(to: configuration, file: configPath) {
            return emit(.unusable(error, today: today), output, configPath)
        }
        if paths.isEmpty, configuration.inputs.isEmpty {
            console.writeError(
                "Error: no reports given. Name report files or directories, or bind inputs in gates.json.\n"
                    + "Usage: gatecheck [--config gates.json] PATH...\n")
            return ExitStatus.usage.code
        }
        let collected = InputCollector().collect(paths: paths, bindings: configuration.inputs, configPath: configPath)
        // An output over a file named or bound is refused before any report is read. One over a file found by a
        // directory walk is refused once detection has seen it, unless it was ignored: gatecheck's own output of an
        // earlier run, in a scanned directory, is not evidence and may be replaced.
        let overwrites =
            targets.isEmpty
            ? []
            : OutputConflicts.overwrites(
                by: targets,
                of: collected.files.map {
                    OutputConflicts.Target(label: "the input \($0.path)", path: $0.path, identity: $0.identity)
                } + collected.missing.map { OutputConflicts.Target(label: "the input \($0.path)", path: $0.path) })
        // Paths compare as bytes: String equality would take two names that differ in Unicode normalization as one.
        let walked = Set(collected.files.filter { !$0.explicit }.map { Array($0.path.utf8) })
        if let named = overwrites.first(where: { !walked.contains(Array($0.input.path.utf8)) }) {
            return refuse(named.message)
        }
        var checker = GateChecker(
            configuration: configuration, today: today, configurationName: configPath, selection: selection)
        let baselineOutput = output.outputs.first { $0.format == nil }
        checker.collectsBaselineData = baselineOutput != nil
        if let path = baseline.path {
            checker.baseline = BaselineFile.read(path, expectedCommit: baseline.expectedCommit)
        }
        checker.history = historyPath.map { path in
            let metrics = Set(configuration.gates.filter { $0.history != nil }.map(\.metric.name))
            // Lines no gate's labels select are checked, not kept; a gate without labels keeps every line.
            let specs = configuration.gates.compactMap(\.history)
            let labels = specs.contains { $0.labels.isEmpty } ? nil : specs.map(\.labels)
            return HistoryFile.context(path: path, now: historyNow ?? now, metrics: metrics, labels: labels)
        }
        switch diff.load() {
        case .success(let context): checker.diff = context
        case .failure(let error):
            console.writeError("Error: \(error.description).\n")
            return ExitStatus.cannotJudge.code
        }
        let reports = ReportLoader(checker: checker, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            .collection(collected)
        let ignored = Set(reports.ignored.map { Array($0.path.utf8) })
        if let found = overwrites.first(where: { !ignored.contains(Array($0.input.path.utf8)) }) {
            return refuse(found.message)
        }
        let verdict = checker.verdict(reports)
        var written = true
        if let baselineOutput {
            do {
                try BaselineFile.write(
                    checker.baseline(of: reports, verdict: verdict, meta: baseline.metadata), to: baselineOutput.path)
            } catch {
                console.writeError("Error: \(error.description)\n")
                written = false
            }
        }
        let code = emit(verdict, output, configPath, gateLines: configuration.gateLines)
        return written ? code : max(code, ExitStatus.cannotJudge.code)
    }

    /// Prints why the command line is refused; exit 64.
    private func refuse(_ reason: String) -> Int32 {
        console.writeError("Error: \(reason).\n")
        return ExitStatus.usage.code
    }

    /// Prints and writes the outputs; the verdict's exit code, or 2 when an output file or standard output could not
    /// be written.
    private func emit(
        _ verdict: Verdict, _ output: OutputOptions, _ configPath: String?, gateLines: [String: Int] = [:]
    ) -> Int32 {
        let delivered = OutputEmitter(environment: environment, console: console)
            .emit(verdict, output, configurationPath: configPath, gateLines: gateLines)
        return delivered ? verdict.exitCode : max(verdict.exitCode, ExitStatus.cannotJudge.code)
    }
}
