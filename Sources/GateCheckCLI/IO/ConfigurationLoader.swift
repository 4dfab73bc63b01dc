@_spi(Internals) import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads gates.json from disk and decodes it.
enum ConfigurationLoader {
    /// The largest gates.json read; anything bigger is not a hand-written configuration.
    static let maxBytes = 4 << 20

    static func load(path: String) -> Result<Configuration, ConfigurationError> {
        let bytes: [UInt8]
        do {
            let file = try FileSource(path: path)
            let peeked = try file.peek(maxBytes + 1)
            guard peeked.bytes.count <= maxBytes else {
                return .failure(problem("config.too-large", "the configuration is larger than \(maxBytes) bytes", path))
            }
            bytes = peeked.bytes
        } catch {
            return .failure(problem("config.unreadable", "the configuration cannot be read: \(error)", path))
        }
        return ConfigurationDecoder.decode(bytes, file: path)
    }

    private static func problem(_ code: String, _ message: String, _ path: String) -> ConfigurationError {
        ConfigurationError(problems: [Diagnostic(.error, code: code, message: message, file: path)])
    }
}
