import ArgumentParser
@_spi(Internals) import GateCheck

/// The `gatecheck` command: `check` (the default), plus the helper subcommands.
public struct GateCheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "gatecheck",
        abstract: "Turn CI reports into one trustworthy pass/fail verdict.",
        discussion: """
            Reads coverage (Cobertura, JaCoCo, LCOV, coverage.py JSON, Go), test results (JUnit, NUnit, xUnit.net, \
            TRX, go test -json), findings (Bandit, Safety, pip-audit, SARIF, Trivy), accuracy, image-size, LLM-cost \
            and latency reports (detected by content), applies the gates of gates.json (or the \
            built-in defaults) and exits with:
              0  every blocking gate passed
              1  at least one blocking gate failed
              2  cannot judge: bad configuration, a missing, empty, truncated or unreadable required report, \
            text where a report should be, a directory that cannot be listed, a zero denominator, no gate judged \
            at all, a missing, corrupt or stale baseline or history (unless the gate says on_missing), or an \
            output (standard output included) that cannot be written
              64 the command line itself is wrong

            Examples:
              gatecheck reports/                        the built-in gates ("check")
              gatecheck -c gates.json --output junit=gatecheck.xml reports/
              gatecheck init                            write gates.json to edit
              gatecheck validate-config gates.json
              gatecheck detect reports/
              gatecheck record --history h.jsonl reports/   append a history line
              gatecheck --generate-completion-script zsh    (or bash, fish)
            """,
        version: gateCheckVersion,
        subcommands: [
            CheckCommand.self, InitCommand.self, ValidateConfigCommand.self, DetectCommand.self, RecordCommand.self,
        ],
        defaultSubcommand: CheckCommand.self
    )

    public init() {}
}
