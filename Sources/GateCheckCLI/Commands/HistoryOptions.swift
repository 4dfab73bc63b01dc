import ArgumentParser
@_spi(Internals) import GateCheck

/// `--history FILE` and `--now TIMESTAMP`: what gates with a `history` member compare with (docs/history.md).
struct HistoryOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The history (JSON Lines written by `gatecheck record`) that gates with a `history` member compare with.",
            valueName: "file"))
    var history: String?

    @Option(
        help: ArgumentHelp(
            "The end of every history window, RFC 3339 in UTC (2026-12-03T06:00:00Z). Default: the clock.",
            valueName: "timestamp"))
    var now: String?

    func validate() throws {
        if let now, Timestamp(rfc3339: now) == nil {
            throw ValidationError(
                "--now '\(now)' is not an RFC 3339 UTC time; write it as 2026-12-03T06:00:00Z (the Z is required)")
        }
        if let history, history.isEmpty { throw ValidationError("--history names no file") }
    }
}
