import ArgumentParser
import GateCheckCLI
import Testing

@Test func commandNameIsGatecheck() {
    #expect(GateCheckCommand.configuration.commandName == "gatecheck")
}
