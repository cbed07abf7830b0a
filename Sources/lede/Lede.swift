import ArgumentParser
import Lede

/// The `lede` command: a thin layer over the Lede library.
@main
struct LedeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lede",
        abstract: "Topic classification and extractive summaries for news text.",
        discussion: """
        Reads articles as JSON Lines (one object per line, with "id", "title" and "text"), \
        writes one JSON line per article, in order. Logs go to stderr.
        """,
        version: LedeInfo.version,
        subcommands: []
    )
}
