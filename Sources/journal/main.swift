import JournalCLI

JournalCommand.main()
