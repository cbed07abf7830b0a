import Foundation
import Testing
import LedeTestSupport
import LedeFeatures
import LedePipeline
import LedeText

/// Lede in scikit-learn mode against scikit-learn itself (`Tests/Parity/sklearn_tfidf.py`): identical
/// vocabulary, and every idf and matrix entry within 1e-5. Slow in debug builds; CI runs them in release.
@Suite("scikit-learn parity", .serialized)
struct ScikitLearnParityTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var dataset: String
        var textField: String
        var config: String
        var testDescription: String { "\(dataset) title+\(textField) \(config)" }
    }

    static let cases = [
        Case(dataset: "bbc", textField: "text", config: "unigram"),
        Case(dataset: "bbc", textField: "text", config: "bigram"),
        Case(dataset: "20ng", textField: "body", config: "unigram"),
        Case(dataset: "20ng", textField: "body", config: "bigram"),
    ]

    static func vectorizer(config: String, unicode: UnicodeVersion?) -> TfidfVectorizer {
        switch config {
        case "bigram":
            return TfidfVectorizer(analyzer: .scikitLearn(ngramRange: 1...2, unicodeVersion: unicode),
                                   options: TfidfOptions(minDF: .count(2), sublinearTF: true))
        default:
            return TfidfVectorizer(analyzer: .scikitLearn(unicodeVersion: unicode))
        }
    }

    @Test(.needsDatasets("bbc/train.jsonl", "20ng/train.jsonl"), .needs(ParityHarness.python), arguments: cases)
    func matchesScikitLearn(_ c: Case) throws {
        guard let data = SharedDatasets.require("\(c.dataset)/train.jsonl"),
              let python = ParityHarness.python.require() else { return }
        let out = try ParityHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        try ParityHarness.runScript(python: python, ["--data", data.path, "--text-field", c.textField, "--config", c.config, "--out", out.path])
        let meta = try ParityHarness.readMeta(out.appendingPathComponent("meta.json"))
        let unicode = (meta["unicode"] as? String).flatMap(UnicodeVersion.init(parsing:))

        let fit = try Self.vectorizer(config: c.config, unicode: unicode)
            .fitTransform(jsonLinesAt: data.path, fields: ["title", c.textField], threads: 2, linesPerChunk: 1000)

        let terms = try ParityHarness.readLines(out.appendingPathComponent("vocabulary.txt"))
        #expect(fit.model.vocabulary.count == terms.count)
        let vocabulary = fit.model.vocabulary.terms
        let firstDifference = zip(vocabulary, terms).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstDifference == nil, "first differing term at column \(firstDifference ?? -1)")
        guard vocabulary == terms else { return }

        let idf = try ParityHarness.readArray(out.appendingPathComponent("idf.f64"), as: Double.self)
        let worstIDF = zip(fit.model.idf, idf).map { abs($0 - $1) }.max() ?? 0
        #expect(idf.count == terms.count && worstIDF <= 1e-5)

        let indptr = try ParityHarness.readArray(out.appendingPathComponent("indptr.i64"), as: Int64.self)
        let indices = try ParityHarness.readArray(out.appendingPathComponent("indices.i32"), as: Int32.self)
        let values = try ParityHarness.readArray(out.appendingPathComponent("data.f64"), as: Double.self)
        let matrix = fit.matrix
        #expect(matrix.rowCount == indptr.count - 1)
        #expect(matrix.rowStarts == indptr.map { Int($0) })
        #expect(matrix.columns == indices)
        let worstValue = zip(matrix.values, values).map { abs(Double($0) - $1) }.max() ?? 0
        #expect(matrix.values.count == values.count && worstValue <= 1e-5)
        print("◇ parity \(c.testDescription): \(terms.count) terms, \(values.count) entries, max |Δidf| \(worstIDF), max |Δvalue| \(worstValue)")
    }

    /// Every Basic Multilingual Plane character (and a sample above it) tokenized by both sides: checks the
    /// tables of `\w` and of lower-casing (with the final-sigma rule) scalar by scalar.
    @Test(.needs(ParityHarness.python)) func tokenizerMatchesPythonOnAllOfUnicode() throws {
        guard let python = ParityHarness.python.require() else { return }
        var text = String.UnicodeScalarView()
        let separators: [Unicode.Scalar] = [" ", "a", "\u{3a3}", "'", "Z"]
        var k = 0
        for v in Array(0..<0x10000) + Array(stride(from: 0x10000, to: 0x110000, by: 7)) {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            text.append(scalar)
            text.append(scalar)
            text.append(separators[k % separators.count])
            k += 1
        }
        let out = try ParityHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let input = out.appendingPathComponent("text.txt")
        try String(text).write(to: input, atomically: true, encoding: .utf8)
        try ParityHarness.runScript(python: python, ["--tokens-of", input.path, "--out", out.path])
        let meta = try ParityHarness.readMeta(out.appendingPathComponent("meta.json"))
        let unicode = (meta["unicode"] as? String).flatMap(UnicodeVersion.init(parsing:))
        let expected = try ParityHarness.readLines(out.appendingPathComponent("tokens.txt"))
        let tokens = TextAnalyzer.scikitLearn(unicodeVersion: unicode).tokens(of: String(text))
        #expect(tokens.count == expected.count)
        let firstDifference = zip(tokens, expected).enumerated().first { Array($0.element.0.utf8) != Array($0.element.1.utf8) }?.offset
        #expect(firstDifference == nil, "first difference at token \(firstDifference ?? -1): \(firstDifference.map { "\(tokens[$0].unicodeScalars.map { String($0.value, radix: 16) }) vs \(expected[$0].unicodeScalars.map { String($0.value, radix: 16) })" } ?? "")")
    }
}
