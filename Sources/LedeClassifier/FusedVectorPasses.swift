import LedeFeatures
import LedeParallel

/// Passes over several long Float vectors at once, for the optimizer's history: a linear
/// combination of many vectors, and the dot products of many vectors with one or two others.
///
/// Why not OpenBLAS: with V×K in the millions these operations are bound by memory traffic. A
/// level-1 call per vector reads the shared operand (and writes the result) once per vector, and
/// OpenBLAS `sgemv` over the vectors stacked as a 13 × 7.3 M matrix took 32 ms on this machine
/// (`lede-bench blas --call gemv --size 13x7313140`, about 12 GB/s). These passes go over the
/// vectors in pieces that stay in L1 cache, so each vector is read from memory once, and they run
/// on the training threads. Work is split in fixed pieces whose partial sums are added in order
/// (in Double), so results do not depend on the thread count. The single-vector steps of the
/// optimizer (x + step·d, the slope at a trial point) still go through OpenBLAS.
enum FusedVectorPasses {
    /// Floats per piece: a piece of the output and of each dot target stays in L1.
    static let piece = 2048
    /// Pieces per parallel work item.
    static let piecesPerItem = 64

    /// `out ← Σₐ coefficients[a]·vectors[a]`, all of length `count`. Reads each vector once.
    static func combine(_ coefficients: [Float], _ vectors: [UnsafePointer<Float>], into out: UnsafeMutablePointer<Float>,
                        count n: Int, threads: Int) {
        precondition(coefficients.count == vectors.count)
        parallelFor(count: n, blockSize: piece * piecesPerItem, threads: threads) { range, _ in
            for start in stride(from: range.lowerBound, to: range.upperBound, by: piece) {
                let length = min(piece, range.upperBound - start)
                let target = out + start
                if vectors.isEmpty { target.update(repeating: 0, count: length); continue }
                for i in 0..<length { target[i] = coefficients[0] * vectors[0][start + i] }
                for a in 1..<vectors.count {
                    RowKernels.addScaled(coefficients[a], vectors[a] + start, to: target, count: length)
                }
            }
        }
    }

    /// `result[t][a] = targets[t] · vectors[a]`, all of length `count`, accumulated in Double piece by
    /// piece. Reads each vector once; the pieces of the (one or two) targets stay in cache.
    static func dots(_ vectors: [UnsafePointer<Float>], with targets: [UnsafePointer<Float>], count n: Int,
                     threads: Int) -> [[Double]] {
        let itemSize = piece * piecesPerItem
        let items = (n + itemSize - 1) / itemSize
        let width = vectors.count * targets.count
        var partial = [Double](repeating: 0, count: items * width)
        partial.withUnsafeMutableBufferPointer { partial in
            parallelFor(count: n, blockSize: itemSize, threads: threads) { range, item in
                let sums = partial.baseAddress! + item * width
                for start in stride(from: range.lowerBound, to: range.upperBound, by: piece) {
                    let length = min(piece, range.upperBound - start)
                    for (a, vector) in vectors.enumerated() {
                        for (t, target) in targets.enumerated() {
                            sums[t * vectors.count + a] += Double(dot(vector + start, target + start, length))
                        }
                    }
                }
            }
        }
        var result = [[Double]](repeating: [Double](repeating: 0, count: vectors.count), count: targets.count)
        for item in 0..<items {
            for t in targets.indices {
                for a in vectors.indices { result[t][a] += partial[item * width + t * vectors.count + a] }
            }
        }
        return result
    }

    /// `x · y` over `count` floats, in SIMD lanes.
    @inline(__always)
    private static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ count: Int) -> Float {
        let xs = UnsafeRawPointer(x), ys = UnsafeRawPointer(y)
        var lanes0 = SIMD8<Float>(), lanes1 = SIMD8<Float>()
        var i = 0
        while i &+ 16 <= count {
            lanes0 += xs.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
                * ys.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            lanes1 += xs.loadUnaligned(fromByteOffset: (i &+ 8) &* 4, as: SIMD8<Float>.self)
                * ys.loadUnaligned(fromByteOffset: (i &+ 8) &* 4, as: SIMD8<Float>.self)
            i &+= 16
        }
        var sum = (lanes0 + lanes1).sum()
        while i < count { sum += x[i] * y[i]; i &+= 1 }
        return sum
    }
}
