import ArgumentParser
@_spi(Internals) import GateCheck

/// `gatecheck init [--path gates.json]`: the built-in gates as a gates.json to edit; never overwrites.
struct InitCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write the built-in gates as a gates.json to start from.",
        discussion: """
            The file holds the built-in gates, each with a "description", and a "$schema" line so that editors \
            complete and check it (JSON has no comments). Like the built-in defaults every gate says \
            "required": false, so a missing report skips it; delete that line to make a report mandatory (a \
            missing one is then exit 2). An existing file is never overwritten (exit 2).

            Examples:
              gatecheck init                          writes ./gates.json
              gatecheck init --path ci/gates.json     creates ci/ if needed
              gatecheck validate-config gates.json    after editing it
            """
    )

    @Option(help: "Where to write the configuration.")
    var path = "gates.json"

    func execute(in context: CommandContext) -> Int32 {
        let text = ConfigurationWriter.json(gates: Configuration.builtInGates, schema: ConfigurationWriter.schemaURL)
        do {
            try OutputFile.write(text, to: path, mode: .create)
        } catch {
            context.console.writeError(
                "Error: \(error.description); gatecheck init never overwrites a file: move it away or choose "
                    + "another --path\n")
            return ExitStatus.cannotJudge.code
        }
        context.console.writeOut(
            "wrote \(path): the \(Configuration.builtInGates.count) built-in gates, every one optional "
                + "(\"required\": false).\nNext: edit the bounds, then run gatecheck validate-config \(path) and "
                + "gatecheck --config \(path) REPORTS...\n")
        return ExitStatus.pass.code
    }
}
