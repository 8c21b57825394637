import Testing
@testable import SluiceHarness

@Suite struct HarnessCommandTests {
    @Test func namesItself() {
        #expect(HarnessCommand.configuration.commandName == "sluice-harness")
    }
}
