import GateCheck
import Testing

@Test func versionIsSemantic() {
    #expect(GateCheck.version.split(separator: ".").count == 3)
}
