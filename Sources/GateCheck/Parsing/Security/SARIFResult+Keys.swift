/// The keys a SARIF result and its parts are read by (SARIF 2.1.0 §3.27 and the objects it holds).
extension SARIFResult {
    /// The keys of a result read.
    enum ResultKey: String, JSONKeyEnum {
        case ruleID = "ruleId", ruleIndex, rule, level, kind, suppressions, baselineState, message, locations
        case partialFingerprints, fingerprints
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a result's `rule` (a reporting descriptor reference) read.
    enum ReferenceKey: String, JSONKeyEnum {
        case id, index, guid, toolComponent
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a rule reference's `toolComponent` read.
    enum ComponentKey: String, JSONKeyEnum {
        case index, guid
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a suppression read.
    enum SuppressionKey: String, JSONKeyEnum {
        case status
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a message read.
    enum MessageKey: String, JSONKeyEnum {
        case text
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a location read.
    enum LocationKey: String, JSONKeyEnum {
        case physicalLocation
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a physical location read.
    enum PhysicalKey: String, JSONKeyEnum {
        case artifactLocation, region
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of an artifact location read.
    enum ArtifactKey: String, JSONKeyEnum {
        case uri
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a region read.
    enum RegionKey: String, JSONKeyEnum {
        case startLine
        static let table = JSONKeyTable<Self>()
    }
}
