import ArgumentParser
@_spi(Internals) import GateCheck

extension OutputFormat: ExpressibleByArgument {}

/// When to colour text output.
enum ColorMode: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never
}

/// `--output FORMAT=PATH`: one more output, written to a file; `baseline=PATH` writes the run's baseline.
struct OutputTarget: Hashable {
    /// The verdict's format; `nil` for `baseline`, which is not a rendering of the verdict.
    var format: OutputFormat?
    var path: String

    /// What the command line called the output (`junit`, `baseline`).
    var formatName: String { format?.rawValue ?? Self.baselineName }

    /// `--output baseline=PATH`.
    static let baselineName = "baseline"

    /// Parses `FORMAT=PATH`; the error names the formats.
    static func parse(_ argument: String) throws -> OutputTarget {
        let formats = (OutputFormat.allCases.map(\.rawValue) + [baselineName]).joined(separator: ", ")
        guard let equals = argument.firstIndex(of: "=") else {
            throw ValidationError(
                "'\(argument)' is not FORMAT=PATH (for example junit=gatecheck.xml); FORMAT is one of \(formats)")
        }
        let name = String(argument[..<equals])
        let format = OutputFormat(rawValue: name)
        guard format != nil || name == baselineName else {
            throw ValidationError("'\(name)' is not an output format; use one of \(formats)")
        }
        let path = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else { throw ValidationError("'\(argument)' names no file after '='") }
        return OutputTarget(format: format, path: path)
    }
}

/// Output options shared by the commands that print a verdict.
struct OutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The format printed on standard output.",
            discussion: "Default: text; on GitHub Actions (GITHUB_ACTIONS=true) github annotations followed by text."))
    var format: OutputFormat?

    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "Also write FORMAT to the file PATH (repeatable), e.g. --output junit=gatecheck.xml; baseline=PATH writes "
                + "the run's baseline (docs/baselines.md).",
            discussion:
                "PATH is replaced atomically; one of the inputs, or another output's file, is refused (exit 64).",
            valueName: "FORMAT=PATH"),
        completion: .list((OutputFormat.allCases.map(\.rawValue) + [OutputTarget.baselineName]).map { "\($0)=" }),
        transform: OutputTarget.parse)
    var outputs: [OutputTarget] = []

    @Option(help: "Colour in text output: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Flag(help: "Text output lists only failing, warning and erroring gates.")
    var quiet = false

    @Flag(help: "For every gate, show numerator, denominator, rounding, the comparison made and the source files.")
    var explain = false

    @Flag(help: "SARIF output also carries the located findings behind failing and warning gates.")
    var sarifFindings = false

    func validate() throws {
        var seen: Set<String> = []
        for target in outputs where !seen.insert(target.path).inserted {
            throw ValidationError("--output names \(target.path) twice; give each output its own file")
        }
    }
}
