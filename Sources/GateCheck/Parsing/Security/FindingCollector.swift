/// Turns a stream of findings into a ``FindingsReport`` in bounded memory: applies the configuration's waivers as
/// the findings go by, counts every finding into its tool's ``FindingCounts``, keeps only the most severe
/// findings by value, and records how each waiver matched.
///
/// ```swift
/// var collector = FindingCollector(kind: .pipAudit, options: options)
/// collector.add(Finding(tool: "pip-audit", kind: .pipAudit, id: "PYSEC-2021-66", severity: .unknown,
///                       severitySource: "pip-audit has no severity", message: ""))
/// let report = collector.finish()
/// ```
///
/// Waiver rules (docs/waivers.md): a waiver matches when its id equals the finding's id or one of its aliases
/// (ASCII case-insensitively) and every scope it gives holds (report kind, path glob, package name compared in
/// PEP 503 normal form). The first active waiver that matches waives the finding; an expired one does not, and
/// its match is recorded so that the verdict can say the finding counts again.
struct FindingCollector {
    let kind: ReportKind
    private let waivers: [PreparedWaiver]
    private var report = FindingsReport()
    private var counted = MostSevere(limit: FindingsReport.keptLimit)
    private var waived = MostSevere(limit: FindingsReport.keptWaivedLimit)
    /// The change fingerprints' counts while the findings stream (``FindingsReport/tallies`` at the end).
    private var table = TallyTable()
    /// Whether every finding is tallied by its change fingerprint (for a baseline or `findings.new`).
    private let tallies: Bool
    /// Whether package versions are kept by name too (for a baseline's `packages`), not only by hash.
    private let packageNames: Bool
    /// Whether findings are counted per tool and path too (for gates with `scope.paths`).
    private let places: Bool

    init(kind: ReportKind, options: ReadOptions) {
        self.kind = kind
        tallies = options.collectsChangeData
        packageNames = options.collectsPackageNames
        places = options.collectsPlaces
        report.placesCollected = places
        waivers = options.waivers.enumerated().compactMap { index, waiver in
            guard waiver.kinds?.contains(kind) ?? true else { return nil }
            return PreparedWaiver(index: index, waiver: waiver, active: waiver.isActive(on: options.today))
        }
    }

    /// Makes a tool appear in the report even when it found nothing.
    mutating func noteTool(_ tool: String) {
        if report.countsByTool[tool] == nil { report.countsByTool[tool] = FindingCounts() }
    }

    /// Counts one finding (after the tool's own suppressions; the caller drops those).
    mutating func add(_ finding: Finding) {
        var finding = finding
        if !waivers.isEmpty { applyWaivers(to: &finding) }
        report.countsByTool[finding.tool, default: FindingCounts()].add(
            finding.severity, finding.confidence, fixable: finding.isFixable, waived: finding.waiver != nil)
        if tallies { table.add(finding, key: report.notePackage(of: finding, keepingNames: packageNames)) }
        if places {
            let path = finding.location.flatMap { $0.path.isEmpty ? nil : $0.path }
            report.countsByPlace[FindingPlace(tool: finding.tool, path: path), default: FindingCounts()].add(
                finding.severity, finding.confidence, fixable: finding.isFixable, waived: finding.waiver != nil)
        }
        if finding.waiver != nil {
            waived.offer(finding)
        } else {
            counted.offer(finding)
        }
    }

    /// Whether the report is read for gates with `scope.paths`, so that parsers read what the tools say they
    /// scanned (and skip it otherwise).
    var collectsPlaces: Bool { places }

    /// Records a file the tool reports having scanned, for gates with `scope.paths` (kept only for them).
    mutating func scanned(_ path: String) {
        if places, !path.isEmpty { report.scannedPaths.insert(path) }
    }

    /// Records a package the tool scanned, as `name@version`, when change data is kept (a baseline or a change
    /// metric): a vulnerability found in it later at this version is disclosed, not introduced.
    mutating func notePackage(name: String, version: String) {
        guard packageNames, !version.isEmpty else { return }
        report.scannedPackages.insert(PackageName.normalized(name) + "@" + version)
    }

    /// Counts findings that the tool itself suppressed or ignored.
    mutating func suppressedByTool(_ count: Int = 1) {
        report.suppressedByTool += count
    }

    /// Records something the tool could not check (a skipped dependency, a file it could not parse).
    mutating func notAudited(tool: String, _ description: String) {
        report.notAuditedByTool[tool, default: 0] += 1
        if report.notAudited.count < FindingsReport.notAuditedLimit { report.notAudited.append(description) }
    }

    /// Records the image size of a Trivy image scan.
    mutating func imageSize(_ bytes: Int64) {
        report.imageSizeBytes = bytes
    }

    /// The report: kept findings sorted most severe first, with fingerprints.
    mutating func finish() -> FindingsReport {
        if tallies { report.tallies = table.tallies }
        report.findings = (counted.sorted() + waived.sorted()).sorted(by: Finding.precedes).map { finding in
            var finding = finding
            finding.fingerprint = FindingFingerprint.compute(finding)
            return finding
        }
        return report
    }

    // MARK: - Private

    private mutating func applyWaivers(to finding: inout Finding) {
        var expired: [Int] = []
        for position in waivers.indices where waivers[position].matches(finding) {
            let waiver = waivers[position]
            if waiver.active {
                if finding.waiver == nil {
                    finding.waiver = AppliedWaiver(index: waiver.index, waiver: waiver.waiver)
                    record(waiver.index, finding) { $0.waived += 1 }
                } else {
                    record(waiver.index, finding) { $0.alsoMatched += 1 }
                }
            } else {
                expired.append(waiver.index)
            }
        }
        // An expired waiver matters only where no active one waives the finding: then the finding counts again.
        guard finding.waiver == nil else { return }
        for index in expired { record(index, finding) { $0.expiredMatches += 1 } }
    }

    private mutating func record(_ index: Int, _ finding: Finding, _ update: (inout WaiverMatch) -> Void) {
        var match = report.waiverMatches[index] ?? WaiverMatch()
        update(&match)
        if match.examples.count < WaiverMatch.exampleLimit { match.examples.append(FindingMetrics.describe(finding)) }
        report.waiverMatches[index] = match
    }
}

/// The `limit` most severe findings of a stream (in ``Finding/precedes(_:_:)`` order), kept in amortised
/// O(log limit) per finding: candidates are appended and the buffer is sorted and cut back to `limit` whenever it
/// doubles; after a cut, anything that does not precede the last kept finding is rejected at once.
private struct MostSevere {
    let limit: Int
    private var items: [Finding] = []
    private var threshold: Finding?

    init(limit: Int) {
        self.limit = limit
        items.reserveCapacity(2 * limit)
    }

    mutating func offer(_ finding: Finding) {
        if let threshold, !Finding.precedes(finding, threshold) { return }
        items.append(finding)
        if items.count >= 2 * limit { trim() }
    }

    mutating func sorted() -> [Finding] {
        trim()
        return items
    }

    private mutating func trim() {
        items.sort(by: Finding.precedes)
        if items.count > limit {
            items.removeLast(items.count - limit)
            threshold = items.last
        }
    }
}

/// A waiver with its match keys prepared once per report.
private struct PreparedWaiver {
    let index: Int
    let waiver: Waiver
    let active: Bool
    private let id: [UInt8]
    private let globs: [Glob]?
    private let package: String?

    init(index: Int, waiver: Waiver, active: Bool) {
        self.index = index
        self.waiver = waiver
        self.active = active
        id = Array(waiver.id.trimmingWhitespace.utf8).map(Self.lower)
        globs = waiver.paths?.map(Glob.init)
        package = waiver.package.map(PackageName.normalized)
    }

    func matches(_ finding: Finding) -> Bool {
        guard idMatches(finding.id) || finding.aliases.contains(where: idMatches) else { return false }
        if let globs {
            guard let path = finding.location?.path, globs.contains(where: { $0.matches(path) }) else { return false }
        }
        if let package {
            guard let name = finding.package?.name, PackageName.normalized(name) == package else { return false }
        }
        return true
    }

    private func idMatches(_ candidate: String) -> Bool {
        var index = 0
        for byte in candidate.utf8 {
            guard index < id.count, Self.lower(byte) == id[index] else { return false }
            index += 1
        }
        return index == id.count
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

/// Package names compared as PEP 503 writes them: lowercase, every run of `-`, `_` and `.` one `-` (`Jinja2` =
/// `jinja2`, `zope.interface` = `zope-interface`).
///
/// Applied to every ecosystem's names.
enum PackageName {
    static func normalized(_ name: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(name.utf8.count)
        var inSeparator = false
        for byte in name.trimmingWhitespace.utf8 {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") {
                if !inSeparator { result.append(UInt8(ascii: "-")) }
                inSeparator = true
            } else {
                result.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                inSeparator = false
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// A finding's stable identity: FNV-1a (64-bit) over the tool, the id, the normalised path (never the line) or the
/// package name and version, and the message, as 16 hex digits.
///
/// Moving unrelated lines does not change it; changing the rule, file, package version or message does.
enum FindingFingerprint {
    static func compute(_ finding: Finding) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        }
        mix(finding.tool.lowercased())
        mix(finding.id)
        if let package = finding.package {
            mix(PackageName.normalized(package.name) + "@" + (package.version ?? ""))
        } else {
            mix(normalizedPath(finding.location?.path ?? ""))
        }
        mix(finding.message)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `/` separators, no `file://` scheme, no leading `./`.
    static func normalizedPath(_ path: String) -> String {
        var text = path.contains("\\") ? path.replacing("\\", with: "/") : path
        if text.hasPrefix("file://") { text.removeFirst(7) }
        while text.hasPrefix("./") { text.removeFirst(2) }
        return text
    }
}
