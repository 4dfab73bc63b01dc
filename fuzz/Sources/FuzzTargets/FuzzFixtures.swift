@_spi(Internals) import GateCheck

/// The fixed world every target runs in: a day, waivers, sources that hand out bytes in chunks.
enum FuzzFixtures {
    /// Today, for waiver expiry: fixed, so that a run is repeatable.
    static let today = Day("2026-03-01")!

    /// Chunk sizes every parser must agree across: single bytes, an odd size that splits every token, a page.
    static let chunkSizes = [4096, 7, 1]

    /// Waivers over ids that the seeds contain (Bandit tests, CVEs, PYSEC ids), one of them expired, so that the
    /// waiver paths of every security parser run.
    static let waivers: [Waiver] = [
        Waiver(id: "B101", reason: "asserts are fine in tests", expires: Day("2026-12-31")!, paths: ["tests/**"]),
        Waiver(id: "B602", reason: "trusted input", expires: Day("2026-12-31")!),
        Waiver(id: "B105", reason: "expired exception", expires: Day("2026-01-01")!),
        Waiver(id: "CVE-2021-33203", reason: "not reachable", expires: Day("2026-12-31")!, package: "django"),
        Waiver(id: "PYSEC-2021-66", reason: "not reachable", expires: Day("2026-12-31")!, kinds: [.pipAudit]),
        Waiver(id: "GHSA-xxxx-yyyy-zzzz", reason: "placeholder", expires: Day("2026-03-01")!),
    ]

    /// Read options with the fixture waivers and day.
    static func options(detail: CoverageDetail = .lines, waivers: [Waiver] = waivers) -> ReadOptions {
        ReadOptions(waivers: waivers, today: today, coverageDetail: detail)
    }
}

/// A ``ByteSource`` that cannot rewind, like standard input.
struct OneShotSource: ByteSource {
    var base: BytesSource

    init(_ bytes: [UInt8]) {
        base = BytesSource(bytes)
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        try base.read(into: buffer)
    }
}
