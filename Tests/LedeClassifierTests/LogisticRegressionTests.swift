import Testing
import LedeFeatures
@testable import LedeClassifier

/// A small random sparse problem whose label depends on which block of features a row uses.
func syntheticProblem(rows: Int, features: Int, classes: Int, seed: UInt64) -> (CSRMatrix, [Int32]) {
    var state = seed
    func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    var matrix = CSRMatrix(columnCount: features)
    var labels: [Int32] = []
    for _ in 0..<rows {
        let label = Int(next() % UInt64(classes))
        var columns = Set<Int32>()
        for _ in 0..<6 {
            // Mostly features of the label's own block, sometimes any feature.
            let block = features / classes
            let f = next() % 4 == 0 ? Int(next() % UInt64(features)) : label * block + Int(next() % UInt64(block))
            columns.insert(Int32(f))
        }
        let sorted = columns.sorted()
        matrix.appendRow(columns: sorted, values: sorted.map { _ in Float(next() % 1000) / 1000 + 0.1 })
        labels.append(Int32(label))
    }
    return (matrix, labels)
}

@Suite("Logistic regression")
struct LogisticRegressionTests {
    @Test("the gradient matches finite differences of the objective")
    func gradientCheck() {
        let (matrix, labels) = syntheticProblem(rows: 40, features: 12, classes: 3, seed: 7)
        var loss = SoftmaxLoss(matrix: matrix, labels: labels, sampleWeights: labels.map { $0 == 1 ? 2 : 1 },
                               classCount: 3, c: 0.7, threads: 1)
        var theta: [Float] = (0..<loss.parameterCount).map { Float(($0 * 37) % 11) / 10 - 0.5 }
        var gradient = [Float](repeating: 0, count: theta.count)
        _ = theta.withUnsafeBufferPointer { t in gradient.withUnsafeMutableBufferPointer { loss.evaluate(t, gradient: $0) } }
        var scratch = [Float](repeating: 0, count: theta.count)
        for i in stride(from: 0, to: theta.count, by: 3) {
            let h: Float = 1e-2
            let saved = theta[i]
            theta[i] = saved + h
            let up = theta.withUnsafeBufferPointer { t in scratch.withUnsafeMutableBufferPointer { loss.evaluate(t, gradient: $0) } }
            theta[i] = saved - h
            let down = theta.withUnsafeBufferPointer { t in scratch.withUnsafeMutableBufferPointer { loss.evaluate(t, gradient: $0) } }
            theta[i] = saved
            let numeric = (up - down) / Double(2 * h)
            #expect(abs(numeric - Double(gradient[i])) < 2e-3 * max(1, abs(numeric)), "component \(i)")
        }
    }

    @Test("training converges, fits the data, and gives the same model on 1 and 2 threads")
    func trainsDeterministically() {
        let (matrix, labels) = syntheticProblem(rows: 3000, features: 400, classes: 5, seed: 11)
        let names = (0..<5).map { "label\($0)" }
        let one = LogisticRegression.train(matrix: matrix, labels: labels, labelNames: names,
                                           options: .init(c: 10, threads: 1))
        let two = LogisticRegression.train(matrix: matrix, labels: labels, labelNames: names,
                                           options: .init(c: 10, threads: 2))
        #expect(one.report.converged, "\(one.report.stopReason)")
        #expect(one.model.parameters == two.model.parameters)
        let probabilities = one.model.probabilities(matrix, threads: 2)
        var correct = 0
        for r in 0..<matrix.rowCount {
            let row = probabilities[r * 5..<(r + 1) * 5]
            if row.firstIndex(of: row.max()!)! - r * 5 == Int(labels[r]) { correct += 1 }
            #expect(abs(row.reduce(0, +) - 1) < 1e-4)
        }
        #expect(Double(correct) / Double(matrix.rowCount) > 0.9)
    }

    @Test("balanced class weights give a rare label more weight")
    func balancedWeights() {
        var (matrix, labels) = syntheticProblem(rows: 1000, features: 60, classes: 2, seed: 3)
        // Keep only a few rows of label 1.
        var kept = CSRMatrix(columnCount: matrix.columnCount), keptLabels: [Int32] = []
        var ones = 0
        for r in 0..<matrix.rowCount where labels[r] == 0 || ones < 30 {
            if labels[r] == 1 { ones += 1 }
            let range = matrix.entries(ofRow: r)
            kept.appendRow(columns: Array(matrix.columns[range]), values: Array(matrix.values[range]))
            keptLabels.append(labels[r])
        }
        (matrix, labels) = (kept, keptLabels)
        let plain = LogisticRegression.train(matrix: matrix, labels: labels, labelNames: ["a", "b"], options: .init(c: 0.1))
        let balanced = LogisticRegression.train(matrix: matrix, labels: labels, labelNames: ["a", "b"],
                                                options: .init(c: 0.1, classWeight: .balanced))
        let meanB = { (m: LogisticRegressionModel) in
            stride(from: 1, to: m.probabilities(matrix).count, by: 2).map { m.probabilities(matrix)[$0] }.reduce(0, +)
        }
        #expect(meanB(balanced.model) > meanB(plain.model))
    }
}
