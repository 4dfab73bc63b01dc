/// The part of SARIF 2.1.0 (OASIS, errata 01) that ``SARIFReporter`` writes, as Encodable values.
///
/// Absent optionals are left out; ``JSONOutput`` sorts the keys. Field names follow the specification's JSON names.
enum SARIF {
    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        /// gatecheck's own-output mark (``OwnOutput``): sorted before `runs`, so detection finds it first.
        let properties = [OwnOutput.sarifPropertyKey: OwnOutput.sarifPropertyValue]
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, properties, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var conversion: Conversion?
        var invocations: [Invocation]?
        var results: [Result]
    }

    struct Tool: Encodable {
        var driver: Component
    }

    struct Component: Encodable {
        var name: String
        var version: String?
        var informationUri: String?
        var rules: [Rule]
    }

    struct Conversion: Encodable {
        var tool: Tool
    }

    struct Rule: Encodable {
        var id: String
        var shortDescription: Message?
        var defaultConfiguration: Configuration?
        var properties: [String: Property]?
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]?
        var partialFingerprints: [String: String]?
        var properties: [String: Property]?
        /// `unchanged`, `updated` or `new` against the baseline, when the gate was compared with one.
        var baselineState: String? = nil
    }

    struct Message: Encodable {
        var text: String
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var exitCode: Int32
        var endTimeUtc: String?
        var toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
        var locations: [Location]?
        var descriptor: DescriptorReference?
        var associatedRule: DescriptorReference?
    }

    struct DescriptorReference: Encodable {
        var id: String
        var index: Int?
    }

    /// A value in a property bag.
    enum Property: Encodable {
        case string(String)
        case strings([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .strings(let values): try container.encode(values)
            }
        }
    }

    /// A file path as a relative URI reference: characters outside RFC 3986's path characters are
    /// percent-encoded (`my file.py` → `my%20file.py`); a path that already is a URI (`file:///…`) is kept.
    static func uri(_ path: String) -> String {
        if path.contains("://") { return path }
        var out = ""
        for byte in path.utf8 {
            let isAllowed =
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || "-._~/!$&'()*+,;=@".utf8.contains(byte)
            if isAllowed {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }
}
