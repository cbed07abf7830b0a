import LedeParallel

/// The memory of `LabelwiseLBFGS`: the vector-free L-BFGS history of `LBFGSHistory`, kept for K
/// labels at once. The stored vectors are shared (each holds every label's column of a direction or a
/// gradient), while everything scalar is per label: the dot products of the vectors, column by column;
/// each pair's step and 1/(s·y); and which pairs a label uses (a label forgets its pairs on its own,
/// when its curvature turns non-positive or its direction stops descending).
struct LabelwiseHistory {
    /// One curvature pair per label: sⱼ = stepⱼ·(direction buffer)ⱼ, yⱼ = (gradient `to`)ⱼ − (gradient `from`)ⱼ.
    struct Pair {
        var direction: Int
        var from: Int
        var to: Int
        var step: [Double]
        /// 1 / (sⱼ·yⱼ), or 0 when label j does not use this pair.
        var rho: [Double]
    }

    let memory: Int
    let rows: Int
    private(set) var columns: Int
    let threads: Int
    private var buffers: [UnsafeMutableBufferPointer<Float>]
    /// Column-by-column dot products of the buffers in use: `gram[(a·B + b)·K + j]`.
    private var gram: [Double]
    private(set) var pairs: [Pair] = []
    /// The buffer holding the gradient at the current point.
    private(set) var gradient: Int

    init(memory: Int, rows: Int, columns: Int, threads: Int) {
        self.memory = memory
        self.rows = rows
        self.columns = columns
        self.threads = threads
        buffers = (0..<(2 * memory + 2)).map { _ in
            let v = UnsafeMutableBufferPointer<Float>.allocate(capacity: rows * columns)
            v.initialize(repeating: 0)
            return v
        }
        gram = [Double](repeating: 0, count: buffers.count * buffers.count * columns)
        gradient = memory + 1
    }

    func deallocate() { for b in buffers { b.deallocate() } }

    /// Stored vector `id`, rows × the columns kept (its allocation may be longer, after `keep`).
    func buffer(_ id: Int) -> UnsafeMutableBufferPointer<Float> { UnsafeMutableBufferPointer(start: buffers[id].baseAddress, count: rows * columns) }

    /// Whether label j has a curvature pair to use.
    func hasPairs(_ j: Int) -> Bool { pairs.contains { $0.rho[j] != 0 } }

    /// ‖gⱼ‖ at the current point.
    func gradientNorm(_ j: Int) -> Double { dot(gradient, gradient, j).squareRoot() }

    /// Records the column dot products of a freshly written current gradient (nothing else is stored yet).
    mutating func gradientChanged() {
        precondition(pairs.isEmpty)
        let g = UnsafePointer(buffers[gradient].baseAddress!)
        let products = ColumnPasses.dots([(g, g)], rows: rows, columns: columns, threads: threads)[0]
        for j in 0..<columns { setDot(gradient, gradient, j, products[j]) }
    }

    /// Writes dⱼ = −Hⱼ·gⱼ for each active label (0 for the others) into a free direction buffer, and
    /// returns it with each label's slope gⱼ·dⱼ. A label whose dⱼ is no descent direction (rounding)
    /// forgets its pairs and takes dⱼ = −gⱼ.
    mutating func writeDirection(active: [Bool]) -> (buffer: Int, slopes: [Double]) {
        let width = buffers.count, k = columns
        var coefficients = [[Float]](repeating: [Float](repeating: 0, count: k), count: width)
        var slopes = [Double](repeating: 0, count: k)
        for j in 0..<k where active[j] {
            var q = [Double](repeating: 0, count: width)
            q[gradient] = -1
            var alpha = [Double](repeating: 0, count: pairs.count)
            for i in pairs.indices.reversed() where pairs[i].rho[j] != 0 {
                let p = pairs[i]
                alpha[i] = p.rho[j] * p.step[j] * product(unit(p.direction), q, j)
                q[p.to] -= alpha[i]
                q[p.from] += alpha[i]
            }
            if let newest = pairs.last(where: { $0.rho[j] != 0 }) {
                let y = difference(newest.to, newest.from)
                let gamma = 1 / (newest.rho[j] * product(y, y, j))
                for a in q.indices { q[a] *= gamma }
            }
            for (i, p) in pairs.enumerated() where p.rho[j] != 0 {
                let beta = p.rho[j] * product(difference(p.to, p.from), q, j)
                q[p.direction] += (alpha[i] - beta) * p.step[j]
            }
            var slope = product(unit(gradient), q, j)
            if !(slope < 0) {  // not a descent direction (rounding): this label restarts from steepest descent
                forget(j)
                q = [Double](repeating: 0, count: width)
                q[gradient] = -1
                slope = -dot(gradient, gradient, j)
            }
            slopes[j] = slope
            for a in 0..<width { coefficients[a][j] = Float(q[a]) }
        }
        let used = (0..<width).filter { a in coefficients[a].contains { $0 != 0 } }
        let target = (0...memory).first { id in !pairs.contains { $0.direction == id } }!
        ColumnPasses.combine(used.map { coefficients[$0] }, used.map { UnsafePointer(buffers[$0].baseAddress!) },
                             into: buffers[target].baseAddress!, rows: rows, columns: k, threads: threads)
        // The direction's dot products with the stored vectors follow from their own (d = Σₐ qₐ·vₐ), so
        // only the next gradient's need a pass over the vectors (in `accept`).
        let stored = inUse.subtracting([target]).sorted()
        for j in 0..<k {
            var directionSquared = 0.0
            for a in used {
                let qa = Double(coefficients[a][j])
                for b in used { directionSquared += qa * Double(coefficients[b][j]) * dot(a, b, j) }
            }
            setDot(target, target, j, directionSquared)
            for b in stored {
                var sum = 0.0
                for a in used { sum += Double(coefficients[a][j]) * dot(a, b, j) }
                setDot(target, b, j, sum)
            }
        }
        return (target, slopes)
    }

    /// The buffers the pairs and the current gradient refer to.
    private var inUse: Set<Int> {
        var ids: Set<Int> = [gradient]
        for p in pairs { ids.formUnion([p.direction, p.from, p.to]) }
        return ids
    }

    /// A gradient buffer no pair refers to, forgetting the oldest pair if all are in use.
    mutating func takeGradientBuffer() -> Int {
        if let free = freeGradientBuffer() { return free }
        pairs.removeFirst()
        return freeGradientBuffer()!
    }

    /// Records the accepted steps `stepⱼ·dⱼ` (0 for a label that did not move) and the gradient at the new
    /// point, with its column dot products (one pass; the direction's are known since `writeDirection`). A label that moved keeps the pair when its
    /// curvature sⱼ·yⱼ is positive, else forgets all its pairs.
    mutating func accept(direction d: Int, steps: [Double], gradient new: Int) {
        let old = gradient, k = columns
        // The new gradient's dot products with every stored vector; and the direction's with the old
        // gradient once more, from the same rounded vectors as its product with the new one, so that
        // their difference (the curvature sⱼ·yⱼ, often small beside either) carries no error of the
        // direction's rounding.
        let ids = inUse.union([d, new]).sorted()
        let buffers = buffers
        let vector = { (id: Int) in UnsafePointer(buffers[id].baseAddress!) }
        let products = ColumnPasses.dots(ids.map { (vector(new), vector($0)) } + [(vector(d), vector(old))],
                                         rows: rows, columns: k, threads: threads)
        for (a, id) in ids.enumerated() {
            for j in 0..<k { setDot(new, id, j, products[a][j]) }
        }
        for j in 0..<k { setDot(d, old, j, products[ids.count][j]) }
        gradient = new
        var pair = Pair(direction: d, from: old, to: new, step: steps, rho: [Double](repeating: 0, count: k))
        for j in 0..<k where steps[j] > 0 {
            let sy = steps[j] * (dot(d, new, j) - dot(d, old, j))
            let yy = product(difference(new, old), difference(new, old), j)
            if sy > 1e-10 * yy {
                pair.rho[j] = 1 / sy
            } else {
                forget(j)
            }
        }
        pairs.append(pair)
    }

    /// Keeps only these columns (increasing indices into the current ones), in that order: every
    /// buffer (compacted in place, a buffer a work item), dot product and pair narrows to them. O(buffers·rows·columns).
    mutating func keep(_ kept: [Int]) {
        let width = buffers.count, k = columns, n = kept.count
        let shared = (buffers, rows)
        parallelFor(blocks: width, threads: threads) { b in
            ColumnPasses.compact(shared.0[b].baseAddress!, rows: shared.1, columns: k, keeping: kept)
        }
        var narrowGram = [Double](repeating: 0, count: width * width * n)
        for ab in 0..<(width * width) {
            for (c, j) in kept.enumerated() { narrowGram[ab * n + c] = gram[ab * k + j] }
        }
        gram = narrowGram
        for i in pairs.indices {
            pairs[i].step = kept.map { pairs[i].step[$0] }
            pairs[i].rho = kept.map { pairs[i].rho[$0] }
        }
        columns = n
    }

    /// Label j forgets every pair.
    private mutating func forget(_ j: Int) {
        for i in pairs.indices { pairs[i].rho[j] = 0 }
    }

    private func freeGradientBuffer() -> Int? {
        (memory + 1..<buffers.count).first { id in
            id != gradient && !pairs.contains { $0.from == id || $0.to == id }
        }
    }

    private func dot(_ a: Int, _ b: Int, _ j: Int) -> Double { gram[(a * buffers.count + b) * columns + j] }

    private mutating func setDot(_ a: Int, _ b: Int, _ j: Int, _ value: Double) {
        gram[(a * buffers.count + b) * columns + j] = value
        gram[(b * buffers.count + a) * columns + j] = value
    }

    private func unit(_ id: Int) -> [Double] { BufferCombination.unit(id, buffers: buffers.count) }

    private func difference(_ plus: Int, _ minus: Int) -> [Double] { BufferCombination.difference(plus, minus, buffers: buffers.count) }

    /// u·v in label j's column, for combinations u, v of the buffers, from the column dot products.
    private func product(_ u: [Double], _ v: [Double], _ j: Int) -> Double {
        var sum = 0.0
        for a in u.indices where u[a] != 0 {
            for b in v.indices where v[b] != 0 { sum += u[a] * dot(a, b, j) * v[b] }
        }
        return sum
    }
}
