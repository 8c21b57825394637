import SluiceJobs

JobCommand.main()
