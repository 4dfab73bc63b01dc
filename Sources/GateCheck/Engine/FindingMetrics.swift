/// Findings metrics over several security reports, for a selector.
enum FindingMetrics {
    /// How many findings a gate lists by value (most severe first), and how many waived ones.
    static let listedLimit = 50

    static func value(_ metric: Metric.Findings, of reports: [FindingsReport], selector: FindingSelector) -> Measurement
    {
        if metric == .notAudited { return notAudited(reports, selector: selector) }
        var total = 0
        for report in reports {
            for (tool, counts) in report.countsByTool where selector.selects(tool: tool) {
                total += counts.count { severity, confidence, fixable, waived in
                    selector.selects(severity: severity, confidence: confidence, fixable: fixable)
                        && isCounted(metric, severity: severity, waived: waived)
                }
            }
        }
        let selected = reports.flatMap(\.findings).filter { finding in
            selector.selects(tool: finding.tool)
                && selector.selects(
                    severity: finding.severity, confidence: finding.confidence, fixable: finding.isFixable)
        }
        var measurement = Measurement(value: .integer(total))
        measurement.findings = Array(
            selected.filter { isCounted(metric, severity: $0.severity, waived: $0.waiver != nil) }
                .sorted(by: Finding.precedes).prefix(listedLimit))
        // The waived findings the gate would otherwise count, listed with their reasons.
        if metric != .waived {
            measurement.waived = Array(
                selected.filter { $0.waiver != nil && isCounted(metric, severity: $0.severity, waived: false) }
                    .sorted(by: Finding.precedes).prefix(listedLimit))
        }
        measurement.details = measurement.findings.prefix(10).map(Self.describe)
        if total > measurement.details.count, metric != .waived {
            measurement.details.append("… \(total) finding(s) in all")
        }
        return measurement
    }

    static func describe(_ finding: Finding) -> String {
        var text = "\(finding.severity.rawValue.uppercased()) \(finding.id)"
        if let package = finding.package {
            text += " in \(package.name)" + (package.version.map { " \($0)" } ?? "")
            if !package.fixVersions.isEmpty { text += " (fix: \(package.fixVersions.joined(separator: ", ")))" }
        } else if let location = finding.location {
            text += " at \(location.path)" + (location.line.map { ":\($0)" } ?? "")
        }
        text += " [\(finding.tool)]"
        return text
    }

    /// A waived finding with its waiver, for the verdict: `HIGH B602 at app.py:3 [bandit], waived until
    /// 2026-06-30: reason`.
    static func describeWaived(_ finding: Finding) -> String {
        guard let waiver = finding.waiver else { return describe(finding) }
        return describe(finding) + ", waived until \(waiver.expires): \(waiver.reason)"
    }

    // MARK: - Private

    static func isCounted(_ metric: Metric.Findings, severity: Severity, waived: Bool) -> Bool {
        switch metric {
        case .waived: waived
        case .total: !waived
        case .critical: !waived && severity == .critical
        case .high: !waived && severity == .high
        case .medium: !waived && severity == .medium
        case .low: !waived && severity == .low
        case .unknown: !waived && severity == .unknown
        case .notAudited: false
        }
    }

    /// `findings.not_audited`: what the tools could not check (pip-audit's skipped dependencies, files Bandit could not
    /// parse).
    ///
    /// Severity, confidence and fix selectors do not apply; `tools` does.
    private static func notAudited(_ reports: [FindingsReport], selector: FindingSelector) -> Measurement {
        var total = 0
        var details: [String] = []
        for report in reports {
            for (tool, count) in report.notAuditedByTool where selector.selects(tool: tool) { total += count }
            if report.notAuditedByTool.keys.contains(where: selector.selects(tool:)) {
                details += report.notAudited.prefix(max(0, 10 - details.count))
            }
        }
        var measurement = Measurement(value: .integer(total))
        measurement.details = details
        if total > details.count { measurement.details.append("… \(total) not audited in all") }
        return measurement
    }
}
