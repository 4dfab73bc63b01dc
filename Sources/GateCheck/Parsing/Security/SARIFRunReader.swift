/// Reads one SARIF run: its tool (driver and extensions, with their rules), its invocations' success flag, and
/// its results, each turned into a finding as soon as the tool is known.
enum SARIFRunReader {
    static func read<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, index: Int, into collector: inout FindingCollector,
        notes: inout SARIFNotes
    ) throws {
        var run = Run()
        var pending: [SARIFResult] = []
        var sawResults = false
        guard try reader.peek() == .object else {
            throw ReportError.wrongKind(expected: .sarif, found: "a run that is not an object (runs[\(index)])")
        }
        try reader.beginObject()
        while let key = try reader.nextKey(RunKey.self) {
            switch key {
            case .known(.tool):
                try readTool(&reader, into: &run, at: "runs[\(index)].tool")
                collector.noteTool(run.toolName)
                for result in pending { try resolve(result, in: run, into: &collector, notes: &notes) }
                pending = []
            case .known(.results):
                if try reader.peek() == .null { try reader.readNull(); continue }
                sawResults = true
                try reader.beginArray()
                var position = 0
                while try reader.nextElement() {
                    let result = try SARIFResult.read(&reader, at: "runs[\(index)].results[\(position)]")
                    if run.sawTool {
                        try resolve(result, in: run, into: &collector, notes: &notes)
                    } else {
                        pending.append(result)
                    }
                    position += 1
                }
            case .known(.invocations):
                try reader.forEachElement { reader throws in
                    guard try reader.peek() == .object else { try reader.skipValue(); return }
                    try reader.beginObject()
                    while let field = try reader.nextKey(InvocationKey.self) {
                        if field == .known(.executionSuccessful), try reader.peek() == .bool, try !reader.readBool() {
                            run.executionFailed = true
                        }
                    }
                }
            case .known(.artifacts) where collector.collectsPlaces:
                try SARIFArtifacts.read(&reader, into: &collector)
            case .known(.artifacts), .unknown: try reader.skipValue()
            }
        }
        for result in pending { try resolve(result, in: run, into: &collector, notes: &notes) }
        let name = run.sawTool ? run.toolName : "runs[\(index)] (no tool)"
        if run.executionFailed {
            notes.failedTools.append(name)
            // SARIF 2.1.0 §3.20.14: a tool that ran to completion sets executionSuccessful true even when it found
            // results; false means it stopped or could not analyse everything, so its results are no clean scan.
            notes.notScanned.append(
                NotScanned(
                    tool: run.sawTool ? run.toolName : nil,
                    reason: "runs[\(index)] (\(name)) says executionSuccessful: false (SARIF 2.1.0 §3.20.14): the "
                        + "tool did not complete its analysis, so its results may miss findings; fix the failure its "
                        + "invocation's notifications name (a missing class path, a crash) and scan again"))
        }
        if !sawResults {
            let label = "runs[\(index)] (\(run.sawTool ? run.toolName : "no tool"))"
            notes.runsWithoutResults.append(label)
            // SARIF 2.1.0 §3.14.23: absent `results` means the tool did not run or could not produce results, while
            // an empty array means it ran and found nothing; only the second is evidence of a clean scan.
            notes.notScanned.append(
                NotScanned(
                    tool: run.sawTool ? run.toolName : nil,
                    reason: "\(label) has no \"results\" array, which in SARIF 2.1.0 (§3.14.23) means the tool did "
                        + "not run or could not produce results; make the scan step fail when the tool fails, or "
                        + "leave that run out of the log"))
        }
    }

    // MARK: - Private

    struct Run {
        var sawTool = false
        var toolName = "unknown tool"
        var driver = SARIFComponent()
        var extensions: [SARIFComponent] = []
        /// The first extension with each `guid`, so that a result's `rule.toolComponent.guid` is found in constant
        /// time (as for rules, a linear search per result is quadratic).
        var extensionIndexByGUID: [String: Int] = [:]
        var executionFailed = false
    }

    /// The keys of a run read.
    enum RunKey: String, JSONKeyEnum {
        case tool, results, invocations, artifacts
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a run's `tool` read.
    enum ToolKey: String, JSONKeyEnum {
        case driver, extensions
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of an invocation read.
    enum InvocationKey: String, JSONKeyEnum {
        case executionSuccessful
        static let table = JSONKeyTable<Self>()
    }

    private static func readTool<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into run: inout Run, at path: String
    )
        throws
    {
        run.sawTool = true
        guard try reader.peek() == .object else {
            try reader.skipValue()
            return
        }
        try reader.beginObject()
        while let key = try reader.nextKey(ToolKey.self) {
            switch key {
            case .known(.driver):
                run.driver = try SARIFComponent.read(&reader, at: path + ".driver")
                if let name = run.driver.name?.trimmingWhitespace, !name.isEmpty { run.toolName = name }
            case .known(.extensions):
                try reader.forEachElement { reader throws in
                    let component = try SARIFComponent.read(&reader, at: "\(path).extensions[\(run.extensions.count)]")
                    if let guid = component.guid, run.extensionIndexByGUID[guid] == nil {
                        run.extensionIndexByGUID[guid] = run.extensions.count
                    }
                    run.extensions.append(component)
                }
            case .unknown: try reader.skipValue()
            }
        }
    }

    /// Counts one result: skipped when it is not a failure, suppressed, or absent from the baseline.
    private static func resolve(
        _ result: SARIFResult, in run: Run, into collector: inout FindingCollector, notes: inout SARIFNotes
    ) throws {
        switch result.kind {
        case .fail: break
        case .open, .review:
            notes.needsReview[run.toolName, default: 0] += 1
            return
        case .pass, .notApplicable, .informational: return
        }
        if result.baselineAbsent { return }
        if result.suppressed {
            collector.suppressedByTool()
            return
        }
        let component = component(for: result, in: run)
        let rule = rule(for: result, in: component)
        var id = result.ruleID ?? rule?.id ?? ""
        var severity = rule?.severity
        if let prefixed = SARIFRule.idSeverity(id) {
            id = prefixed.id
            if severity == nil { severity = prefixed.severity }
        }
        let level = result.level ?? rule?.defaultLevel ?? .warning
        let (final, source) = severity ?? level.severity
        var finding = Finding(
            tool: run.toolName, kind: .sarif, id: id.isEmpty ? "(no rule id)" : id, severity: final,
            severitySource: source, location: result.path.map { Finding.Location(path: $0, line: result.line) },
            package: result.trivyPackage(), message: result.message)
        finding.toolFingerprint = result.stableFingerprint(tool: run.toolName)
        collector.add(finding)
    }

    private static func component(for result: SARIFResult, in run: Run) -> SARIFComponent {
        if let index = result.componentIndex, run.extensions.indices.contains(index) { return run.extensions[index] }
        if let guid = result.componentGUID, let index = run.extensionIndexByGUID[guid] { return run.extensions[index] }
        return run.driver
    }

    private static func rule(for result: SARIFResult, in component: SARIFComponent) -> SARIFRule? {
        for index in [result.ruleIndex, result.ruleReferenceIndex] {
            if let index, component.rules.indices.contains(index) { return component.rules[index] }
        }
        if let guid = result.ruleGUID, let found = component.rule(guid: guid) { return found }
        if let id = result.ruleID { return component.rule(id: id) }
        return nil
    }
}
