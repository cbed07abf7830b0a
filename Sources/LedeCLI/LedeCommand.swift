import ArgumentParser
import Foundation
import Lede

/// The `lede` command: a thin layer over the Lede library. The `lede` executable calls `LedeCommand.main()`; tests
/// parse and run its verbs in-process.
public struct LedeCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Topic classification and extractive summaries for news text.",
        discussion: """
        Reads articles as JSON Lines (one object per line, with "id", "title" and "text"), and \
        writes one JSON line per article, in order. Logs and progress go to stderr.
        """ + exitCodesHelp,
        version: LedeInfo.version,
        subcommands: [TrainCommand.self, EvaluateCommand.self, ClassifyCommand.self, SummarizeCommand.self, ProcessCommand.self, ExtractCommand.self, SentencesCommand.self, InspectCommand.self]
    )

    /// Stops OpenBLAS's idle start-up threads before anything else runs (see `BLASThreads`), then runs the command.
    public static func main() {
        BLASThreads.ensureConfigured()
        if CommandLine.arguments.count == 1 {
            // No verb: the help, on stderr since it is not the output of a run, and a usage error.
            FileHandle.standardError.write(Data((helpMessage() + "\n").utf8))
            Foundation.exit(64)
        }
        // `train summarizer` shares option names (--data, -o) with `train`, whose parse would take them first.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.count >= 2 && arguments[0] == "train" && arguments[1] == "summarizer" {
            TrainSummarizerCommand.main(Array(arguments.dropFirst(2)))
            Foundation.exit(0)
        }
        main(nil)
    }
}
