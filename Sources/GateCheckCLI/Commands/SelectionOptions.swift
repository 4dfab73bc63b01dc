import ArgumentParser
@_spi(Internals) import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `--only TAG[,TAG]` and `--skip TAG[,TAG]`: which gates of the configuration a run judges, by their tags.
struct SelectionOptions: ParsableArguments {
    @Option(
        name: .customLong("only"),
        help: ArgumentHelp(
            "Judge only the gates carrying one of these tags (repeatable, comma-separated), e.g. --only security.",
            discussion: "A tag no gate carries, or a selection that leaves no gate, is exit 2.",
            valueName: "TAG[,TAG]"))
    var only: [String] = []

    @Option(
        name: .customLong("skip"),
        help: ArgumentHelp(
            "Leave out the gates carrying one of these tags (repeatable, comma-separated), after --only.",
            valueName: "TAG[,TAG]"))
    var skip: [String] = []

    /// The options as a selection, each comma-separated list split into its tags.
    var selection: GateSelection {
        GateSelection(only: Self.split(only), skip: Self.split(skip))
    }

    /// Refuses an empty tag (`--only ''`, `--only a,,b`): it names no gate, and the command line is wrong (exit 64).
    func validate() throws {
        for (option, values) in [("--only", only), ("--skip", skip)] {
            for value in values
            where value.split(separator: ",", omittingEmptySubsequences: false).contains(where: {
                Self.trimmed($0).isEmpty
            }) {
                throw ValidationError("\(option) '\(value)' holds an empty tag; write TAG[,TAG] with no empty entry")
            }
        }
    }

    /// The tag without surrounding spaces (`--only "test, security"`).
    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    private static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { trimmed($0) } }
    }
}
