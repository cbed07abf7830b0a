/// The memory of vector-free L-BFGS: stored directions and gradients, the dot products of every
/// pair of them, and the (s, y) pairs they make, with sᵢ = stepᵢ·dᵢ and yᵢ = gᵢ₊₁ − gᵢ.
///
/// Buffers `0...memory` hold directions, buffers `memory+1...2·memory+1` gradients; a buffer is in
/// use while a pair or the current gradient refers to it. Vectors are handled as coefficients over
/// the buffers, and the dot product of two such combinations comes from the Gram matrix, so the
/// two-loop recursion costs O(memory²) arithmetic on small arrays and no pass over long vectors.
struct LBFGSHistory {
    /// One curvature pair: s = step·(direction buffer), y = (gradient `to`) − (gradient `from`).
    struct Pair {
        var direction: Int
        var step: Double
        var from: Int
        var to: Int
        /// 1 / (s·y).
        var rho: Double
    }

    let memory: Int
    let count: Int
    let threads: Int
    private var buffers: [UnsafeMutableBufferPointer<Float>]
    /// Dot products of the buffers in use, row-major over buffer numbers.
    private var gram: [Double]
    private(set) var pairs: [Pair] = []
    /// The buffer holding the gradient at the current point.
    private(set) var gradient: Int

    init(memory: Int, count: Int, threads: Int) {
        self.memory = memory
        self.count = count
        self.threads = threads
        buffers = (0..<(2 * memory + 2)).map { _ in
            let v = UnsafeMutableBufferPointer<Float>.allocate(capacity: count)
            v.initialize(repeating: 0)
            return v
        }
        gram = [Double](repeating: 0, count: buffers.count * buffers.count)
        gradient = memory + 1
    }

    func deallocate() { for b in buffers { b.deallocate() } }

    func buffer(_ id: Int) -> UnsafeMutableBufferPointer<Float> { buffers[id] }

    var pairCount: Int { pairs.count }

    /// ‖g‖ at the current point.
    var gradientNorm: Double { gram[gradient * buffers.count + gradient].squareRoot() }

    /// Records the dot products of a freshly written current gradient (with itself; nothing else is stored yet).
    mutating func gradientChanged() {
        precondition(pairs.isEmpty)
        let g = UnsafePointer(buffers[gradient].baseAddress!)
        gram[gradient * buffers.count + gradient] =
            FusedVectorPasses.dots([g], with: [g], count: count, threads: threads)[0][0]
    }

    /// Writes d = −H·g into a free direction buffer and returns it with the slope g·d. When rounding
    /// makes d no descent direction, forgets the pairs and writes d = −g.
    mutating func writeDirection() -> (buffer: Int, slope: Double) {
        var q = [Double](repeating: 0, count: buffers.count)
        q[gradient] = -1
        var alpha = [Double](repeating: 0, count: pairs.count)
        for i in pairs.indices.reversed() {
            let p = pairs[i]
            alpha[i] = p.rho * p.step * product(unit(p.direction), q)
            q[p.to] -= alpha[i]
            q[p.from] += alpha[i]
        }
        if let newest = pairs.last {
            let y = difference(newest.to, newest.from)
            let gamma = 1 / (newest.rho * product(y, y))
            for a in q.indices { q[a] *= gamma }
        }
        for (i, p) in pairs.enumerated() {
            let beta = p.rho * product(difference(p.to, p.from), q)
            q[p.direction] += (alpha[i] - beta) * p.step
        }
        var slope = product(unit(gradient), q)
        if !(slope < 0) {  // not a descent direction (rounding): restart from steepest descent
            pairs.removeAll()
            q = [Double](repeating: 0, count: buffers.count)
            q[gradient] = -1
            slope = -gram[gradient * buffers.count + gradient]
        }
        let used = q.indices.filter { q[$0] != 0 }
        let target = (0...memory).first { id in !pairs.contains { $0.direction == id } }!
        FusedVectorPasses.combine(used.map { Float(q[$0]) }, used.map { UnsafePointer(buffers[$0].baseAddress!) },
                                  into: buffers[target].baseAddress!, count: count, threads: threads)
        return (target, slope)
    }

    /// A gradient buffer no pair refers to, forgetting the oldest pair if all are in use.
    mutating func takeGradientBuffer() -> Int {
        if let free = freeGradientBuffer() { return free }
        pairs.removeFirst()
        return freeGradientBuffer()!
    }

    /// Records the accepted step `step·d` and the gradient at the new point, with their dot products
    /// (one fused pass); keeps the pair when its curvature s·y is positive, else forgets all pairs.
    mutating func accept(direction d: Int, step: Double, gradient new: Int) {
        let old = gradient
        var inUse = Set([d, new, old])
        for p in pairs { inUse.formUnion([p.direction, p.from, p.to]) }
        let rows = inUse.sorted()
        let products = FusedVectorPasses.dots(
            rows.map { UnsafePointer(buffers[$0].baseAddress!) },
            with: [UnsafePointer(buffers[d].baseAddress!), UnsafePointer(buffers[new].baseAddress!)],
            count: count, threads: threads)
        let width = buffers.count
        for (t, target) in [d, new].enumerated() {
            for (a, row) in rows.enumerated() {
                gram[target * width + row] = products[t][a]
                gram[row * width + target] = products[t][a]
            }
        }
        gradient = new
        let sy = step * (gram[d * width + new] - gram[d * width + old])
        let yy = product(difference(new, old), difference(new, old))
        if sy > 1e-10 * yy {
            pairs.append(Pair(direction: d, step: step, from: old, to: new, rho: 1 / sy))
        } else {
            pairs.removeAll()
        }
    }

    private func freeGradientBuffer() -> Int? {
        (memory + 1..<buffers.count).first { id in
            id != gradient && !pairs.contains { $0.from == id || $0.to == id }
        }
    }

    private func unit(_ id: Int) -> [Double] { BufferCombination.unit(id, buffers: buffers.count) }

    private func difference(_ plus: Int, _ minus: Int) -> [Double] { BufferCombination.difference(plus, minus, buffers: buffers.count) }

    /// u·v for combinations u, v of the buffers, from the Gram matrix.
    private func product(_ u: [Double], _ v: [Double]) -> Double {
        var sum = 0.0
        for a in u.indices where u[a] != 0 {
            for b in v.indices where v[b] != 0 { sum += u[a] * gram[a * buffers.count + b] * v[b] }
        }
        return sum
    }
}

/// Coefficients over an optimizer history's buffers, for vectors that are sums of stored buffers (a
/// buffer alone, or the difference of two), as `LBFGSHistory` and `LabelwiseHistory` combine them.
enum BufferCombination {
    /// Buffer `id` alone.
    static func unit(_ id: Int, buffers: Int) -> [Double] {
        var v = [Double](repeating: 0, count: buffers)
        v[id] = 1
        return v
    }

    /// Buffer `plus` minus buffer `minus`.
    static func difference(_ plus: Int, _ minus: Int, buffers: Int) -> [Double] {
        var v = [Double](repeating: 0, count: buffers)
        v[plus] += 1
        v[minus] -= 1
        return v
    }
}
