import LedeBLAS

/// Limited-memory BFGS over Float vectors, with a backtracking line search; its vector algebra
/// runs on the OpenBLAS bridge.
///
/// Stops when the largest gradient component is at most `gradientTolerance` (scikit-learn's lbfgs
/// criterion, `gtol`, on the same scaled objective), when an iteration lowers the objective by less
/// than `relativeTolerance` of its size, or after `maxIterations`; the outcome says which.
///
/// Memory: `2·memory + 2` vectors of the parameter count besides `x` itself. The trial point and
/// its gradient are computed straight into the history slot that the new pair (s, y) will occupy,
/// then turned into differences in place, so no other copies are needed.
struct LBFGS {
    var memory = 5
    var maxIterations = 300
    var gradientTolerance = 1e-4
    var relativeTolerance = 1e-9
    var blas = BLAS.openBLAS

    /// Why the optimizer stopped.
    enum Stop: String, Sendable {
        case gradientSmall = "gradient below tolerance"
        case progressSmall = "objective stopped decreasing"
        case iterationLimit = "iteration limit reached"
        case lineSearchFailed = "line search found no decrease"
    }

    /// What a run did.
    struct Outcome: Sendable {
        var stop: Stop
        var iterations: Int
        var evaluations: Int
        var objective: Double
        var gradientMax: Double
        var converged: Bool { stop == .gradientSmall || stop == .progressSmall }
    }

    /// Minimizes `objective` (which returns f(x) and writes ∇f(x)) starting from `x`, in place.
    /// `progress` hears (iteration, objective, largest gradient component) after each iteration.
    func minimize(
        _ xArray: inout [Float],
        objective: (UnsafeBufferPointer<Float>, UnsafeMutableBufferPointer<Float>) -> Double,
        progress: (Int, Double, Double) -> Void = { _, _, _ in }
    ) -> Outcome {
        let n = xArray.count, m = max(1, memory)
        func vector() -> UnsafeMutableBufferPointer<Float> {
            let v = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
            v.initialize(repeating: 0)
            return v
        }
        let g = vector(), d = vector()
        let s = (0..<m).map { _ in vector() }, y = (0..<m).map { _ in vector() }
        defer { for v in [g, d] + s + y { v.deallocate() } }
        var rho = [Double](repeating: 0, count: m), alpha = [Double](repeating: 0, count: m)
        var stored = 0, newest = m - 1

        return xArray.withUnsafeMutableBufferPointer { x in
            func ro(_ v: UnsafeMutableBufferPointer<Float>) -> UnsafeBufferPointer<Float> { UnsafeBufferPointer(v) }
            var f = objective(ro(x), g)
            var outcome = Outcome(stop: .iterationLimit, iterations: 0, evaluations: 1, objective: f,
                                  gradientMax: largestMagnitude(g))
            while true {
                if outcome.gradientMax <= gradientTolerance { outcome.stop = .gradientSmall; break }
                if outcome.iterations >= maxIterations { outcome.stop = .iterationLimit; break }

                // Direction d = −H·g by the two-loop recursion over the stored pairs, newest first.
                for i in 0..<n { d[i] = -g[i] }
                for back in 0..<stored {
                    let i = (newest - back + m) % m
                    alpha[i] = rho[i] * Double(blas.dot(ro(s[i]), ro(d)))
                    blas.axpy(Float(-alpha[i]), ro(y[i]), d)
                }
                if stored > 0 {
                    let yy = Double(blas.dot(ro(y[newest]), ro(y[newest])))
                    blas.scal(Float(1 / (rho[newest] * yy)), d)
                }
                for forward in 0..<stored {
                    let i = (newest - stored + 1 + forward + m) % m
                    let beta = rho[i] * Double(blas.dot(ro(y[i]), ro(d)))
                    blas.axpy(Float(alpha[i] - beta), ro(s[i]), d)
                }
                var slope = Double(blas.dot(ro(g), ro(d)))
                if slope >= 0 {  // not a descent direction (rounding): restart from steepest descent
                    for i in 0..<n { d[i] = -g[i] }
                    stored = 0
                    slope = Double(blas.dot(ro(g), ro(d)))
                }

                // Backtracking line search on the Armijo condition, trial point and gradient written
                // into the slot the new pair takes (it holds the oldest pair, already used above).
                let slot = (newest + 1) % m
                if stored == m { stored -= 1 }
                let trial = s[slot], gTrial = y[slot]
                var step = stored == 0 ? min(1, 1 / Double(blas.nrm2(ro(g)))) : 1
                var fTrial = f, accepted = false
                for _ in 0..<40 {
                    let alphaStep = Float(step)
                    for i in 0..<n { trial[i] = x[i] + alphaStep * d[i] }
                    fTrial = objective(ro(trial), gTrial)
                    outcome.evaluations += 1
                    if fTrial.isFinite && fTrial <= f + 1e-4 * step * slope { accepted = true; break }
                    // Minimizer of the quadratic through f, the slope and fTrial, kept within [0.1, 0.5]·step.
                    let quadratic = -slope * step / (2 * (fTrial - f - slope * step))
                    step *= fTrial.isFinite ? max(0.1, min(0.5, quadratic)) : 0.1
                }
                if !accepted { outcome.stop = .lineSearchFailed; break }

                // s = trial − x, y = g_trial − g in place; then x ← x + s and g ← g + y.
                for i in 0..<n {
                    let sNew = trial[i] - x[i], yNew = gTrial[i] - g[i]
                    trial[i] = sNew
                    gTrial[i] = yNew
                    x[i] += sNew
                    g[i] += yNew
                }
                let sy = Double(blas.dot(ro(trial), ro(gTrial)))
                if sy > 1e-10 * Double(blas.dot(ro(gTrial), ro(gTrial))) {  // keep only pairs with positive curvature
                    rho[slot] = 1 / sy
                    newest = slot
                    stored += 1
                }
                let decrease = f - fTrial
                f = fTrial
                outcome.iterations += 1
                outcome.objective = f
                outcome.gradientMax = largestMagnitude(g)
                progress(outcome.iterations, f, outcome.gradientMax)
                if decrease <= relativeTolerance * max(abs(f), 1) {
                    outcome.stop = outcome.gradientMax <= gradientTolerance ? .gradientSmall : .progressSmall
                    break
                }
            }
            return outcome
        }
    }

    private func largestMagnitude(_ v: UnsafeMutableBufferPointer<Float>) -> Double {
        var m: Float = 0
        for e in v { m = max(m, abs(e)) }
        return Double(m)
    }
}
