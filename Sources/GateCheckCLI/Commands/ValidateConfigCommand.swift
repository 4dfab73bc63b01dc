import ArgumentParser
@_spi(Internals) import GateCheck

/// `gatecheck validate-config gates.json`: every problem of a configuration, without reading any report.
struct ValidateConfigCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-config",
        abstract: "Check a gates.json without reading any report.",
        discussion: """
            Prints the gates a valid configuration defines and exits 0, or lists every problem (file, line, \
            column and key path) and exits 2, exactly as a check with --config would refuse it. Warnings (a \
            tools entry that is a near miss of a known tool, no blocking gate) are printed and do not change \
            the exit code.

            Examples:
              gatecheck validate-config gates.json
              gatecheck validate-config ci/gates.json && gatecheck -c ci/gates.json .
            """
    )

    @Argument(help: "The gates file to check.")
    var path: String

    func execute(in context: CommandContext) -> Int32 {
        let console = context.console
        switch ConfigurationLoader.load(path: path) {
        case .failure(let error):
            for problem in error.problems { console.writeOut(problem.description.displaySafe + "\n") }
            console.writeOut("\(path): \(error.problems.count) problem(s); the configuration cannot be used (exit 2)\n")
            return ExitStatus.cannotJudge.code
        case .success(let configuration):
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
                var bound = "\(gate.metric.name) \(gate.bound.symbol) \(gate.bound.threshold)"
                if let history = gate.history { bound = HistoryDescription.text(gate, history) }
                console.writeOut("  \(gate.id.padding(to: width))  \(bound)  (\(traits.joined(separator: ", ")))\n")
            }
            var counts = ["\(configuration.gates.count) gate(s)"]
            if !configuration.inputs.isEmpty { counts.append("\(configuration.inputs.count) input binding(s)") }
            if !configuration.waivers.isEmpty { counts.append("\(configuration.waivers.count) waiver(s)") }
            for warning in configuration.warnings { console.writeOut(warning.description.displaySafe + "\n") }
            if !configuration.warnings.isEmpty { counts.append("\(configuration.warnings.count) warning(s)") }
            console.writeOut("\(path): valid, \(counts.joined(separator: ", "))\n")
            return ExitStatus.pass.code
        }
    }
}
