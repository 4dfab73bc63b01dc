/// SARIF 2.1.0 for code-scanning views, with gatecheck as the tool.
///
/// Every gate is a rule, every failing or warning gate a result (level `error` or `warning`, located at the reports
/// its value came from). Gates that cannot be judged and the verdict's diagnostics are tool execution
/// notifications, and the invocation is unsuccessful when the verdict is `error`.
///
/// With ``ReporterOptions/includeFindings`` the findings behind failing and warning gates that have a file location
/// follow, one run per original tool (its name as the driver, gatecheck as the converter), with their rule ids,
/// original locations and a `security-severity` that maps back to the same severity band. Findings without a file
/// (a vulnerable package) are named in their gate's result only: GitHub rejects results without a physical
/// location. Deterministic: no time is written unless
/// ``ReporterOptions/timestamp`` is given.
struct SARIFReporter: VerdictReporter {
    let options: ReporterOptions

    func render(_ verdict: Verdict) -> String {
        var runs = [gateRun(verdict)]
        if options.includeFindings { runs += findingRuns(verdict) }
        return JSONOutput.encode(SARIF.Log(runs: runs))
    }

    // MARK: - Private

    private func gateRun(_ verdict: Verdict) -> SARIF.Run {
        let rules = verdict.gates.map { gate in
            SARIF.Rule(
                id: gate.id, shortDescription: SARIF.Message(text: "\(gate.metric.name) \(gate.boundText)"),
                defaultConfiguration: SARIF.Configuration(level: gate.level == .error ? "error" : "warning"),
                properties: ["metric": .string(gate.metric.name), "tags": .strings(["gatecheck", "quality-gate"])])
        }
        var results: [SARIF.Result] = []
        var notifications: [SARIF.Notification] = []
        for (index, gate) in verdict.gates.enumerated() {
            let text = ([gate.message] + gate.details).joined(separator: "\n")
            let locations = gate.sources.map { Self.location($0, line: nil, column: nil) }
            switch gate.status {
            case .fail, .warn:
                results.append(
                    SARIF.Result(
                        ruleId: gate.id, ruleIndex: index, level: gate.status == .fail ? "error" : "warning",
                        message: SARIF.Message(text: text), locations: locations.isEmpty ? nil : locations,
                        partialFingerprints: ["gatecheckGate/v1": gate.id],
                        baselineState: gate.baselineComparison?.sarifState))
            case .error:
                notifications.append(
                    SARIF.Notification(
                        level: gate.level == .error ? "error" : "warning", message: SARIF.Message(text: text),
                        locations: locations.isEmpty ? nil : locations, descriptor: nil,
                        associatedRule: SARIF.DescriptorReference(id: gate.id, index: index)))
            case .pass, .skipped:
                continue
            }
        }
        for diagnostic in verdict.diagnostics where diagnostic.severity != .note {
            let location = diagnostic.file.map { Self.location($0, line: diagnostic.line, column: diagnostic.column) }
            notifications.append(
                SARIF.Notification(
                    level: diagnostic.severity == .error ? "error" : "warning",
                    message: SARIF.Message(text: diagnostic.message), locations: location.map { [$0] },
                    descriptor: SARIF.DescriptorReference(id: diagnostic.code), associatedRule: nil))
        }
        let invocation = SARIF.Invocation(
            executionSuccessful: verdict.status != .error, exitCode: verdict.exitCode, endTimeUtc: options.timestamp,
            toolExecutionNotifications: notifications.isEmpty ? nil : notifications)
        return SARIF.Run(
            tool: Self.gatecheck(verdict, rules: rules), conversion: nil, invocations: [invocation], results: results)
    }

    private func findingRuns(_ verdict: Verdict) -> [SARIF.Run] {
        let byTool = Dictionary(grouping: verdict.findingsNeedingAttention, by: \.finding.tool)
        return byTool.keys.sorted().compactMap { tool -> SARIF.Run? in
            let entries = (byTool[tool] ?? []).filter { $0.finding.location != nil }
            guard !entries.isEmpty else { return nil }
            let ids = Array(Set(entries.map(\.finding.id))).sorted()
            let rules = ids.map { id in
                let severity = entries.filter { $0.finding.id == id }.map(\.finding.severity).max() ?? .unknown
                var properties: [String: SARIF.Property] = ["tags": .strings(["security"])]
                if let score = Self.securitySeverity(severity) { properties["security-severity"] = .string(score) }
                return SARIF.Rule(
                    id: id, shortDescription: nil,
                    defaultConfiguration: SARIF.Configuration(level: Self.level(severity)),
                    properties: properties)
            }
            let results = entries.compactMap { entry -> SARIF.Result? in
                let finding = entry.finding
                guard let place = finding.location else { return nil }
                return SARIF.Result(
                    ruleId: finding.id, ruleIndex: ids.firstIndex(of: finding.id) ?? 0,
                    level: Self.level(finding.severity),
                    message: SARIF.Message(text: finding.message.isEmpty ? finding.id : finding.message),
                    locations: [Self.location(place.path, line: place.line, column: nil)],
                    partialFingerprints: finding.fingerprint.isEmpty
                        ? nil : ["gatecheckFinding/v1": finding.fingerprint],
                    properties: [
                        "gatecheck-gate": .string(entry.gate.id), "severity": .string(finding.severity.rawValue),
                    ])
            }
            return SARIF.Run(
                tool: SARIF.Tool(driver: SARIF.Component(name: tool, version: nil, informationUri: nil, rules: rules)),
                conversion: SARIF.Conversion(tool: Self.gatecheck(verdict, rules: [])), invocations: nil,
                results: results)
        }
    }

    private static func gatecheck(_ verdict: Verdict, rules: [SARIF.Rule]) -> SARIF.Tool {
        SARIF.Tool(
            driver: SARIF.Component(
                name: "gatecheck", version: verdict.toolVersion, informationUri: nil, rules: rules))
    }

    private static func location(_ path: String, line: Int?, column: Int?) -> SARIF.Location {
        let region = line.flatMap {
            $0 >= 1 ? SARIF.Region(startLine: $0, startColumn: column.flatMap { $0 >= 1 ? $0 : nil }) : nil
        }
        return SARIF.Location(
            physicalLocation: SARIF.PhysicalLocation(
                artifactLocation: SARIF.ArtifactLocation(uri: SARIF.uri(path)), region: region))
    }

    /// critical and high are errors, medium a warning, low and unknown notes.
    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .unknown: "note"
        }
    }

    /// The lowest score of the band, so that reading it back (≥ 9 critical, ≥ 7 high, ≥ 4 medium, > 0 low)
    /// gives the same severity; `nil` for unknown.
    private static func securitySeverity(_ severity: Severity) -> String? {
        switch severity {
        case .critical: "9.0"
        case .high: "7.0"
        case .medium: "4.0"
        case .low: "0.1"
        case .unknown: nil
        }
    }
}
