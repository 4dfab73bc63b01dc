/// The keys each JSON report kind is known by (docs/reference/formats.md §3–7), and gatecheck's own JSON outputs.
enum JSONKeys {
    /// Every key whose value classification or own-output recognition reads; other keys are only counted.
    static let interesting: Set<String> = [
        "schema", "$schema", "runs", "version", "SchemaVersion", "ClusterName", "ArtifactName", "Results",
        "generated_at", "metrics", "results", "errors", "report_meta", "meta", "scan_results", "dependencies",
        "total_cost", "testRunData", "testCases", "metricsScores", "conversationalTestCases", "runDuration", "Size",
        "Repository", "Tag", "Target", "Id", "RepoTags", "name", "vulns", "skip_reason", "check_name", "files",
        "totals", "Action", "Package", "evalId", "shareableUrl", "config", "user_input", "root_group",
    ]

    /// The keys a SARIF log object may have.
    static let sarifLog: Set<String> = ["$schema", "version", "runs", "inlineExternalProperties", "properties"]

    /// The kind a shape belongs to, from the keys each tool is known to write.
    static func classify(_ shape: JSONSniffer.Shape) -> ReportKind? {
        let keys = shape.keys
        if shape.isArray {
            switch shape.firstElement {
            case .array?:
                if case .string? = shape.firstInnerElement { return .safety }
                return nil
            case .object?:
                if keys["Target"] != nil { return .trivyJSON }
                if keys["Id"] != nil, keys["RepoTags"] != nil || keys["Size"] != nil { return .image }
                if keys["name"] != nil, keys["vulns"] != nil || keys["skip_reason"] != nil { return .pipAudit }
                // A ragas export as records: `to_pandas().to_json(orient="records")`.
                if keys["user_input"] != nil { return .ragas }
                return nil
            default: return nil
            }
        }
        if case .string(let schema)? = keys["schema"] {
            if schema.hasPrefix("gatecheck.accuracy/") { return .accuracy }
            if schema.hasPrefix("gatecheck.llm-cost/") { return .llmCost }
            if schema.hasPrefix("gatecheck.latency/") { return .latency }
        }
        if case .string(let schema)? = keys["$schema"], schema.lowercased().contains("sarif") { return .sarif }
        if keys["runs"] != nil, keys["version"] != nil { return .sarif }
        // Bandit's SARIF writes `runs` first and `version` last: a `runs` array whose runs have a tool driver is SARIF
        // before `version` is reached, wherever `runs` is among the keys.
        if keys["runs"] == .array, shape.runsHaveDriver { return .sarif }
        // A whole log with `runs` and only other SARIF log keys but no `version` (jenkinsci/analysis-model's
        // fixtures): SARIF in shape, so that the SARIF parser rejects it clearly instead of it being ignored.
        if shape.complete, keys["runs"] == .array, !shape.hasNonSARIFKey { return .sarif }
        // k6's summary, both `--summary-export` and `handleSummary`'s data: no other tool writes `root_group`.
        if keys["root_group"] == .object { return .k6 }
        if keys["SchemaVersion"] != nil || keys["ClusterName"] != nil { return .trivyJSON }
        if keys["ArtifactName"] != nil, keys["Results"] != nil { return .trivyJSON }
        if keys["generated_at"] != nil, keys["metrics"] != nil || keys["results"] != nil || keys["errors"] != nil {
            return .bandit
        }
        if keys["report_meta"] != nil { return .safety }
        if keys["meta"] != nil, keys["scan_results"] != nil { return .safety }
        // coverage.py's `coverage json`: `meta` (with its format) first, then `files` and `totals`.
        // `go test -json`: test2json events, one object per line.
        if case .string? = keys["Action"], case .string? = keys["Package"] { return .goTestJSON }
        if keys["meta"] == .object, keys["files"] == .object || keys["totals"] == .object { return .coverageJSON }
        if keys["dependencies"] == .array { return .pipAudit }
        if keys["total_cost"] != nil { return .llmCost }
        if isDeepEvalRun(keys) { return .accuracy }
        // pandas' default `to_json()` of a ragas result (by columns): detected so that the reader refuses it with the fix.
        if keys["user_input"] == .object { return .ragas }
        // promptfoo's `eval -o results.json`: a `results` object beside `evalId` (0.60 on) or, before it, `config`
        // and `shareableUrl`.
        if keys["results"] == .object,
            keys["evalId"] != nil || keys["shareableUrl"] != nil || keys["config"] == .object
        {
            return .promptfoo
        }
        if case .string? = keys["Size"], keys["Repository"] != nil, keys["Tag"] != nil { return .image }
        return nil
    }

    /// Which of gatecheck's own outputs the shape is, if it is one: the JSON verdict by its `schema`, the GitLab Code
    /// Quality report by its `check_name`s, a SARIF log by its property bag or its first tool's name.
    static func ownOutput(_ shape: JSONSniffer.Shape) -> String? {
        if case .string(let schema)? = shape.keys["schema"], schema.hasPrefix(OwnOutput.verdictSchemaPrefix) {
            return OwnOutput.description("JSON verdict, `--format json`")
        }
        if case .string(let schema)? = shape.keys["schema"], schema.hasPrefix(OwnOutput.baselineSchemaPrefix) {
            return OwnOutput.description("baseline, `--output baseline=PATH`")
        }
        if shape.isArray, case .string(let check)? = shape.keys["check_name"], check.hasPrefix("gatecheck/") {
            return OwnOutput.description("GitLab Code Quality report, `--format gitlab`")
        }
        if shape.hasOwnMarker || shape.driverName == OwnOutput.toolName, classify(shape) == .sarif {
            return OwnOutput.description("SARIF log, `--format sarif`")
        }
        return nil
    }

    /// A DeepEval test run: `.deepeval/.latest_test_run.json` wraps it in `testRunData`; a saved run has
    /// `testCases` beside the keys DeepEval always writes.
    private static func isDeepEvalRun(_ keys: [String: JSONSniffer.Value]) -> Bool {
        if keys["testRunData"] == .object { return true }
        return keys["testCases"] == .array
            && (keys["metricsScores"] != nil || keys["conversationalTestCases"] != nil || keys["runDuration"] != nil)
    }
}
