/// A tallied finding's package version: its tally's key and the version's identity.
@_spi(Internals) public struct TallyPackage: Sendable, Hashable {
    /// The key of the finding's tally in ``FindingsReport/tallies``.
    public var tally: UInt64
    /// The identity of the finding's `name@version` (``FindingTally/packageVersionID(_:)``).
    public var version: UInt64
}

/// A package at a version, as a finding names it: what a baseline's `packages` lists of a tallied finding.
@_spi(Internals) public struct PackageVersion: Sendable, Hashable {
    /// The name as the tool spells it.
    public var name: String
    /// The version found.
    public var version: String

    /// `name@version` with the PEP 503 normalised name, as a baseline's `packages` holds it.
    public var text: String { PackageName.normalized(name) + "@" + version }

    /// Creates a package version.
    public init(name: String, version: String) {
        (self.name, self.version) = (name, version)
    }
}

extension FindingsReport {
    /// Tallies one finding under its change fingerprint.
    ///
    /// This runs once per finding of a report read for a baseline or `findings.new` (56,000 in the benchmark's
    /// SARIF): a known fingerprint is updated in place through one dictionary lookup, and a package version is kept
    /// by its hash; by name too only with `keepingNames` (a baseline is written).
    public mutating func tally(_ finding: Finding, keepingNames: Bool = true) {
        var packageVersion: UInt64?
        let key = FindingTally.key(of: finding, packageVersion: &packageVersion)
        if keepingNames, let packageVersion, packageVersions.index(forKey: packageVersion) == nil,
            let package = finding.package, let version = package.version
        {
            packageVersions[packageVersion] = PackageVersion(name: package.name, version: version)
        }
        if let packageVersion { tallyPackages.append(TallyPackage(tally: key, version: packageVersion)) }
        if let index = tallies.index(forKey: key) {
            tallies.values[index].add(finding)
        } else {
            var tally = FindingTally(
                tool: finding.tool, rule: finding.id, place: FindingTally.place(of: finding),
                severity: finding.severity, confidence: finding.confidence, fixable: finding.isFixable, count: 0,
                waived: 0)
            tally.add(finding)
            tallies[key] = tally
        }
    }

    /// Adds what another report of the run kept for baselines and change metrics: its tallies, its packages.
    mutating func addChangeData(of other: FindingsReport) {
        scannedPackages.formUnion(other.scannedPackages)
        packageVersions.merge(other.packageVersions) { mine, _ in mine }
        tallyPackages += other.tallyPackages
        for (key, tally) in other.tallies {
            if let index = tallies.index(forKey: key) {
                tallies.values[index].add(tally)
            } else {
                tallies[key] = tally
            }
        }
    }

    /// The package versions of the tallies with these keys, by key.
    public func packageVersionIDs(ofTallies keys: Set<UInt64>) -> [UInt64: Set<UInt64>] {
        var versions: [UInt64: Set<UInt64>] = [:]
        guard !keys.isEmpty else { return versions }
        for entry in tallyPackages where keys.contains(entry.tally) {
            versions[entry.tally, default: []].insert(entry.version)
        }
        return versions
    }

    /// Every package the run names as `name@version`: those listed as scanned and those of tallied findings.
    var allScannedPackages: Set<String> {
        scannedPackages.union(packageVersions.values.lazy.map(\.text))
    }
}

extension FindingTally {
    /// Counts one more finding of this fingerprint.
    mutating func add(_ finding: Finding) {
        count += 1
        if finding.waiver != nil { waived += 1 }
        if finding.severity > severity { severity = finding.severity }
        if finding.confidence > confidence { confidence = finding.confidence }
        if finding.isFixable { fixable = true }
    }

    /// Adds another report's tally of the same fingerprint.
    mutating func add(_ other: FindingTally) {
        count += other.count
        waived += other.waived
        if other.severity > severity { severity = other.severity }
        if other.confidence > confidence { confidence = other.confidence }
        fixable = fixable || other.fixable
    }
}
