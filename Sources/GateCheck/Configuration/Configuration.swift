/// Binds files to a report kind explicitly, overriding detection by content.
@_spi(Internals) public struct InputBinding: Sendable, Hashable {
    /// A path or glob (`reports/**/*.xml`), relative to the working directory.
    public var path: String
    /// The kind the matching files are read as.
    public var kind: ReportKind
    /// Whether a glob that matches nothing is an error (exit 2).
    public var required: Bool

    /// Creates a binding.
    public init(path: String, kind: ReportKind, required: Bool = true) {
        self.path = path
        self.kind = kind
        self.required = required
    }
}

/// A gates.json: the gates to apply, explicit input bindings, waivers and resource limits.
public struct Configuration: Sendable, Hashable {
    /// The highest configuration version this library reads.
    public static let currentVersion = 1

    /// The format version (`1`).
    public var version: Int
    /// Files bound to a kind explicitly.
    @_spi(Internals) public var inputs: [InputBinding]
    /// The gates, evaluated in this order.
    @_spi(Internals) public var gates: [GateSpec]
    /// Exceptions for findings.
    @_spi(Internals) public var waivers: [Waiver]
    /// A waiver expiring within this many days is reported as a warning.
    public var waiverWarningDays: Int
    /// Resource limits for reading reports.
    @_spi(Internals) public var limits: ParseLimits
    /// Evaluation tools' metric names mapped to gatecheck accuracy names (`accuracy_mapping`).
    @_spi(Internals) public var accuracyMapping: AccuracyMapping
    /// Whether these are the built-in defaults (no --config), where every gate is optional.
    public var isBuiltIn: Bool
    /// The line of gates.json where each gate is written, by gate id (empty for the built-in gates), so that an
    /// output about a gate can point at it.
    public var gateLines: [String: Int] = [:]
    /// What the decoder noticed without refusing the configuration (a `tools` entry that is a near miss of a known
    /// tool); the verdict carries them.
    public var warnings: [Diagnostic] = []
    /// The gates a ``GateSelection`` left out of this run: not judged, but their `exclusive` claims on reports
    /// still hold, and bindings only they read are not required.
    @_spi(Internals) public var unselectedGates: [GateSpec] = []
    /// How report paths become repository paths (`paths`).
    @_spi(Internals) public var pathRules = PathRules()
    /// What diff coverage requires (`diff`).
    @_spi(Internals) public var diffOptions = DiffOptions()

    /// Creates a configuration.
    @_spi(Internals) public init(
        version: Int = currentVersion, inputs: [InputBinding] = [], gates: [GateSpec], waivers: [Waiver] = [],
        waiverWarningDays: Int = 14, limits: ParseLimits = .init(), accuracyMapping: AccuracyMapping = .init(),
        isBuiltIn: Bool = false
    ) {
        self.version = version
        self.inputs = inputs
        self.gates = gates
        self.waivers = waivers
        self.waiverWarningDays = waiverWarningDays
        self.limits = limits
        self.accuracyMapping = accuracyMapping
        self.isBuiltIn = isBuiltIn
    }
}
