import Foundation

/// An objective that is a sum over the columns (labels) of its parameter matrix, fⱼ depending on column
/// j alone, which `LabelwiseLBFGS` minimizes; it can be told to drop the labels already done.
protocol LabelwiseObjective {
    /// Each kept label's fⱼ and max|∇fⱼ| at `x` (rows × kept labels, row-major), writing the gradient.
    mutating func evaluate(_ x: UnsafeBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>) -> LabelwiseLBFGS.Evaluation
    /// The same for some of the kept labels only (`columns`, increasing): their values in that order, and
    /// their columns of the gradient written (the others left as they are).
    mutating func evaluate(_ x: UnsafeBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>,
                           columns: [Int]) -> LabelwiseLBFGS.Evaluation
    /// From now on, only these of the kept labels (increasing indices into them), in that order.
    mutating func keep(_ labels: [Int])
}

/// L-BFGS for a separable objective f(W) = Σⱼ fⱼ(W[:, j]) over the K columns of a row-major R×K
/// matrix (a one-vs-rest model's labels): K independent minimizations run in lockstep, so that every
/// evaluation of the objective serves all of them (one pass over the sparse rows computes every
/// label's scores and gradient), while each label keeps its own curvature history, its own step
/// length (a `LineSearch` per label) and its own stopping test.
///
/// Why not `LBFGS` on the whole matrix: it would minimize the same sum, but with one step length and
/// one curvature model for all labels, so every label goes on until the slowest has converged, and the
/// labels' curvatures blur into each other. On Reuters-21578 train at C = 30 (115 labels; measured
/// 2026-12-07) that took 126 iterations, where here most labels stop after 10–30 (the slowest after
/// about 60), at a slightly lower objective. Once a quarter of the columns worked on belong to labels
/// that have stopped (`narrowing`), the work narrows to the others: the objective, the parameters and
/// the history keep only their columns, so later iterations cost what those labels cost. Labels that no
/// document carries, or every document, never enter (`OneVsRestRegression` leaves them out).
///
/// A label's stopping test is `LBFGS`'s, on its own objective and gradient: the largest component of
/// its gradient at most its tolerance while its objective fell by at most `windowTolerance` over the
/// last `window` iterations; or an iteration lowering it by less than `relativeTolerance`; or a line
/// search that finds no decrease. All labels stop at `maxIterations`. A label's tolerance is
/// `gradientTolerance` scaled by the label's size: times fⱼ(x₀)/log 2, its objective at the start over
/// that of a label half the documents carry (at most 1). Why: a label's gradient is about as large as
/// the share of documents it concerns, so scikit-learn's absolute test (the tolerance alone, per
/// binary problem) passes at the very start for a label with a few positives among thousands of
/// documents (on Reuters-21578, 45 of 115 labels), leaving its weights at zero; scaled, such a label
/// trains like a frequent one.
///
/// Line searches: a label's first step (no curvature pair yet) moves a unit length and may grow as
/// `LineSearch` grows it, since the scale of the problem is unknown; later steps are plain Armijo
/// backtracking from step 1. Each iteration's first trial evaluates every label; a retry evaluates only
/// the labels still searching (when they are fewer than half), so that a few labels backtracking cost
/// what those labels cost, not a whole evaluation.
struct LabelwiseLBFGS {
    var memory = 3
    var maxIterations = 300
    var gradientTolerance = 1e-4
    var relativeTolerance = 1e-9
    var window = 5
    var windowTolerance = 1e-3
    var threads = 1
    /// Whether `x` starts from a related problem's solution (see `LBFGS.warmStart`).
    var warmStart = false
    /// Narrow the work once the running labels are at most this share of the columns worked on. On
    /// Reuters-21578 train at C = 30 (measured 2026-12-07, medians of 4), 0.75 fitted in 4.3 s, 0.65 in
    /// 4.4 s, 0.85 in 4.5 s and 0.5 in 4.7 s: narrowing compacts the vectors in place, cheaper than the
    /// idle columns' share of the passes it saves.
    var narrowing = 0.75

    /// Each label's objective values and largest gradient components at a point.
    typealias Evaluation = (values: [Double], gradientMax: [Float])

    /// What a run did: per label, and overall.
    struct Outcome: Sendable {
        /// Why each label stopped.
        var stops: [LBFGS.Stop]
        /// Iterations each label ran.
        var labelIterations: [Int]
        /// Evaluations of the objective.
        var evaluations: Int
        /// Each label's objective at the end.
        var values: [Double]
        /// Each label's largest gradient component at the end.
        var gradientMax: [Float]

        /// Iterations of the lockstep loop: the most any label ran.
        var iterations: Int { labelIterations.max() ?? 0 }
        var objective: Double { values.reduce(0, +) }
        var largestGradient: Double { Double(gradientMax.max() ?? 0) }
        var converged: Bool { stops.allSatisfy { $0 == .gradientSmall || $0 == .progressSmall || $0 == .constantLabel } }

        /// Why the run stopped, in words: the stop shared by all labels, or each kind of stop with its count.
        var stopReason: String {
            let kinds = Dictionary(grouping: stops, by: { $0 })
            if kinds.count == 1 { return stops[0].rawValue + (stops.count > 1 ? " (every label)" : "") }
            return kinds.sorted { ($0.value.count, $1.key.rawValue) > ($1.value.count, $0.key.rawValue) }
                .map { "\($0.key.rawValue) (\($0.value.count) labels)" }.joined(separator: ", ")
        }
    }

    /// Minimizes every column's objective starting from `x` (rows × K, row-major), in place. `progress`
    /// hears (iteration, Σⱼ fⱼ, the largest gradient component of the labels still running) after each iteration.
    func minimize<Objective: LabelwiseObjective>(_ x: inout [Float], rows: Int, columns labelCount: Int, objective: inout Objective,
                                                 progress: (Int, Double, Double) -> Void = { _, _, _ in }) -> Outcome {
        precondition(x.count == rows * labelCount, "LabelwiseLBFGS: x has the wrong size")
        // The columns worked on (label numbers), their parameters, and their history.
        var labels = Array(0..<labelCount)
        var work = x
        var history = LabelwiseHistory(memory: max(1, memory), rows: rows, columns: labelCount, threads: threads)
        defer { history.deallocate() }

        let first = work.withUnsafeBufferPointer { objective.evaluate($0, gradient: history.buffer(history.gradient)) }
        history.gradientChanged()
        var outcome = Outcome(stops: [LBFGS.Stop](repeating: .iterationLimit, count: labelCount),
                              labelIterations: [Int](repeating: 0, count: labelCount),
                              evaluations: 1, values: first.values, gradientMax: first.gradientMax)
        var running = [Bool](repeating: true, count: labelCount)  // by label number
        var recent = first.values.map { [$0] }  // each label's objective over its last `window` iterations
        let tolerance = first.values.map { gradientTolerance * min(1, max(0, $0) / log(2.0)) }
        func gradientSmall(_ j: Int) -> Bool {
            guard Double(outcome.gradientMax[j]) <= tolerance[j] else { return false }
            let iterations = outcome.labelIterations[j]
            if iterations == 0 { return !warmStart }
            if warmStart && iterations < window { return false }
            return recent[j][0] - outcome.values[j] <= windowTolerance * abs(outcome.values[j])
        }
        /// Writes some worked columns' parameters (indices into `labels`) back into `x`.
        func writeBack(_ columns: [Int]) {
            let k = labels.count
            for r in 0..<rows { for c in columns { x[r * labelCount + labels[c]] = work[r * k + c] } }
        }

        var iteration = 0
        while true {
            for j in 0..<labelCount where running[j] && gradientSmall(j) {
                running[j] = false
                outcome.stops[j] = .gradientSmall
            }
            let stillRunning = labels.indices.filter { running[labels[$0]] }
            guard !stillRunning.isEmpty, iteration < maxIterations else { break }  // at the limit, the running keep `.iterationLimit`
            if Double(stillRunning.count) <= narrowing * Double(labels.count) {
                let k = labels.count, n = stillRunning.count
                writeBack(Array(Set(0..<k).subtracting(stillRunning)).sorted())
                work.withUnsafeMutableBufferPointer { ColumnPasses.compact($0.baseAddress!, rows: rows, columns: k, keeping: stillRunning) }
                work.removeLast(rows * (k - n))
                history.keep(stillRunning)
                objective.keep(stillRunning)
                labels = stillRunning.map { labels[$0] }
            }
            let k = labels.count

            // Directions dⱼ = −Hⱼ·gⱼ (one pass), then a line search per label, all of them served by each
            // evaluation; a label whose search is over stays where it is while the others search on.
            let active = labels.map { running[$0] }
            let (d, slopes) = history.writeDirection(active: active)
            let direction = UnsafePointer(history.buffer(d).baseAddress!)
            let gTrial = history.takeGradientBuffer()
            var searches: [LineSearch?] = (0..<k).map { c in
                guard active[c] else { return nil }
                let fresh = !history.hasPairs(c)
                // A label's first step moves a unit length; later ones take the quasi-Newton step.
                return LineSearch(value: outcome.values[labels[c]], slope: slopes[c],
                                  step: fresh ? 1 / max(history.gradientNorm(c), 1e-12) : 1, extrapolates: fresh)
            }
            var taken = [Double](repeating: 0, count: k)
            var latest = (values: labels.map { outcome.values[$0] }, gradientMax: labels.map { outcome.gradientMax[$0] })
            var firstTrial = true
            while true {
                let pending = (0..<k).filter { searches[$0]?.nextStep != nil }
                if pending.isEmpty { break }
                let moves = (0..<k).map { c in Float((searches[c]?.nextStep ?? taken[c]) - taken[c]) }
                for c in pending { taken[c] = searches[c]!.nextStep! }
                // The first trial moves and evaluates every label; a retry (a label backtracking, or growing
                // its first step) moves and evaluates only the labels still searching, when they are few.
                let gradient = history.buffer(gTrial)
                var trialSlope: (Int) -> Double
                if firstTrial || 2 * pending.count > k {
                    work.withUnsafeMutableBufferPointer {
                        ColumnPasses.scaledAdd(moves, direction, to: $0.baseAddress!, rows: rows, columns: k, threads: threads)
                    }
                    let trial = work.withUnsafeBufferPointer { objective.evaluate($0, gradient: gradient) }
                    for c in pending {
                        latest.values[c] = trial.values[c]
                        latest.gradientMax[c] = trial.gradientMax[c]
                    }
                    if firstTrial { latest = trial }
                    var slopes: [Double]?  // one pass for all labels, when a search first asks
                    trialSlope = { c in
                        if slopes == nil {
                            slopes = ColumnPasses.dots([(UnsafePointer(gradient.baseAddress!), direction)],
                                                       rows: rows, columns: k, threads: threads)[0]
                        }
                        return slopes![c]
                    }
                } else {
                    work.withUnsafeMutableBufferPointer {  // `moves` is 0 for the labels not searching
                        ColumnPasses.scaledAdd(moves, direction, to: $0.baseAddress!, rows: rows, columns: k, threads: threads)
                    }
                    let trial = work.withUnsafeBufferPointer { objective.evaluate($0, gradient: gradient, columns: pending) }
                    for (i, c) in pending.enumerated() {
                        latest.values[c] = trial.values[i]
                        latest.gradientMax[c] = trial.gradientMax[i]
                    }
                    trialSlope = { c in
                        var sum = 0.0
                        for r in 0..<rows { sum += Double(gradient[r * k + c]) * Double(direction[r * k + c]) }
                        return sum
                    }
                }
                firstTrial = false
                outcome.evaluations += 1
                for c in pending {
                    searches[c]!.record(value: latest.values[c]) { trialSlope(c) }
                }
            }
            // Labels whose search found no acceptable step go back to where they were, and stop.
            var back = [Float](repeating: 0, count: k)
            let oldGradient = UnsafePointer(history.buffer(history.gradient).baseAddress!)
            for c in 0..<k {
                guard let search = searches[c], !search.accepted else { continue }
                let j = labels[c]
                back[c] = Float(-taken[c])
                taken[c] = 0
                running[j] = false
                outcome.stops[j] = Double(outcome.gradientMax[j]) <= tolerance[j] ? .gradientSmall : .lineSearchFailed
                // The new gradient buffer gets the old point's gradient in this column.
                let g = history.buffer(gTrial).baseAddress!
                for r in 0..<rows { g[r * k + c] = oldGradient[r * k + c] }
                latest.values[c] = outcome.values[j]
                latest.gradientMax[c] = outcome.gradientMax[j]
            }
            if back.contains(where: { $0 != 0 }) {
                work.withUnsafeMutableBufferPointer {
                    ColumnPasses.scaledAdd(back, direction, to: $0.baseAddress!, rows: rows, columns: k, threads: threads)
                }
            }
            history.accept(direction: d, steps: taken, gradient: gTrial)

            iteration += 1
            for (c, j) in labels.enumerated() where running[j] {
                let decrease = outcome.values[j] - latest.values[c]
                outcome.values[j] = latest.values[c]
                outcome.gradientMax[j] = latest.gradientMax[c]
                outcome.labelIterations[j] += 1
                recent[j].append(latest.values[c])
                if recent[j].count > window + 1 { recent[j].removeFirst() }
                if decrease <= relativeTolerance * max(abs(latest.values[c]), 1) {
                    running[j] = false
                    outcome.stops[j] = Double(outcome.gradientMax[j]) <= tolerance[j] ? .gradientSmall : .progressSmall
                }
            }
            let largest = (0..<labelCount).filter { running[$0] }.map { Double(outcome.gradientMax[$0]) }.max() ?? 0
            progress(iteration, outcome.objective, largest)
        }
        writeBack(Array(labels.indices))
        return outcome
    }
}
