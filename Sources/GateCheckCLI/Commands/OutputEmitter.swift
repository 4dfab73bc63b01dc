import GateCheck

/// Delivers a verdict in every requested format: standard output (`--format`, or the CI default), each
/// `--output FORMAT=PATH` file, and, when the github format is in use and `$GITHUB_STEP_SUMMARY` is set, the
/// Markdown summary appended to the step summary.
struct OutputEmitter {
    let environment: Environment
    let console: Console

    /// Renders and writes everything; returns `false` when a file could not be written (the reason is printed).
    func emit(
        _ verdict: Verdict, _ output: OutputOptions, configurationPath: String?, gateLines: [String: Int] = [:]
    ) -> Bool {
        var options = ReporterOptions(
            color: false, quiet: output.quiet, explain: output.explain, includeFindings: output.sarifFindings,
            configurationPath: configurationPath, gateLines: gateLines)
        var delivered = true
        for target in output.outputs {
            delivered =
                write(target.format.reporter(options).render(verdict), to: target.path, mode: .replace) && delivered
        }
        let stdoutFormats = output.format.map { [$0] } ?? CIEnvironment.detect(environment).defaultFormats
        let usesGitHub = stdoutFormats.contains(.github) || output.outputs.contains { $0.format == .github }
        if usesGitHub, let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            delivered =
                write(OutputFormat.markdown.reporter(options).render(verdict) + "\n", to: summary, mode: .append)
                && delivered
        }
        options.color = useColor(output.color)
        for format in stdoutFormats {
            console.writeOut(format.reporter(options).render(verdict))
        }
        return delivered
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
