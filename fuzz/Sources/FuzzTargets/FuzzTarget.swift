@_spi(Internals) import GateCheck

/// One fuzz target: what the fuzzer feeds an input to, and the invariants checked on the way.
///
/// Every report kind is a target (`cobertura`, `junit`, `bandit`, ...), plus the raw JSON reader, gates.json
/// decoding, detection and the whole pipeline. A target returns normally when every invariant holds and throws a
/// ``FuzzFailure`` naming the one that broke; the libFuzzer entry point turns that into a crash with the message,
/// and the regression tests into a test failure.
///
/// ```swift
/// let target = FuzzTarget(name: "cobertura")!
/// try target.run(Array("<coverage/>".utf8))
/// ```
public enum FuzzTarget: Hashable, Sendable, CustomStringConvertible {
    /// A report parser, through ``ReportReader/read(_:from:path:options:)``.
    case report(ReportKind)
    /// ``JSONReader`` alone: materialising, skipping and walking agree, in every chunk size.
    case jsonReader
    /// ``ConfigurationDecoder/decode(_:file:)`` and what a decoded configuration promises.
    case configuration
    /// ``ReportDetector/detect(prefix:isWholeFile:)``.
    case detection
    /// Detection, reading, evaluation and every output format, over up to four reports in one input.
    case pipeline

    /// Every target, report kinds first.
    public static var all: [FuzzTarget] {
        ReportKind.allCases.map(FuzzTarget.report) + [.jsonReader, .configuration, .detection, .pipeline]
    }

    /// Finds a target by its name (`pip-audit`, `json-reader`, `pipeline`).
    public init?(name: String) {
        guard let target = Self.all.first(where: { $0.name == name }) else { return nil }
        self = target
    }

    /// The target's name: a report kind's raw value, or `json-reader`, `configuration`, `detection`, `pipeline`.
    public var name: String {
        switch self {
        case .report(let kind): kind.rawValue
        case .jsonReader: "json-reader"
        case .configuration: "configuration"
        case .detection: "detection"
        case .pipeline: "pipeline"
        }
    }

    public var description: String { name }

    /// Runs one input through the target.
    ///
    /// - Throws: ``FuzzFailure`` when an invariant does not hold.
    public func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        switch self {
        case .report(let kind): try ReportTarget.run(kind, bytes)
        case .jsonReader: try JSONReaderTarget.run(bytes)
        case .configuration: try ConfigurationTarget.run(bytes)
        case .detection: try DetectionTarget.run(bytes)
        case .pipeline: try PipelineTarget.run(bytes)
        }
    }
}

/// An invariant that an input broke.
public struct FuzzFailure: Error, CustomStringConvertible {
    /// What broke, with the values involved.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Throws a ``FuzzFailure`` with `message` unless `condition` holds.
func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws(FuzzFailure) {
    if !condition { throw FuzzFailure(message()) }
}
