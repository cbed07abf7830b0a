import Foundation
import Lede
@testable import LedeCLI
import Testing
import LedeTestSupport

/// The verbs parsed in-process through the LedeCLI library, as swift-argument-parser's own tests do.
@Suite("lede's arguments, parsed in-process")
struct CommandParsingTests {
    @Test("options with a fixed set of values parse to their types, and a value outside the set is a usage error")
    func typedOptions() throws {
        let train = try #require(try LedeCommand.parseAsRoot(["train", "--data", "d.jsonl", "-o", "m.safetensors",
                                                              "--class-weight", "balanced", "--c", "auto"]) as? TrainCommand)
        #expect(train.classWeight == .balanced && train.search.c == .auto && train.output == "m.safetensors")
        #expect(throws: (any Error).self) {
            try LedeCommand.parseAsRoot(["train", "--data", "d.jsonl", "-o", "m.safetensors", "--class-weight", "heavy"])
        }
        #expect(throws: (any Error).self) {
            try LedeCommand.parseAsRoot(["train", "--data", "d.jsonl", "-o", "m.safetensors", "--ngram-range", "3-1"])
        }
    }

    @Test("short flags reach the same options as the long ones")
    func shortFlags() throws {
        let long = try #require(try LedeCommand.parseAsRoot(["summarize", "--sentences", "2"]) as? SummarizeCommand)
        let short = try #require(try LedeCommand.parseAsRoot(["summarize", "-n", "2"]) as? SummarizeCommand)
        #expect(long.flags.sentences == 2 && short.flags.sentences == 2)
    }

    @Test("the library's TopicModelTrainer and lede train write the same tensors from the same data")
    func libraryMatchesCommand() throws {
        let data = CommandRunner.packageRoot.appendingPathComponent("datasets/examples.jsonl").path
        let folder = TestFiles.url("parity")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fromCommand = folder.appendingPathComponent("command.safetensors").path
        let result = try CommandRunner.run(["train", "--data", data, "-o", fromCommand])
        #expect(result.status == 0, "\(result.stderr)")

        let corpus = try LabeledCorpus(paths: [data], fields: RecordFields())
        let library = try TopicModelTrainer().train(corpus, dataNames: ["examples.jsonl"], fields: RecordFields())
        let command = try ModelFile.load(from: fromCommand)
        #expect(command.titleWeight == library.titleWeight && library.titleWeight == TopicModelDefaults.titleWeight)
        #expect(command.tfidf.vocabulary.count == library.tfidf.vocabulary.count && command.tfidf.idf == library.tfidf.idf)
        #expect(command.classifier.labels == library.classifier.labels)
        #expect(command.classifier.parameters == library.classifier.parameters)
        #expect(command.temperature == library.temperature)
        // And both read a new article's title as they were trained to.
        let title = ["Late goal sends Riverside into the final"], text = ["The striker scored in extra time."]
        #expect(command.predict(titles: title, texts: text).map(\.label) == library.predict(titles: title, texts: text).map(\.label))
    }
}
