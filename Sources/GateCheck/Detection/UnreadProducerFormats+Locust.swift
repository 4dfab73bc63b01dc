extension UnreadProducerFormats {
    /// The first bytes of Locust 0.x's statistics: `PREFIX_stats.csv` of 0.13 and 0.14 (every name quoted, `# requests`
    /// where Locust 1.0 writes `Request Count`) and the `_requests.csv` of older versions.
    static let locustZeroStarts = [##""Type","Name","# requests""##, ##""Method","Name","# requests""##].map {
        Array($0.utf8)
    }

    /// Locust 0.x's statistics: an error rather than ignored, because they count the run's failures; gatecheck reads
    /// the `_stats.csv` of Locust 1.0 and later.
    static func locustZero(head: [UInt8]) -> Detection? {
        guard locustZeroStarts.contains(where: { head.starts(with: $0) }) else { return nil }
        return .unreadable(
            .wrongKind(
                expected: .locust,
                found:
                    "Locust 0.x statistics (`\"Type\",\"Name\",\"# requests\",…`), which gatecheck does not read; run "
                    + "the test with Locust 1.0 or later, whose `--csv PREFIX` writes PREFIX_stats.csv"))
    }
}
