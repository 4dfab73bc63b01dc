@_spi(Internals) import GateCheck

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Delivers a verdict in every requested format: standard output (`--format`, or the CI default), each
/// `--output FORMAT=PATH` file, and, when the github format is in use and `$GITHUB_STEP_SUMMARY` is set, the
/// Markdown summary appended to the step summary.
///
/// A verdict that did not reach one of them is not delivered: an output file that could not be written, or a failed
/// write to standard output (a full disk, a closed descriptor, a reader that went away), is reported on standard
/// error and makes the exit code 2.
struct OutputEmitter {
    let environment: Environment
    let console: Console

    /// Renders and writes everything; returns `false` when a file or standard output could not be written (the
    /// reason is printed).
    func emit(
        _ verdict: Verdict, _ output: OutputOptions, configurationPath: String?, gateLines: [String: Int] = [:]
    ) -> Bool {
        var options = ReporterOptions(
            color: false, quiet: output.quiet, explain: output.explain, includeFindings: output.sarifFindings,
            configurationPath: configurationPath, gateLines: gateLines)
        var delivered = true
        for target in output.outputs {
            guard let format = target.format else { continue }  // the baseline: written by CheckRunner
            delivered =
                write(format.reporter(options).render(verdict), to: target.path, mode: .replace) && delivered
        }
        if let summary = stepSummary(output) {
            delivered =
                write(OutputFormat.markdown.reporter(options).render(verdict) + "\n", to: summary, mode: .append)
                && delivered
        }
        options.color = useColor(output.color)
        for format in standardOutputFormats(output) {
            console.writeOut(format.reporter(options).render(verdict))
        }
        if let failure = console.standardOutputError {
            console.writeError(
                "Error: cannot write the verdict to standard output: \(String(cString: strerror(failure))); "
                    + "the exit code is 2 because the verdict was not delivered\n")
            delivered = false
        }
        return delivered
    }

    /// The formats printed on standard output: `--format`, or the CI environment's default.
    func standardOutputFormats(_ output: OutputOptions) -> [OutputFormat] {
        output.format.map { [$0] } ?? CIEnvironment.detect(environment).defaultFormats
    }

    /// The step summary file the run appends to: when the github format is in use and `$GITHUB_STEP_SUMMARY` is set.
    func stepSummary(_ output: OutputOptions) -> String? {
        let usesGitHub =
            standardOutputFormats(output).contains(.github) || output.outputs.contains { $0.format == .github }
        guard usesGitHub, let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty else { return nil }
        return summary
    }

    /// Every file the run writes, labelled as the user named it, for ``OutputConflicts``.
    func targets(_ output: OutputOptions) -> [OutputConflicts.Target] {
        output.outputs.map { OutputConflicts.Target(label: "--output \($0.formatName)=\($0.path)", path: $0.path) }
            + (stepSummary(output).map { [OutputConflicts.Target(label: "$GITHUB_STEP_SUMMARY (\($0))", path: $0)] }
                ?? [])
    }

    /// `auto`: only on a terminal, and not when `NO_COLOR` is set to anything non-empty or `TERM` is `dumb`.
    func useColor(_ mode: ColorMode) -> Bool {
        switch mode {
        case .always: true
        case .never: false
        case .auto: console.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }

    // MARK: - Private

    private func write(_ text: String, to path: String, mode: OutputFile.Mode) -> Bool {
        do {
            try OutputFile.write(text, to: path, mode: mode)
            return true
        } catch {
            console.writeError("Error: \(error.description)\n")
            return false
        }
    }
}
