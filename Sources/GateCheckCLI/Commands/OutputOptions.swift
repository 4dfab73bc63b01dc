import ArgumentParser
import GateCheck

extension OutputFormat: ExpressibleByArgument {}

/// When to colour text output.
enum ColorMode: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never
}

/// Output options shared by the commands that print a verdict.
struct OutputOptions: ParsableArguments {
    @Option(help: "The format printed on standard output: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: "Colour in text output: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorMode = .auto

    @Flag(help: "Text output lists only failing, warning and erroring gates.")
    var quiet = false

    @Flag(help: "For every gate, show the comparison made and the files the numbers came from.")
    var explain = false
}
