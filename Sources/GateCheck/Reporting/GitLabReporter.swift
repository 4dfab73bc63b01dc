/// GitLab Code Quality JSON (`artifacts:reports:codequality`), the Code Climate subset GitLab reads: one issue per
/// gate that failed, warned or cannot be judged, per error diagnostic, per failing test with a file and per
/// finding with a location, each with `description`, `check_name`, `fingerprint`, `severity` and
/// `location.path` / `location.lines.begin`.
///
/// Fingerprints are stable across runs (a hash of what the issue is about, never of numbers that change), so that
/// GitLab can tell new issues from fixed ones. A gate's entry points at the gate's line in the configuration file
/// when ``ReporterOptions/configurationPath`` is given (line 1 for a gate without one), else at the first report its
/// value came from.
struct GitLabReporter: VerdictReporter {
    let options: ReporterOptions

    func render(_ verdict: Verdict) -> String {
        var issues: [Issue] = []
        for gate in verdict.gates where gate.status.needsAttention {
            let severity: String
            switch gate.status {
            case .fail: severity = "blocker"
            case .error: severity = gate.blocksAsError ? "critical" : "minor"
            default: severity = "minor"
            }
            issues.append(
                Issue(
                    description: "gatecheck \(gate.id): \(gate.message)", checkName: "gatecheck/\(gate.id)",
                    fingerprint: Self.fingerprint("gate", gate.id), severity: severity,
                    path: options.configurationPath ?? gate.sources.first ?? ".",
                    line: options.configurationPath == nil ? 1 : options.gateLines[gate.id] ?? 1))
        }
        for diagnostic in verdict.diagnostics where diagnostic.severity == .error {
            let place = diagnostic.file ?? options.configurationPath ?? "."
            issues.append(
                Issue(
                    description: "gatecheck cannot judge: \(diagnostic.message)",
                    checkName: "gatecheck/\(diagnostic.code)",
                    fingerprint: Self.fingerprint("diagnostic", diagnostic.code, place, diagnostic.keyPath ?? ""),
                    severity: "critical", path: place, line: max(1, diagnostic.line ?? 1)))
        }
        for (test, gate) in verdict.failedTestsNeedingAttention {
            guard let file = test.file, !file.isEmpty else { continue }
            let firstLine = test.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            issues.append(
                Issue(
                    description: "\(test.state == .error ? "Errored" : "Failed") test \(test.displayName)"
                        + (firstLine.isEmpty ? "" : ": \(firstLine)"),
                    checkName: "gatecheck/\(gate.id)", fingerprint: Self.fingerprint("test", test.displayName),
                    severity: gate.status == .fail ? "major" : "minor", path: file, line: max(1, test.sourceLine ?? 1)))
        }
        for (finding, _) in verdict.findingsNeedingAttention {
            guard let location = finding.location else { continue }
            issues.append(
                Issue(
                    description: "\(finding.severity.rawValue.uppercased()) \(finding.id): "
                        + "\(finding.message.isEmpty ? finding.id : finding.message) [\(finding.tool)]",
                    checkName: finding.id, fingerprint: Self.fingerprint("finding", finding.identity),
                    severity: Self.severity(finding.severity), path: location.path, line: max(1, location.line ?? 1)))
        }
        for gate in verdict.gatesByAttention where gate.status == .fail || gate.status == .warn {
            for run in gate.uncoveredLines {
                issues.append(
                    Issue(
                        description: "Changed \(run.lineText) not covered by any test (gate \(gate.id))",
                        checkName: "gatecheck/\(gate.id)",
                        fingerprint: Self.fingerprint("uncovered", gate.id, run.path, String(run.first)),
                        severity: gate.status == .fail ? "major" : "minor", path: run.path, line: run.first,
                        end: run.last))
            }
        }
        return JSONOutput.encode(issues)
    }

    // MARK: - Private

    private struct Issue: Encodable {
        let description: String
        let checkName: String
        let fingerprint: String
        let severity: String
        let location: Location

        struct Location: Encodable {
            let path: String
            let lines: Lines
        }

        struct Lines: Encodable {
            let begin: Int
            /// Only for a run of lines (uncovered changed lines); omitted otherwise.
            var end: Int? = nil
        }

        init(
            description: String, checkName: String, fingerprint: String, severity: String, path: String, line: Int,
            end: Int? = nil
        ) {
            self.description = description
            self.checkName = checkName
            self.fingerprint = fingerprint
            self.severity = severity
            self.location = Location(path: path, lines: Lines(begin: line, end: end))
        }

        enum CodingKeys: String, CodingKey {
            case description, fingerprint, severity, location
            case checkName = "check_name"
        }
    }

    private static func severity(_ severity: Severity) -> String {
        switch severity {
        case .critical: "critical"
        case .high: "major"
        case .medium: "minor"
        case .low, .unknown: "info"
        }
    }

    /// 128 bits as 32 hex digits: FNV-1a 64 over the parts, forwards and backwards.
    ///
    /// Not cryptographic: it only has to be stable and unlikely to collide within one report.
    private static func fingerprint(_ parts: String...) -> String {
        let bytes = Array(parts.joined(separator: "\u{1F}").utf8)
        return hex(fnv1a(bytes)) + hex(fnv1a(bytes.reversed()))
    }

    private static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
