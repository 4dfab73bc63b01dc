extension Configuration {
    /// The gates used when no --config is given (docs/reference/design.md, "Defaults").
    ///
    /// Every one is optional: a gate whose report kind is absent is `skipped`.
    public static let builtIn = Configuration(gates: builtInGates, isBuiltIn: true)

    /// The built-in gates, in the order the verdict lists them, tagged by the pipeline stage that writes their
    /// reports (`test`, `coverage`, `security`, `accuracy`, `image`; `llm-cost` also `cost`) for `--only`/`--skip`.
    @_spi(Internals) public static let builtInGates: [GateSpec] = [
        GateSpec(
            id: "line-coverage", metric: .coverage(.lineRate), bound: .min(Threshold(exactly: "0.80")),
            required: false, description: "Line coverage is at least 80 %.", tags: ["coverage"]),
        GateSpec(
            id: "tests-present", metric: .tests(.total), bound: .min(Threshold(exactly: "1")), required: false,
            description: "The test reports contain at least one test.", tags: ["test"]),
        GateSpec(
            id: "failed-tests", metric: .tests(.failed), bound: .max(Threshold(exactly: "0")), required: false,
            description: "No test failed.", tags: ["test"]),
        GateSpec(
            id: "errored-tests", metric: .tests(.errors), bound: .max(Threshold(exactly: "0")), required: false,
            description: "No test errored.", tags: ["test"]),
        GateSpec(
            id: "high-severity-findings", metric: .findings(.total), bound: .max(Threshold(exactly: "0")),
            required: false,
            selector: FindingSelector(minSeverity: .high),
            description: "No security finding of severity high or critical.", tags: ["security"]),
        GateSpec(
            id: "vulnerable-dependencies", metric: .findings(.total), bound: .max(Threshold(exactly: "0")),
            required: false,
            kinds: [.safety, .pipAudit], description: "No known-vulnerable dependency (Safety, pip-audit).",
            tags: ["security"]),
        GateSpec(
            id: "not-audited", metric: .findings(.notAudited), bound: .max(Threshold(exactly: "0")), required: false,
            description:
                "Every dependency and file was audited: none skipped by pip-audit, none Bandit could not scan.",
            tags: ["security"]),
        GateSpec(
            id: "retrieval-accuracy", metric: .accuracy("retrieval"), bound: .min(Threshold(exactly: "0.90")),
            required: false, description: "Retrieval accuracy is at least 0.90.", tags: ["accuracy"]),
        GateSpec(
            id: "attribution-accuracy", metric: .accuracy("attribution"),
            bound: .min(Threshold(exactly: "0.95")), required: false,
            description: "Attribution accuracy is at least 0.95.", tags: ["accuracy"]),
        GateSpec(
            id: "image-size", metric: .image(.sizeBytes),
            bound: .max(Threshold(exactly: "524288000", written: "500 MiB")),
            required: false, description: "The container image is at most 500 MiB (524,288,000 bytes).", tags: ["image"]
        ),
        GateSpec(
            id: "llm-cost", metric: .llm(.costUSD), bound: .max(Threshold(exactly: "5.00")), level: .warn,
            required: false, description: "LLM spend per change is at most 5.00 USD (warning).",
            tags: ["accuracy", "cost"]),
    ]
}
