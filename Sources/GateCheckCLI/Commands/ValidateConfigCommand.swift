import ArgumentParser
@_spi(Internals) import GateCheck

/// `gatecheck validate-config gates.json`: every problem of a configuration, without reading any report.
struct ValidateConfigCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-config",
        abstract: "Check a gates.json without reading any report.",
        discussion: """
            Prints the gates a valid configuration defines (and, when gates have tags, the gates of each tag, \
            which --only and --skip select; given --only or --skip, only the gates they select, or exit 2 when a \
            tag matches no gate) and exits 0, or lists every problem (file, line, \
            column and key path) and exits 2, exactly as a check with --config would refuse it. Warnings (a \
            tools entry that is a near miss of a known tool, no blocking gate) are printed and do not change \
            the exit code.

            Examples:
              gatecheck validate-config gates.json
              gatecheck validate-config ci/gates.json && gatecheck -c ci/gates.json .
              gatecheck validate-config gates.json --only security
            """
    )

    @Argument(help: "The gates file to check.")
    var path: String

    @OptionGroup var selection: SelectionOptions

    func execute(in context: CommandContext) -> Int32 {
        let console = context.console
        switch ConfigurationLoader.load(path: path) {
        case .failure(let error):
            for problem in error.problems { console.writeOut(problem.description.displaySafe + "\n") }
            console.writeOut("\(path): \(error.problems.count) problem(s); the configuration cannot be used (exit 2)\n")
            return ExitStatus.cannotJudge.code
        case .success(var configuration):
            // With --only/--skip: the gates that selection judges, or why it is refused, as a check would.
            switch selection.selection.apply(to: configuration, file: path) {
            case .success(let selected): configuration = selected
            case .failure(let error):
                for problem in error.problems { console.writeOut(problem.description.displaySafe + "\n") }
                console.writeOut("\(path): valid, but \(selection.selection.description) cannot be applied (exit 2)\n")
                return ExitStatus.cannotJudge.code
            }
            let width = min(32, configuration.gates.map(\.id.count).max() ?? 0)
            for gate in configuration.gates {
                var traits = [gate.level == .error ? "blocks" : "warns only"]
                traits.append(gate.required ? "report required" : "skipped without a report")
                if let kinds = gate.kinds { traits.append("from " + kinds.map(\.rawValue).joined(separator: ", ")) }
                let selector = gate.selector
                if let severity = selector.minSeverity { traits.append("severity >= \(severity.rawValue)") }
                if let confidence = selector.minConfidence { traits.append("confidence >= \(confidence.rawValue)") }
                if selector.fixableOnly { traits.append("fixable only") }
                if let tools = selector.tools {
                    traits.append("tools " + tools.map(\.displaySafe).joined(separator: ", "))
                }
                if let reports = gate.reports {
                    traits.append(
                        "reports " + reports.map(\.displaySafe).joined(separator: ", ")
                            + (gate.exclusive ? " (exclusive)" : ""))
                }
                var bound = gate.metric.name
                if gate.hasBound { bound += " \(gate.bound.symbol) \(gate.bound.threshold)" }
                if let rule = gate.baseline {
                    if rule.hasTolerance { bound += " vs baseline (\(rule.toleranceText))" }
                    if rule.onMissing != .error { traits.append("on_missing \(rule.onMissing.rawValue)") }
                }
                if let history = gate.history { bound = HistoryDescription.text(gate, history) }
                console.writeOut("  \(gate.id.padding(to: width))  \(bound)  (\(traits.joined(separator: ", ")))\n")
            }
            writeTags(configuration.gates, console)
            var counts = ["\(configuration.gates.count) gate(s)"]
            if !configuration.inputs.isEmpty { counts.append("\(configuration.inputs.count) input binding(s)") }
            if !configuration.waivers.isEmpty { counts.append("\(configuration.waivers.count) waiver(s)") }
            for warning in configuration.warnings { console.writeOut(warning.description.displaySafe + "\n") }
            // The selection's note is printed, not counted: it is not a problem of the configuration.
            let warnings = configuration.warnings.filter { $0.severity != .note }
            if !warnings.isEmpty { counts.append("\(warnings.count) warning(s)") }
            console.writeOut("\(path): valid, \(counts.joined(separator: ", "))\n")
            return ExitStatus.pass.code
        }
    }

    /// The gates by tag, for `--only` and `--skip`; nothing when no gate has tags.
    private func writeTags(_ gates: [GateSpec], _ console: Console) {
        let byTag = GateSelection.gatesByTag(gates)
        guard !byTag.isEmpty else { return }
        console.writeOut("Gates by tag (--only TAG, --skip TAG):\n")
        let untagged = gates.filter(\.tags.isEmpty).map(\.id)
        let rows = byTag + (untagged.isEmpty ? [] : [("(untagged)", untagged)])
        let width = min(32, rows.map(\.0.count).max() ?? 0)
        for (tag, ids) in rows {
            console.writeOut("  \(tag.padding(to: width))  \(ids.joined(separator: ", "))\n")
        }
    }
}
