import ArgumentParser
import GateCheck

public struct GateCheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "gatecheck", version: GateCheck.version)
    public init() {}
    public func run() throws {}
}
