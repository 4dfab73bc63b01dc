/// The run-level diagnostics about the baseline: one per problem, so every output names the baseline's file and the
/// fix even where it shows gates briefly.
enum BaselineDiagnostics {
    static func diagnostics(
        _ gates: [GateResult], configuration: Configuration, baseline: BaselineContext
    ) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var seen: Set<String> = []
        for (gate, spec) in zip(gates, configuration.gates) {
            guard spec.usesBaseline, let comparison = gate.baselineComparison, let reason = comparison.notCompared
            else { continue }
            let code: String
            switch baseline {
            case .none: code = "baseline.missing"
            case .unusable(_, let given, _): code = given
            case .loaded: code = "baseline.stale"
            }
            let severity: Diagnostic.Severity = comparison.onMissing == .error ? .error : .warning
            // The reason names the baseline and, when only this gate is concerned, the gate.
            let message =
                comparison.onMissing == .error
                ? reason
                : "not compared with a baseline (on_missing \"\(comparison.onMissing.rawValue)\" on gate "
                    + "\(spec.id)): " + reason
            guard seen.insert(message).inserted else { continue }
            result.append(Diagnostic(severity, code: code, message: message, file: baseline.name))
        }
        return result
    }
}
