import LedeCLI

// The `lede` executable: everything it does lives in the LedeCLI library.
LedeCommand.main()
