import Foundation
import LedeText

/// scikit-learn's TF-IDF arithmetic, in Double and stored as Float: idf per column, and the weights of one
/// row from its (column, count) pairs: tf (count, 1 when binary, 1 + ln(count) when sublinear) × idf, then
/// the row scaled to unit l2 or l1 norm. A row's values depend only on its own counts, so they are the same
/// however documents are spread over threads.
struct TfidfWeighting: Sendable {
    let options: TfidfOptions
    /// idf per column (all 1 when `useIDF` is false).
    let idf: [Double]

    /// The idf of a term in `df` of `n` documents: ln((1 + n) / (1 + df)) + 1, or ln(n / df) + 1 unsmoothed.
    static func inverseDocumentFrequency(documentFrequency df: Int, documentCount n: Int, smooth: Bool) -> Double {
        let s = smooth ? 1.0 : 0.0
        return log((Double(n) + s) / (Double(df) + s)) + 1
    }

    init(options: TfidfOptions, documentFrequency: [Int], documentCount n: Int) {
        self.options = options
        idf = options.useIDF
            ? documentFrequency.map { Self.inverseDocumentFrequency(documentFrequency: $0, documentCount: n, smooth: options.smoothIDF) }
            : Array(repeating: 1, count: documentFrequency.count)
    }

    init(options: TfidfOptions, idf: [Double]) {
        self.options = options
        self.idf = idf
    }

    /// Weighs one row given as packed pairs `column << 32 | count`, sorting them by column, and appends the
    /// columns and values. `scratch` is reused space. O(k log k) for k pairs.
    func appendRow(_ pairs: UnsafeMutableBufferPointer<UInt64>, idf: UnsafeBufferPointer<Double>, sorter: RowSorter,
                   scratch: GrowableArray<Double>, columns: GrowableArray<Int32>, values: GrowableArray<Float>) {
        columns.reserve(columns.count + pairs.count)
        values.reserve(values.count + pairs.count)
        writeRow(pairs, idf: idf, sorter: sorter, scratch: scratch, columns: columns.base + columns.count, values: values.base + values.count)
        columns.setCount(columns.count + pairs.count)
        values.setCount(values.count + pairs.count)
    }

    /// Weighs one row as `appendRow` does, writing its `pairs.count` columns and values at `columns` and
    /// `values` (its place in a matrix whose row lengths are known beforehand).
    func writeRow(_ pairs: UnsafeMutableBufferPointer<UInt64>, idf: UnsafeBufferPointer<Double>, sorter: RowSorter,
                  scratch: GrowableArray<Double>, columns: UnsafeMutablePointer<Int32>, values: UnsafeMutablePointer<Float>) {
        sorter.sort(pairs)
        scratch.shrink(to: 0)
        scratch.reserve(pairs.count)
        var norm = 0.0
        for pair in pairs {
            let column = Int(pair >> 32)
            let count = Double(UInt32(truncatingIfNeeded: pair))
            var tf = options.binary ? 1.0 : count
            if options.sublinearTF { tf = log(tf) + 1 }
            let w = tf * idf[column]
            scratch.append(w)
            switch options.norm {
            case .l2: norm += w * w
            case .l1: norm += abs(w)
            case .none: break
            }
        }
        switch options.norm {
        case .l2: norm = norm.squareRoot()
        case .l1: break
        case .none: norm = 1
        }
        if norm == 0 { norm = 1 }
        for (k, pair) in pairs.enumerated() {
            columns[k] = Int32(truncatingIfNeeded: pair >> 32)
            values[k] = Float(scratch[k] / norm)
        }
    }
}
