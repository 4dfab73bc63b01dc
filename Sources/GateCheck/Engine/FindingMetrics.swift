/// Findings metrics over several security reports, for a selector.
enum FindingMetrics {
    static func value(_ metric: Metric.Findings, of reports: [FindingsReport], selector: FindingSelector) -> Measurement {
        var total = 0
        for report in reports {
            for (tool, counts) in report.countsByTool where selector.selects(tool: tool) {
                total += counts.count { severity, confidence, fixable, waived in
                    guard selector.selects(severity: severity, confidence: confidence, fixable: fixable) else {
                        return false
                    }
                    switch metric {
                    case .waived: return waived
                    case .total: return !waived
                    case .critical: return !waived && severity == .critical
                    case .high: return !waived && severity == .high
                    case .medium: return !waived && severity == .medium
                    case .low: return !waived && severity == .low
                    case .unknown: return !waived && severity == .unknown
                    }
                }
            }
        }
        var measurement = Measurement(value: .integer(total))
        measurement.findings = reports.flatMap(\.findings).filter { finding in
            guard selector.selects(tool: finding.tool),
                selector.selects(severity: finding.severity, confidence: finding.confidence, fixable: finding.isFixable)
            else { return false }
            switch metric {
            case .waived: return finding.waiver != nil
            case .total: return finding.waiver == nil
            case .critical, .high, .medium, .low, .unknown:
                return finding.waiver == nil && finding.severity.rawValue == metric.rawValue
            }
        }
        .sorted { $0.severity != $1.severity ? $0.severity > $1.severity : $0.id < $1.id }
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
}
