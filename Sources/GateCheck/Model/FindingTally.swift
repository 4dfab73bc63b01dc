/// The findings of one change fingerprint: what a baseline keeps of them and what `findings.new` compares.
///
/// The fingerprint is built from what survives unrelated edits: the tool, the rule, and the normalised path (for
/// code) or the normalised package name (for dependencies). Never the line, the message or the package's version,
/// so a finding that moves lines, or a message that quotes a count, is not new. Two findings of one rule in one file
/// share a fingerprint, hence the count: a third `B602` in a file that had two is one new finding. CodeQL's and
/// Semgrep's own content hashes (``Finding/toolFingerprint``) are added where present, which tells such findings apart.
@_spi(Internals) public struct FindingTally: Sendable, Hashable, Codable {
    /// The tool, as it names itself.
    public var tool: String
    /// The rule or vulnerability id.
    public var rule: String
    /// The normalised path or package name the fingerprint is built from.
    public var place: String
    /// The most severe severity among them.
    public var severity: Severity
    /// The most confident confidence among them.
    public var confidence: Confidence
    /// Whether any has a known fix.
    public var fixable: Bool
    /// How many findings (waived included) have this fingerprint.
    public var count: Int
    /// How many of them an active waiver covers.
    public var waived: Int
    /// The packages of these findings as `name@version` (this run's side only: not written to a baseline, whose
    /// `packages` lists them), so that a new one can be told disclosed or introduced.
    public var packageVersions: Set<String> = []

    enum CodingKeys: String, CodingKey {
        case tool, rule, place, severity, confidence, fixable, count, waived
    }

    /// A fingerprint's text: its hash as 16 hex digits.
    public static func hex(_ key: UInt64) -> String {
        let hex = String(key, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The fingerprint of a finding: FNV-1a 64 over the tool (ASCII lower-cased), the rule and the place (see
    /// ``place(of:)``), each followed by a separator byte, hashed from the finding's own bytes without building
    /// the place: this runs once per finding.
    static func key(of finding: Finding) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for byte in finding.tool.utf8 { mix(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
        mix(0x1F)
        for byte in finding.id.utf8 { mix(byte) }
        mix(0x1F)
        if let package = finding.package {
            for byte in "pkg:".utf8 { mix(byte) }
            // PackageName.normalized, hashed as it goes: trimmed, runs of `-`, `_`, `.` as one `-`, ASCII lower case.
            let name = package.name.utf8
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
            let start = name.firstIndex { !isSpace($0) } ?? name.endIndex
            let end = name.lastIndex { !isSpace($0) }.map(name.index(after:)) ?? start
            var inSeparator = false
            for byte in name[start..<end] {
                if byte == 0x2D || byte == 0x5F || byte == 0x2E {
                    if !inSeparator { mix(0x2D) }
                    inSeparator = true
                } else {
                    mix(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    inSeparator = false
                }
            }
        } else {
            var path = Substring(finding.location?.path ?? "")
            // `hasPrefix` compares Characters; most paths start with neither `f` nor `.`, so their first byte
            // settles it without that comparison (this runs once per finding).
            if path.utf8.first == 0x66, path.hasPrefix("file://") { path = path.dropFirst(7) }
            while path.utf8.first == 0x2E, path.hasPrefix("./") { path = path.dropFirst(2) }
            for byte in path.utf8 { mix(byte == 0x5C ? 0x2F : byte) }
        }
        mix(0x1F)
        // A SARIF tool's own line-independent fingerprint tells two findings of one rule in one file apart, so
        // that fixing one and adding another is one new finding, not none.
        if let fingerprint = finding.toolFingerprint {
            for byte in fingerprint.utf8 { mix(byte) }
            mix(0x1F)
        }
        return hash
    }

    /// `name@version` of a finding's package (PEP 503 normalised name), or `nil` without a package or version.
    static func packageVersion(of finding: Finding) -> String? {
        guard let package = finding.package, let version = package.version, !version.isEmpty else { return nil }
        return PackageName.normalized(package.name) + "@" + version
    }

    /// The place a finding's fingerprint is built from: `pkg:` and the normalised package name, or the path with
    /// `/` separators and no `file://` or leading `./`.
    static func place(of finding: Finding) -> String {
        if let package = finding.package { return "pkg:" + PackageName.normalized(package.name) }
        return FindingFingerprint.normalizedPath(finding.location?.path ?? "")
    }
}

extension FindingsReport {
    /// Tallies one finding under its change fingerprint.
    public mutating func tally(_ finding: Finding) {
        let key = FindingTally.key(of: finding)
        let waived = finding.waiver != nil ? 1 : 0
        let packageVersion = FindingTally.packageVersion(of: finding)
        if let packageVersion { scannedPackages.insert(packageVersion) }
        // Updated in place: a lookup, no copy of the tally's strings.
        if let index = tallies.index(forKey: key) {
            tallies.values[index].count += 1
            tallies.values[index].waived += waived
            if finding.severity > tallies.values[index].severity { tallies.values[index].severity = finding.severity }
            if finding.confidence > tallies.values[index].confidence {
                tallies.values[index].confidence = finding.confidence
            }
            if finding.isFixable { tallies.values[index].fixable = true }
            if let packageVersion { tallies.values[index].packageVersions.insert(packageVersion) }
        } else {
            tallies[key] = FindingTally(
                tool: finding.tool, rule: finding.id, place: FindingTally.place(of: finding),
                severity: finding.severity, confidence: finding.confidence, fixable: finding.isFixable, count: 1,
                waived: waived, packageVersions: packageVersion.map { [$0] } ?? [])
        }
    }

    /// Adds another report's tallies (several reports of one run).
    mutating func addTallies(_ other: [UInt64: FindingTally]) {
        for (key, tally) in other {
            if var known = tallies[key] {
                known.count += tally.count
                known.waived += tally.waived
                if tally.severity > known.severity { known.severity = tally.severity }
                if tally.confidence > known.confidence { known.confidence = tally.confidence }
                known.fixable = known.fixable || tally.fixable
                known.packageVersions.formUnion(tally.packageVersions)
                tallies[key] = known
            } else {
                tallies[key] = tally
            }
        }
    }
}
