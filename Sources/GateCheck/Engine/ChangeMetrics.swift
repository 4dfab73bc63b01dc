/// The change metrics: what this run has that the baseline's did not (`findings.new`, `tests.newly_failing`) or
/// the reverse (`tests.removed`), counted from what both runs kept.
enum ChangeMetrics {
    /// How many details a failing change gate lists.
    static let detailLimit = 10

    static func measure(
        _ metric: Metric.Change, _ gate: GateSpec, sources: [LoadedReport], baseline: Baseline
    ) -> Measurement {
        switch metric {
        case .findingsNew, .findingsNewIntroduced, .findingsNewDisclosed:
            return newFindings(metric, gate.selector, sources: sources, baseline: baseline)
        case .accuracyRegressedSamples: return regressedSamples(gate, sources: sources, baseline: baseline)
        case .testsNewlyFailing, .testsRemoved:
            var head = TestReport()
            for report in sources {
                if case .tests(let content) = report.content { head.add(content) }
            }
            let base = baseline.tests ?? [:]
            let ids: [String]
            if metric == .testsRemoved {
                ids = base.keys.filter { head.outcomes[$0] == nil }.sorted()
            } else {
                ids = head.outcomes.filter { $0.value.isFailing && base[$0.key] == .passed }.map(\.key).sorted()
            }
            var measurement = Measurement(value: .integer(ids.count))
            measurement.details = Array(ids.prefix(detailLimit))
            if ids.count > detailLimit { measurement.details.append("… and \(ids.count - detailLimit) more") }
            return measurement
        }
    }

    /// Findings selected by the gate whose fingerprint occurs more often (not waived) than in the baseline: all of
    /// them (`findings.new`), or those introduced or disclosed (``isDisclosed(_:packages:)``).
    private static func newFindings(
        _ metric: Metric.Change, _ selector: FindingSelector, sources: [LoadedReport], baseline: Baseline
    ) -> Measurement {
        let reports = sources.compactMap { report -> FindingsReport? in
            if case .findings(let content) = report.content { content } else { nil }
        }
        // One report is used as it is: merging copies its every tally.
        var head = reports.first ?? FindingsReport()
        for report in reports.dropFirst() { head.addChangeData(of: report) }
        let tallies = baseline.findings ?? [:]
        // The new tallies first: only their package versions are looked up (a run with nothing new looks up none).
        var new: [(key: UInt64, tally: FindingTally, added: Int)] = []
        for (fingerprint, tally) in head.tallies
        where selector.selects(tool: tally.tool)
            && selector.selects(severity: tally.severity, confidence: tally.confidence, fixable: tally.fixable)
        {
            let added = tally.count - tally.waived - (tallies[FindingTally.hex(fingerprint)]?.count ?? 0)
            if added > 0 { new.append((fingerprint, tally, added)) }
        }
        let versions = head.packageVersionIDs(ofTallies: Set(new.map(\.key)))
        // The baseline's package versions by identity: a disclosed finding's versions are all there, by name.
        // Decoded only here, and only when a new finding has a package version (a run with nothing new never).
        let packages = baseline.packageList.map { list -> [UInt64: String] in
            versions.isEmpty
                ? [:] : Dictionary(list.texts.map { (FindingTally.packageVersionID($0), $0) }) { first, _ in first }
        }
        var (total, introduced, disclosed) = (0, 0, 0)
        var details: [(FindingTally, Int, Bool, Set<UInt64>)] = []
        for (key, tally, added) in new {
            let ids = versions[key] ?? []
            let disclosedNow = packages.map { isDisclosed(ids, packages: $0) } ?? false
            if disclosedNow { disclosed += added } else { introduced += added }
            if metric == .findingsNewDisclosed && !disclosedNow || metric == .findingsNewIntroduced && disclosedNow {
                continue
            }
            total += added
            details.append((tally, added, disclosedNow, ids))
        }
        details.sort {
            ($0.0.severity, $0.0.tool, $0.0.rule, $0.0.place) > ($1.0.severity, $1.0.tool, $1.0.rule, $1.0.place)
        }
        var measurement = Measurement(value: .integer(total))
        // Every findings change gate shows both figures, so a team gating on one still sees the other.
        if packages != nil { measurement.shownValue = "\(total) (\(introduced) introduced, \(disclosed) disclosed)" }
        measurement.details = details.prefix(detailLimit).map { tally, added, disclosed, ids in
            let how =
                packages.map { packages in
                    disclosed ? ", disclosed: \(names(of: ids, in: packages)) was in the baseline" : ", introduced"
                } ?? ""
            return "\(tally.severity.rawValue.uppercased()) \(tally.rule) in \(tally.place) [\(tally.tool)\(how)]"
                + (added > 1 ? " (\(added) new)" : "")
        }
        if details.count > detailLimit { measurement.details.append("… and \(details.count - detailLimit) more") }
        return measurement
    }

    /// Whether a new finding is *disclosed*: its package at this version was in the baseline's run.
    ///
    /// It is about a package, and every version of it this run has was already in the baseline's run. The code did
    /// not change, the scanner's knowledge did. A code finding, a package without a version, or a version the
    /// baseline did not have is *introduced*.
    static func isDisclosed(_ versions: Set<UInt64>, packages: [UInt64: String]) -> Bool {
        !versions.isEmpty && versions.allSatisfy { packages[$0] != nil }
    }

    /// How many package versions a detail names.
    static let namedVersions = 4

    /// A disclosed finding's package versions as the baseline lists them (`name@version`), sorted: the first
    /// ``namedVersions``, and how many more.
    private static func names(of versions: Set<UInt64>, in packages: [UInt64: String]) -> String {
        let names = versions.compactMap { packages[$0] }.sorted()
        let shown = names.prefix(namedVersions).joined(separator: ", ")
        return names.count > namedVersions ? shown + " and \(names.count - namedVersions) more" : shown
    }
}
