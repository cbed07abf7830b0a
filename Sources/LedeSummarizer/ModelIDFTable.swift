import LedeText
import LedeFeatures
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only map from a fitted model's single-word terms to their idf, shared by all workers.
final class ModelIDFTable: @unchecked Sendable {
    /// Each single-word term, its value the index of its idf.
    private let table: ByteKeyTable
    private let idf: [Float]
    /// The idf given to terms the model never saw: that of a term in no document, `ln(n + 1) + 1`
    /// (scikit-learn's smoothed formula with df = 0), or the model's largest idf if that is larger.
    let unseenIDF: Float

    /// Builds the map from a model's vocabulary. Word n-grams of two or more words are left out (the
    /// summarizer weighs single words), and so is every term of a character n-gram model, whose terms
    /// are not words: with such a model every word gets the same idf, so the weights are plain tf.
    init(model: TfidfModel) {
        let vocabulary = model.vocabulary
        let table = ByteKeyTable(capacity: vocabulary.count, keyBytes: vocabulary.bytes.count)
        var idf: [Float] = []
        idf.reserveCapacity(vocabulary.count)
        var largest: Double = 1
        var wordTerms = false
        if case .words = model.analyzer.terms { wordTerms = true }
        vocabulary.bytes.withUnsafeBufferPointer { bytes in
            guard wordTerms, let base = bytes.baseAddress else { return }
            for column in 0..<vocabulary.count {
                let start = vocabulary.starts[column], end = vocabulary.starts[column + 1]
                guard end > start, !bytes[start..<end].contains(0x20) else { continue }
                let term = base + start, length = end - start
                if table.intern(term, length, hash: ByteHash.hash(term, length)).inserted { idf.append(Float(model.idf[column])) }
                largest = max(largest, model.idf[column])
            }
        }
        self.table = table
        self.idf = idf
        unseenIDF = Float(max(largest, log(Double(model.documentCount) + 1) + 1))
    }

    /// The idf of a term given as bytes.
    @inline(__always) func idf(_ p: UnsafePointer<UInt8>, _ n: Int) -> Float {
        if let id = table.find(p, n, hash: ByteHash.hash(p, n)) { return idf[Int(id)] }
        return unseenIDF
    }
}
