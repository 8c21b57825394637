import SluiceHarness

HarnessCommand.main()
