/// The findings of one change fingerprint: what a baseline keeps of them and what `findings.new` compares.
///
/// The fingerprint is built from what survives unrelated edits: the tool, the rule, and the normalised path (for
/// code) or the normalised package name (for dependencies). Never the line, the message or the package's version,
/// so a finding that moves lines, or a message that quotes a count, is not new. Two findings of one rule in one file
/// share a fingerprint, hence the count: a third `B602` in a file that had two is one new finding.
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

    enum CodingKeys: String, CodingKey {
        case tool, rule, place, severity, confidence, fixable, count, waived
    }

    /// The fingerprint of a finding: FNV-1a 64 over tool, rule and place, as 16 hex digits.
    static func fingerprint(tool: String, rule: String, place: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [tool.lowercased(), rule, place] {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The place a finding's fingerprint is built from: `pkg:` and the normalised package name, or the path.
    static func place(of finding: Finding) -> String {
        if let package = finding.package { return "pkg:" + PackageName.normalized(package.name) }
        return FindingFingerprint.normalizedPath(finding.location?.path ?? "")
    }
}

extension FindingsReport {
    /// Tallies one finding under its change fingerprint.
    public mutating func tally(_ finding: Finding) {
        let place = FindingTally.place(of: finding)
        let key = FindingTally.fingerprint(tool: finding.tool, rule: finding.id, place: place)
        let waived = finding.waiver != nil ? 1 : 0
        if var known = tallies[key] {
            known.count += 1
            known.waived += waived
            if finding.severity > known.severity { known.severity = finding.severity }
            if finding.confidence > known.confidence { known.confidence = finding.confidence }
            known.fixable = known.fixable || finding.isFixable
            tallies[key] = known
        } else {
            tallies[key] = FindingTally(
                tool: finding.tool, rule: finding.id, place: place, severity: finding.severity,
                confidence: finding.confidence, fixable: finding.isFixable, count: 1, waived: waived)
        }
    }

    /// Adds another report's tallies (several reports of one run).
    mutating func addTallies(_ other: [String: FindingTally]) {
        for (key, tally) in other {
            if var known = tallies[key] {
                known.count += tally.count
                known.waived += tally.waived
                if tally.severity > known.severity { known.severity = tally.severity }
                if tally.confidence > known.confidence { known.confidence = tally.confidence }
                known.fixable = known.fixable || tally.fixable
                tallies[key] = known
            } else {
                tallies[key] = tally
            }
        }
    }
}
