import Foundation
import Testing
import LedeFeatures
@testable import LedeClassifier

/// A small sparse multi-label problem: three labels, each tied to its own block of features; a document
/// carries each label whose block it draws from (so some carry two, some none).
func multiLabelProblem(rows: Int, features: Int, seed: UInt64) -> (CSRMatrix, LabelSets) {
    var state = seed
    func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    let labels = 3, block = features / (labels + 1)
    var matrix = CSRMatrix(columnCount: features)
    var sets: [[Int32]] = []
    for _ in 0..<rows {
        var set: [Int32] = []
        var columns = Set<Int32>()
        for j in 0..<labels where next() % 3 == 0 {
            set.append(Int32(j))
            for _ in 0..<3 { columns.insert(Int32(j * block + Int(next() % UInt64(block)))) }
        }
        // Noise from the last block, which no label owns.
        for _ in 0..<3 { columns.insert(Int32(labels * block + Int(next() % UInt64(features - labels * block)))) }
        let sorted = columns.sorted()
        matrix.appendRow(columns: sorted, values: sorted.map { _ in Float(next() % 1000) / 1000 + 0.1 })
        sets.append(set)
    }
    return (matrix, LabelSets(sets))
}

@Suite("One-vs-rest logistic regression")
struct OneVsRestTests {
    @Test("the gradient matches finite differences of the objective, with sample weights")
    func gradientCheck() {
        let (matrix, sets) = multiLabelProblem(rows: 40, features: 16, seed: 5)
        let weights: [Float] = (0..<40).map { $0 % 4 == 0 ? 2 : 1 }
        var loss = OneVsRestLoss(matrix: matrix, labelSets: sets, sampleWeights: weights, labelCount: 3, c: 0.7, threads: 1)
        var theta: [Float] = (0..<loss.parameterCount).map { Float(($0 * 37) % 11) / 10 - 0.5 }
        var gradient = [Float](repeating: 0, count: theta.count)
        _ = theta.withUnsafeBufferPointer { t in gradient.withUnsafeMutableBufferPointer { loss.evaluateSum(t, gradient: $0) } }
        var scratch = [Float](repeating: 0, count: theta.count)
        for i in 0..<theta.count {
            let h: Float = 1e-2
            let saved = theta[i]
            theta[i] = saved + h
            let up = theta.withUnsafeBufferPointer { t in scratch.withUnsafeMutableBufferPointer { loss.evaluateSum(t, gradient: $0) } }
            theta[i] = saved - h
            let down = theta.withUnsafeBufferPointer { t in scratch.withUnsafeMutableBufferPointer { loss.evaluateSum(t, gradient: $0) } }
            theta[i] = saved
            let numeric = (up - down) / Double(2 * h)
            #expect(abs(numeric - Double(gradient[i])) < 2e-3 * max(1, abs(numeric)), "component \(i)")
        }
    }

    @Test("the objective is each label's binary log-loss, as written out by hand")
    func objectiveValue() {
        let (matrix, sets) = multiLabelProblem(rows: 12, features: 8, seed: 9)
        let c = 2.0
        var loss = OneVsRestLoss(matrix: matrix, labelSets: sets, sampleWeights: [Float](repeating: 1, count: 12), labelCount: 3, c: c, threads: 1)
        let theta: [Float] = (0..<loss.parameterCount).map { Float(($0 * 13) % 7) / 7 - 0.4 }
        var gradient = [Float](repeating: 0, count: theta.count)
        let value = theta.withUnsafeBufferPointer { t in gradient.withUnsafeMutableBufferPointer { loss.evaluateSum(t, gradient: $0) } }
        var expected = 0.0
        for i in 0..<12 {
            for j in 0..<3 {
                var z = Double(theta[8 * 3 + j])
                for e in matrix.entries(ofRow: i) { z += Double(matrix.values[e]) * Double(theta[Int(matrix.columns[e]) * 3 + j]) }
                let p = 1 / (1 + exp(-z))
                expected -= sets[i].contains(Int32(j)) ? log(p) : log(1 - p)
            }
        }
        let norm = theta[0..<24].reduce(0.0) { $0 + Double($1) * Double($1) }
        expected = expected / 12 + norm / (2 * c * 12)
        #expect(abs(value - expected) < 1e-5 * expected)
        // Label by label: the values add up to the total, and the gradient is the same.
        var byLabelGradient = [Float](repeating: 0, count: theta.count)
        let byLabel = theta.withUnsafeBufferPointer { t in byLabelGradient.withUnsafeMutableBufferPointer { loss.evaluate(t, gradient: $0) } }
        #expect(abs(byLabel.values.reduce(0, +) - value) < 1e-9 * value)
        #expect(byLabelGradient == gradient)
        for j in 0..<3 {
            #expect(byLabel.gradientMax[j] == stride(from: j, to: gradient.count, by: 3).map { abs(gradient[$0]) }.max())
        }
    }

    @Test("one fit of all labels finds each label's own solution, and gives the same model on 1 and 2 threads")
    func jointEqualsSeparate() {
        let (matrix, sets) = multiLabelProblem(rows: 3000, features: 400, seed: 11)
        let names = ["a", "b", "c"]
        let options = LogisticRegressionOptions(c: 3, tolerance: 1e-5, threads: 1)
        let joint = OneVsRestRegression.train(matrix: matrix, labelSets: sets, labelNames: names, options: options)
        var twoThreads = options
        twoThreads.threads = 2
        #expect(joint.report.converged, "\(joint.report.stopReason)")
        #expect(OneVsRestRegression.train(matrix: matrix, labelSets: sets, labelNames: names, options: twoThreads).model.parameters
                == joint.model.parameters)
        let v = matrix.columnCount
        for j in 0..<3 {
            let alone = LabelSets((0..<sets.count).map { sets[$0].contains(Int32(j)) ? [0] : [] })
            let single = OneVsRestRegression.train(matrix: matrix, labelSets: alone, labelNames: [names[j]], options: options).model
            var largest: Float = 0
            for t in 0...v { largest = max(largest, abs(single.parameters[t] - joint.model.parameters[t * 3 + j])) }
            #expect(largest < 2e-2, "label \(j): largest difference \(largest)")
        }
        // The model fits: each label's own block pushes its probability up.
        let probabilities = joint.model.sigmoidProbabilities(matrix, threads: 2)
        var right = 0
        for i in 0..<sets.count {
            for j in 0..<3 where (probabilities[i * 3 + j] >= 0.5) == sets[i].contains(Int32(j)) { right += 1 }
        }
        #expect(Double(right) / Double(sets.count * 3) > 0.95)
    }

    @Test("a label with two positives trains: its intercept starts at their log-odds, and its positives score above the rest")
    func rareLabel() {
        let problem = multiLabelProblem(rows: 500, features: 80, seed: 3)
        let matrix = problem.0
        var sets = problem.1
        var rare = [[Int32]]((0..<sets.count).map { Array(sets[$0]) })
        let positives = (0..<rare.count).filter { rare[$0].contains(0) }.prefix(2)
        for i in rare.indices {
            rare[i] = rare[i].filter { $0 != 0 } + (positives.contains(i) ? [0] : [])
        }
        sets = LabelSets(rare)
        let start = OneVsRestRegression.startingPoint(labelSets: sets, weights: [Float](repeating: 1, count: 500), labelCount: 3,
                                                      featureCount: matrix.columnCount)
        #expect(abs(Double(start[80 * 3]) - log(2.0 / 498)) < 1e-5)
        let (model, report) = OneVsRestRegression.train(matrix: matrix, labelSets: sets, labelNames: ["rare", "b", "c"],
                                                        options: LogisticRegressionOptions(c: 30, threads: 1))
        #expect(report.converged)
        let p = model.sigmoidProbabilities(matrix)
        let mean = (0..<500).map { Double(p[$0 * 3]) }.reduce(0, +) / 500
        for i in positives { #expect(Double(p[i * 3]) > 5 * mean) }
    }
}

@Suite("Decision thresholds")
struct DecisionThresholdTests {
    @Test("a label's own threshold is the middle of its best-F1 run; the global one maximizes micro-F1")
    func bestF1() {
        // Label 0: positives at 0.7 and 0.6, negatives at 0.3 and 0.1: any threshold in (0.3, 0.6] is perfect.
        let probabilities: [Float] = [0.7, 0.9, 0.6, 0.9, 0.3, 0.9, 0.1, 0.2]
        let sets = LabelSets([[0, 1], [0, 1], [1], []])
        let choice = DecisionThresholds.choose(probabilities: probabilities, labelSets: sets, labelCount: 2,
                                               rule: ThresholdRule(priorStrength: 0))
        #expect(abs(choice.own[0]! - 0.4505) < 1e-9)  // candidates 0.301…0.600 tie: the middle
        #expect(choice.own[1] != nil && choice.positives == [2, 3])
        // With no prior, each label keeps its own.
        #expect(abs(Double(choice.thresholds[0]) - 0.4505) < 1e-6)
    }

    @Test("shrinkage: tⱼ = (nⱼ·t̂ⱼ + m·g) / (nⱼ + m); a label without positives takes g")
    func shrinkage() {
        var probabilities: [Float] = [], sets: [[Int32]] = []
        // 40 documents: label 0 frequent (its positives at 0.8, negatives at 0.05); label 1 has 1 positive at
        // 0.2 and its negatives at 0.01; label 2 none.
        for i in 0..<40 {
            let first = i < 20, second = i == 0
            probabilities += [first ? 0.8 : 0.05, second ? 0.2 : 0.01, 0.01]
            sets.append((first ? [0] : []) + (second ? [1] : []))
        }
        let rule = ThresholdRule(priorStrength: 10)
        let choice = DecisionThresholds.choose(probabilities: probabilities, labelSets: LabelSets(sets), labelCount: 3, rule: rule)
        let g = choice.global
        let own1 = choice.own[1]!
        #expect(own1 > 0.01 && own1 <= 0.2)
        #expect(abs(Double(choice.thresholds[1]) - (1 * own1 + 10 * g) / 11) < 1e-6)
        #expect(abs(Double(choice.thresholds[0]) - (20 * choice.own[0]! + 10 * g) / 30) < 1e-6)
        #expect(choice.own[2] == nil && Double(choice.thresholds[2]) == Double(Float(g)))
    }
}

@Suite("Multi-label metrics")
struct MultiLabelMetricsTests {
    @Test("micro and macro averages, Hamming loss and exact match, worked by hand; unknown true labels count as misses")
    func byHand() {
        // Labels a, b, c. Truth: {a,b}, {a}, {}, {c, x}. Predicted: {a}, {a,b}, {}, {c}.
        let metrics = MultiLabelMetrics(labels: ["a", "b", "c"], truth: [["a", "b"], ["a"], [], ["c", "x"]],
                                        predicted: LabelSets([[0], [0, 1], [], [2]]))
        // TP: a 2, b 0, c 1 → 3; predicted 4; true 5 (x included).
        #expect(abs(metrics.microPrecision - 0.75) < 1e-12 && abs(metrics.microRecall - 0.6) < 1e-12)
        #expect(abs(metrics.microF1 - 2 * 0.75 * 0.6 / 1.35) < 1e-12)
        #expect(metrics.perLabel.map(\.label) == ["a", "b", "c", "x"])
        #expect(metrics.perLabel.map(\.support) == [2, 1, 1, 1] && metrics.perLabel.map(\.predicted) == [2, 1, 1, 0])
        // Per-label F1: a 1, b 0, c 1, x 0 → macro 0.5.
        #expect(abs(metrics.macroF1 - 0.5) < 1e-12)
        // Wrong decisions: b missed, b extra, x missed = 3 of 4 documents × 4 labels.
        #expect(abs(metrics.hammingLoss - 3.0 / 16) < 1e-12)
        #expect(abs(metrics.exactMatch - 0.25) < 1e-12)
    }
}
