import ArgumentParser
import GateCheckCLI

GateCheckCommand.main()
