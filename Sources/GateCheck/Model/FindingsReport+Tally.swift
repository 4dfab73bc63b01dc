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
    /// Tallies one finding under its change fingerprint (a reader tallies a stream of them in a ``TallyTable``).
    public mutating func tally(_ finding: Finding, keepingNames: Bool = true) {
        var table = TallyTable()
        table.add(finding, key: notePackage(of: finding, keepingNames: keepingNames))
        addTallies(table.tallies)
    }

    /// A finding's fingerprint key, its package version noted in ``tallyPackages`` by identity (and by name in
    /// ``packageVersions`` with `keepingNames`): what tallying a finding does besides counting it.
    mutating func notePackage(of finding: Finding, keepingNames: Bool) -> UInt64 {
        var packageVersion: UInt64?
        let key = FindingTally.key(of: finding, packageVersion: &packageVersion)
        guard let packageVersion else { return key }
        if keepingNames, packageVersions.index(forKey: packageVersion) == nil, let package = finding.package,
            let version = package.version
        {
            packageVersions[packageVersion] = PackageVersion(name: package.name, version: version)
        }
        tallyPackages.append(TallyPackage(tally: key, version: packageVersion))
        return key
    }

    /// Adds what another report of the run kept for baselines and change metrics: its tallies, its packages.
    mutating func addChangeData(of other: FindingsReport) {
        scannedPackages.formUnion(other.scannedPackages)
        packageVersions.merge(other.packageVersions) { mine, _ in mine }
        tallyPackages += other.tallyPackages
        addTallies(other.tallies)
    }

    /// Adds tallies to this report's, fingerprint by fingerprint.
    mutating func addTallies(_ other: [UInt64: FindingTally]) {
        guard !tallies.isEmpty else {
            tallies = other
            return
        }
        for (key, tally) in other {
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
    /// Adds another report's tally of the same fingerprint.
    mutating func add(_ other: FindingTally) {
        count += other.count
        waived += other.waived
        if other.severity > severity { severity = other.severity }
        if other.confidence > confidence { confidence = other.confidence }
        fixable = fixable || other.fixable
    }
}
