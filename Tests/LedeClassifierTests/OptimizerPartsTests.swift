import Testing
@testable import LedeClassifier

/// The pieces of the optimizer on their own: fused vector passes, the line search, vector-free L-BFGS.
@Suite("Optimizer parts")
struct OptimizerPartsTests {
    /// Vectors long enough for several work items, with a ragged tail.
    static func vectors(_ count: Int, length: Int) -> [[Float]] {
        (0..<count).map { v in (0..<length).map { i in Float((i * 7 + v * 13) % 23) / 11 - 1 } }
    }

    @Test("fused passes agree with plain loops and do not depend on the thread count", arguments: [1, 2])
    func fusedPasses(threads: Int) {
        let length = FusedVectorPasses.piece * FusedVectorPasses.piecesPerItem * 2 + 1234
        let inputs = Self.vectors(5, length: length)
        let coefficients: [Float] = [0.5, -1, 2, 0.25, -0.125]
        var combined = [Float](repeating: .nan, count: length)
        let buffers = inputs.map { values in
            let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: values.count)
            _ = buffer.initialize(from: values)
            return buffer
        }
        defer { for b in buffers { b.deallocate() } }
        let pointers = buffers.map { UnsafePointer($0.baseAddress!) }
        combined.withUnsafeMutableBufferPointer { out in
            FusedVectorPasses.combine(coefficients, pointers, into: out.baseAddress!, count: length, threads: threads)
        }
        for i in stride(from: 0, to: length, by: 997) {
            var expected: Float = 0
            for a in inputs.indices { expected += coefficients[a] * inputs[a][i] }
            #expect(abs(combined[i] - expected) < 1e-5)
        }
        let dots = FusedVectorPasses.dots(pointers, with: [pointers[1], pointers[3]], count: length, threads: threads)
        let single = FusedVectorPasses.dots(pointers, with: [pointers[1], pointers[3]], count: length, threads: 1)
        #expect(dots == single)
        for (t, target) in [1, 3].enumerated() {
            for a in inputs.indices {
                let exact = zip(inputs[a], inputs[target]).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                #expect(abs(dots[t][a] - exact) <= 1e-5 * max(1, abs(exact)))
            }
        }
    }

    @Test("the largest gradient component is the largest magnitude, wherever it is", arguments: [0, 5, 8, 13, 64, 67])
    func largestMagnitude(length: Int) {
        var values = (0..<length).map { Float(($0 * 5) % 11) / 4 - 1.25 }
        #expect(RowKernels.largestMagnitude(values, count: length) == values.map(abs).max() ?? 0)
        for place in [0, length / 2, length - 1] where length > 0 {
            var planted = values
            planted[place] = -3.5
            #expect(RowKernels.largestMagnitude(planted, count: length) == 3.5)
            planted[place] = .nan
            #expect(RowKernels.largestMagnitude(planted, count: length).isNaN)
        }
        values = [Float](repeating: -0.0, count: length)
        #expect(RowKernels.largestMagnitude(values, count: length) == 0)
    }

    @Test("the line search grows a step that is too short and backtracks from one that is too long")
    func lineSearch() {
        // f(t) = (t − 100)², slope −200 at 0: step 1 is far too short.
        let f = { (t: Double) in (t - 100) * (t - 100) }
        var search = LineSearch(value: f(0), slope: -200, step: 1)
        var steps: [Double] = []
        while let step = search.nextStep {
            steps.append(step)
            search.record(value: f(step)) { 2 * (step - 100) }
        }
        #expect(search.accepted)
        #expect(steps.count > 1 && steps.last! > 20 && f(steps.last!) < f(1))
        // Step 1000 is far too long: backtrack.
        var long = LineSearch(value: f(0), slope: -200, step: 1000)
        var last = 1000.0
        while let step = long.nextStep {
            last = step
            long.record(value: f(step)) { 2 * (step - 100) }
        }
        #expect(long.accepted && last < 200 && f(last) < f(0))
    }

    @Test("vector-free L-BFGS minimizes an ill-conditioned quadratic")
    func quadratic() {
        let n = 300
        let scales = (0..<n).map { Float(1 + ($0 % 17) * 40) }
        let centre = (0..<n).map { Float($0 % 5) - 2 }
        var x = [Float](repeating: 0, count: n)
        let optimizer = LBFGS(memory: 5, maxIterations: 500, gradientTolerance: 1e-5, threads: 2)
        let outcome = optimizer.minimize(&x, objective: { x, g in
            var value = 0.0, largest = 0.0
            for i in 0..<n {
                let r = x[i] - centre[i]
                value += Double(scales[i] * r * r) / 2
                g[i] = scales[i] * r
                largest = max(largest, Double(abs(g[i])))
            }
            return (value, largest)
        })
        #expect(outcome.converged, "\(outcome.stop.rawValue)")
        for i in 0..<n { #expect(abs(x[i] - centre[i]) < 1e-4) }
    }
}
