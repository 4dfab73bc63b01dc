/// Which reports each gate reads, by path: a gate with `reports` globs reads only the reports they match; a gate
/// without reads every report of its kinds except those an `exclusive` gate claims.
///
/// A claim holds for the kinds the claiming gate reads, so a mypy JUnit report claimed by a type-check gate is no
/// longer summed into the test gates, while a coverage report beside it is untouched. Claims of gates left out of
/// the run by a selection hold too: what a file is does not change with the stage.
struct ReportScope {
    /// A gate's narrowed inputs.
    struct Inputs {
        /// The reports read that the gate may use.
        var loaded: [LoadedReport]
        /// The failed reports that count against the gate.
        var failed: [FailedReport]
        /// Whether anything was left out, so that merged coverage must be recomputed for this gate.
        var narrowed: Bool
    }

    /// The exclusive gates' globs and the kinds they claim.
    private let claims: [(globs: [Glob], kinds: [ReportKind])]

    /// The scope of a configuration's gates, selected and unselected.
    init(_ configuration: Configuration) {
        claims = (configuration.gates + configuration.unselectedGates).compactMap { gate in
            guard gate.exclusive, let reports = gate.reports else { return nil }
            return (reports.map(Glob.init), gate.sourceKinds)
        }
    }

    /// The reports `gate` reads among those given.
    func inputs(of gate: GateSpec, loaded: [LoadedReport], failed: [FailedReport]) -> Inputs {
        let admits: (String, ReportKind?) -> Bool
        if let reports = gate.reports {
            let globs = reports.map(Glob.init)
            admits = { path, _ in globs.contains { $0.matches(path) } }
        } else if claims.isEmpty {
            return Inputs(loaded: loaded, failed: failed, narrowed: false)
        } else {
            admits = { path, kind in !isClaimed(path, kind: kind) }
        }
        let scopedLoaded = loaded.filter { admits($0.path, $0.kind) }
        let scopedFailed = failed.filter { admits($0.path, $0.kind) }
        return Inputs(
            loaded: scopedLoaded, failed: scopedFailed,
            narrowed: scopedLoaded.count != loaded.count || scopedFailed.count != failed.count)
    }

    /// The first of a gate's globs that matches no report of its kinds (read or failed): a required gate cannot be
    /// judged on a selection that found nothing.
    static func unmatchedGlob(of gate: GateSpec, loaded: [LoadedReport], failed: [FailedReport]) -> String? {
        guard let reports = gate.reports else { return nil }
        let kinds = gate.sourceKinds
        let paths =
            loaded.filter { kinds.contains($0.kind) }.map(\.path)
            + failed.filter { $0.kind.map(kinds.contains) ?? false }.map(\.path)
        return reports.first { pattern in !paths.contains(where: Glob(pattern).matches) }
    }

    // MARK: - Private

    private func isClaimed(_ path: String, kind: ReportKind?) -> Bool {
        guard let kind else { return false }
        return claims.contains { claim in claim.kinds.contains(kind) && claim.globs.contains { $0.matches(path) } }
    }
}
