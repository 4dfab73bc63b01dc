/// Checks the configuration's waivers against what the security reports matched, on an injected day
/// (docs/waivers.md): an expired waiver that matched is a warning saying the findings count again, one expiring
/// within `waiver_warning_days` is a warning, one that matched nothing is a warning.
///
/// ```swift
/// let warnings = WaiverAudit.diagnostics(configuration.waivers, reports: loaded, today: today, warningDays: 14)
/// ```
enum WaiverAudit {
    static func diagnostics(_ waivers: [Waiver], reports: [LoadedReport], today: Day, warningDays: Int)
        -> [Diagnostic]
    {
        guard !waivers.isEmpty else { return [] }
        var matches: [Int: WaiverMatch] = [:]
        var kindsRead: Set<ReportKind> = []
        for report in reports {
            guard case .findings(let findings) = report.content else { continue }
            kindsRead.insert(report.kind)
            for (index, match) in findings.waiverMatches { matches[index, default: WaiverMatch()].add(match) }
        }
        var diagnostics: [Diagnostic] = []
        for (index, waiver) in waivers.enumerated() {
            let match = matches[index] ?? WaiverMatch()
            let name = "the waiver for \(waiver.id) (waivers[\(index)])"
            func warn(_ code: String, _ message: String) {
                diagnostics.append(Diagnostic(.warning, code: code, message: message, keyPath: "waivers[\(index)]"))
            }
            guard waiver.isActive(on: today) else {
                if match.expiredMatches > 0 {
                    warn(
                        "waiver.expired",
                        "\(name) expired on \(waiver.expires), so the \(match.expiredMatches) finding(s) it matched "
                            + "count again: \(match.examples.joined(separator: "; ")); fix them or renew the waiver "
                            + "with a new date and reason")
                } else {
                    warn("waiver.expired", "\(name) expired on \(waiver.expires) and matches no finding; remove it")
                }
                continue
            }
            let daysLeft = waiver.expires.daysSinceEpoch - today.daysSinceEpoch
            if warningDays > 0, daysLeft <= warningDays {
                let when = daysLeft == 0 ? "at the end of today" : "in \(daysLeft) day(s)"
                warn(
                    "waiver.expiring",
                    "\(name) expires on \(waiver.expires) (\(when)); after that its findings count again")
            }
            let applicable = waiver.kinds.map { !kindsRead.isDisjoint(with: $0) } ?? !kindsRead.isEmpty
            if applicable, !match.matchedAny {
                let kinds = (waiver.kinds ?? Array(kindsRead)).filter(kindsRead.contains).map(\.rawValue).sorted()
                warn(
                    "waiver.unmatched",
                    "\(name) matched no finding in the \(kinds.joined(separator: ", ")) report(s) read; remove it if "
                        + "the finding is gone, or check its id and scope")
            }
        }
        return diagnostics
    }
}
