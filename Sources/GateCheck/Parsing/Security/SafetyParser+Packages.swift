/// Safety 2.x/3.x `check --output json`'s `scanned_packages`: every package it checked, for the baseline's
/// `packages` (a vulnerability found later in one of them, at the same version, is disclosed, not introduced).
extension SafetyParser {
    /// The keys of a scanned package read.
    enum PackageKey: String, JSONKeyEnum {
        case name, version
        static let table = JSONKeyTable<Self>()
    }

    /// Reads `scanned_packages` (`{"django": {"name": "django", "version": "4.0.1", ...}}`) into the collector's
    /// scanned packages; anything else in it is skipped, since it decides no finding.
    static func readScannedPackages<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into collector: inout FindingCollector
    ) throws {
        guard try reader.peek() == .object else { return try reader.skipValue() }
        try reader.beginObject()
        while try reader.nextKey(in: .noKeys) != nil {
            let key = reader.lastKey
            guard try reader.peek() == .object else { try reader.skipValue(); continue }
            var name: String?
            var version: String?
            try reader.beginObject()
            while let field = try reader.nextKey(PackageKey.self) {
                switch field {
                case .known(.name): name = try reader.readOptionalString()
                case .known(.version): version = try reader.readOptionalString()
                case .unknown: try reader.skipValue()
                }
            }
            if let version { collector.notePackage(name: name ?? key, version: version) }
        }
    }
}
