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

    /// Creates a tally of `count` findings, `waived` of them waived.
    public init(
        tool: String, rule: String, place: String, severity: Severity, confidence: Confidence, fixable: Bool,
        count: Int, waived: Int
    ) {
        (self.tool, self.rule, self.place) = (tool, rule, place)
        (self.severity, self.confidence, self.fixable) = (severity, confidence, fixable)
        (self.count, self.waived) = (count, waived)
    }

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
    ///
    /// `packageVersion` receives the identity of the finding's `name@version` (PEP 503 normalised name), hashed in
    /// the same pass over the name: FNV-1a 64 over that text's UTF-8 bytes, equal to ``packageVersionID(_:)`` of the
    /// text a baseline's `packages` holds; `nil` without a package or version.
    static func key(of finding: Finding, packageVersion: inout UInt64?) -> UInt64 {
        var hash = fnvOffset
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* fnvPrime }
        for byte in finding.tool.utf8 { mix(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
        mix(0x1F)
        mixBytes(finding.id, into: &hash)
        mix(0x1F)
        if let package = finding.package {
            for byte in "pkg:".utf8 { mix(byte) }
            if let version = package.version, !version.isEmpty {
                var versionHash = fnvOffset
                mixNormalized(package.name, into: &hash, and: &versionHash)
                versionHash = (versionHash ^ 0x40) &* fnvPrime
                mixBytes(version, into: &versionHash)
                packageVersion = versionHash
            } else {
                var unused = fnvOffset
                mixNormalized(package.name, into: &hash, and: &unused)
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
            mixBytes(fingerprint, into: &hash)
            mix(0x1F)
        }
        return hash
    }

    /// The identity of a `name@version` text as a baseline's `packages` holds it.
    public static func packageVersionID(_ text: String) -> UInt64 {
        var hash = fnvOffset
        mixBytes(text, into: &hash)
        return hash
    }

    private static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// Mixes the bytes of ``PackageName/normalized(_:)`` of `name` into an FNV-1a hash without building it.
    ///
    /// A name that starts and ends with printable ASCII needs no trimming and is normalised byte by byte; any other
    /// (rare) is normalised as text first, so that the bytes hashed are exactly the normalised name's.
    /// Mixes the normalised name into two hashes at once (a fingerprint and a package version share the name).
    private static func mixNormalized(_ name: String, into hash: inout UInt64, and other: inout UInt64) {
        let fast = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80
            else { return false }
            var (state, otherState) = (hash, other)
            var inSeparator = false
            for byte in bytes {
                let mixed: UInt8
                if byte == 0x2D || byte == 0x5F || byte == 0x2E {
                    if inSeparator { continue }
                    inSeparator = true
                    mixed = 0x2D
                } else {
                    inSeparator = false
                    mixed = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                state = (state ^ UInt64(mixed)) &* fnvPrime
                otherState = (otherState ^ UInt64(mixed)) &* fnvPrime
            }
            (hash, other) = (state, otherState)
            return true
        }
        guard fast != true else { return }
        for byte in PackageName.normalized(name).utf8 {
            hash = (hash ^ UInt64(byte)) &* fnvPrime
            other = (other ^ UInt64(byte)) &* fnvPrime
        }
    }

    /// Mixes a text's UTF-8 bytes into an FNV-1a hash, a word of state in a register over contiguous bytes.
    @inline(__always)
    static func mixBytes(_ text: String, into hash: inout UInt64) {
        let done = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var state = hash
            for byte in bytes { state = (state ^ UInt64(byte)) &* fnvPrime }
            hash = state
            return true
        }
        guard done != true else { return }
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* fnvPrime }
    }

    /// The place a finding's fingerprint is built from: `pkg:` and the normalised package name, or the path with
    /// `/` separators and no `file://` or leading `./`.
    static func place(of finding: Finding) -> String {
        if let package = finding.package { return "pkg:" + PackageName.normalized(package.name) }
        return FindingFingerprint.normalizedPath(finding.location?.path ?? "")
    }
}
