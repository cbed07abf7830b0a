/// The step-length choice of `LBFGS`, as a small state machine: the caller evaluates the objective
/// at `nextStep` and reports the value, until `nextStep` is nil; then `accepted` says whether the
/// last step evaluated is the one to take.
///
/// A step is accepted when it lowers f enough (Armijo, c₁ = 1e-4) and the slope there has risen
/// to at least 0.9 of the initial one (weak Wolfe curvature condition). While the first condition
/// holds and the second does not, the step grows (the secant estimate of where the slope reaches
/// zero, 2–8 times the step, at most 4 times); once a step is too long, the search returns to the
/// last good one, or without one backtracks by quadratic interpolation (0.1–0.5 of the step), as
/// a plain Armijo search does. Growing the step matters in the first iterations, when the history
/// has not yet learned the scale of the problem. The slope at a trial point is only asked for when
/// the step might grow, since it costs a pass over the vectors. With `extrapolates` off, the first step
/// that lowers f enough is taken (a plain Armijo search), and the slope is never asked for.
struct LineSearch {
    static let sufficientDecrease = 1e-4
    static let curvature = 0.9
    static let maxEvaluations = 40
    static let maxExtrapolations = 4

    /// f and its slope along the direction at step 0.
    let value: Double
    let slope: Double
    /// The step to evaluate next; nil when the search is over.
    private(set) var nextStep: Double?
    /// Whether the search ended on an acceptable step (the last one evaluated).
    private(set) var accepted = false
    private var good: Double?
    private var tooLong = false
    private var returning = false
    private var evaluations = 0
    private var extrapolations = 0
    private let extrapolates: Bool

    init(value: Double, slope: Double, step: Double, extrapolates: Bool = true) {
        self.value = value
        self.slope = slope
        self.extrapolates = extrapolates
        nextStep = step
    }

    /// Records f at `nextStep`; `slopeAtStep` gives ∇f·d there when it is needed.
    mutating func record(value trialValue: Double, slopeAtStep: () -> Double) {
        guard let step = nextStep else { return }
        evaluations += 1
        if returning { return finish(accepted: true) }
        let decreases = trialValue.isFinite && trialValue <= value + Self.sufficientDecrease * step * slope
        if decreases {
            if tooLong || extrapolations == Self.maxExtrapolations || !extrapolates { return finish(accepted: true) }
            let trialSlope = slopeAtStep()
            if trialSlope >= Self.curvature * slope { return finish(accepted: true) }
            // Still descending steeply: a longer step. Where a linear slope would reach zero, within 2–8 times.
            let rise = trialSlope - slope
            let factor = rise > 0 ? min(8, max(2, -slope / rise)) : 8
            good = step
            extrapolations += 1
            nextStep = step * factor
        } else if let good {
            returning = true  // the longer step failed: go back to the last good one and take it
            nextStep = good
        } else {
            tooLong = true
            // Minimizer of the quadratic through f, the slope and the trial value, within [0.1, 0.5]·step.
            let quadratic = -slope * step / (2 * (trialValue - value - slope * step))
            nextStep = step * (trialValue.isFinite ? max(0.1, min(0.5, quadratic)) : 0.1)
        }
        if evaluations >= Self.maxEvaluations { finish(accepted: false) }
    }

    private mutating func finish(accepted: Bool) {
        self.accepted = accepted
        nextStep = nil
    }
}
