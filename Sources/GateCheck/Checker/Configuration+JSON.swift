#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension Configuration {
    /// Reads gates.json (`schemas/gates.schema.json`) from its bytes.
    ///
    /// - Parameters:
    ///   - json: the file's bytes, UTF-8.
    ///   - name: what messages call the file.
    /// - Throws: ``ConfigurationError`` with every problem found, each naming the key path, line and column: a
    ///   configuration is used whole or not at all.
    public init(json: some Collection<UInt8>, name: String = "gates.json") throws(ConfigurationError) {
        self = try ConfigurationDecoder.decode(Array(json), file: name).get()
    }

    /// Reads gates.json from text.
    public init(json: String, name: String = "gates.json") throws(ConfigurationError) {
        try self.init(json: Array(json.utf8), name: name)
    }

    /// Reads gates.json from `Data`.
    public init(json: Data, name: String = "gates.json") throws(ConfigurationError) {
        try self.init(json: [UInt8](json), name: name)
    }
}

extension Verdict {
    /// The verdict when the configuration cannot be used: no gate judged, every problem an error, exit 2.
    public static func unusable(_ error: ConfigurationError, today: Day) -> Verdict {
        GateEngine.evaluate(
            ReportSet(), configuration: Configuration(gates: []), today: today, diagnostics: error.problems)
    }
}
