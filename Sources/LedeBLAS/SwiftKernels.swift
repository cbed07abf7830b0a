/// The plain-Swift twin of each OpenBLAS call, with the same meaning and the same (row-major,
/// packed) layout. Written for clarity; the benchmark compares it with OpenBLAS.
enum SwiftKernels {
    static func dot<T: BLASScalar>(_ x: UnsafeBufferPointer<T>, _ y: UnsafeBufferPointer<T>) -> T {
        var sum: T = 0
        for i in 0..<x.count { sum += x[i] * y[i] }
        return sum
    }

    static func axpy<T: BLASScalar>(_ alpha: T, _ x: UnsafeBufferPointer<T>, _ y: UnsafeMutableBufferPointer<T>) {
        for i in 0..<x.count { y[i] += alpha * x[i] }
    }

    static func scal<T: BLASScalar>(_ alpha: T, _ x: UnsafeMutableBufferPointer<T>) {
        for i in 0..<x.count { x[i] *= alpha }
    }

    /// Scaled sum of squares, so that huge or tiny elements neither overflow nor underflow.
    static func nrm2<T: BLASScalar>(_ x: UnsafeBufferPointer<T>) -> T {
        var largest: T = 0
        for v in x { largest = max(largest, abs(v)) }
        guard largest > 0, largest.isFinite else { return largest }
        var sum: T = 0
        for v in x {
            let scaled = v / largest
            sum += scaled * scaled
        }
        return largest * sum.squareRoot()
    }

    static func gemv<T: BLASScalar>(
        _ transpose: Transpose, _ rows: Int, _ columns: Int, _ alpha: T,
        _ a: UnsafeBufferPointer<T>, _ x: UnsafeBufferPointer<T>,
        _ beta: T, _ y: UnsafeMutableBufferPointer<T>
    ) {
        for i in 0..<y.count { y[i] = beta == 0 ? 0 : beta * y[i] }
        guard alpha != 0 else { return }
        if transpose == .none {
            for r in 0..<rows {
                var sum: T = 0
                for c in 0..<columns { sum += a[r * columns + c] * x[c] }
                y[r] += alpha * sum
            }
        } else {
            for r in 0..<rows {
                let scaled = alpha * x[r]
                for c in 0..<columns { y[c] += scaled * a[r * columns + c] }
            }
        }
    }

    static func gemm<T: BLASScalar>(
        _ transposeA: Transpose, _ transposeB: Transpose, _ m: Int, _ n: Int, _ k: Int, _ alpha: T,
        _ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>,
        _ beta: T, _ c: UnsafeMutableBufferPointer<T>
    ) {
        // Element (i, p) of op(A) and (p, j) of op(B) in their stored layouts.
        @inline(__always) func aAt(_ i: Int, _ p: Int) -> T { transposeA == .none ? a[i * k + p] : a[p * m + i] }
        @inline(__always) func bAt(_ p: Int, _ j: Int) -> T { transposeB == .none ? b[p * n + j] : b[j * k + p] }
        for i in 0..<m {
            for j in 0..<n { c[i * n + j] = beta == 0 ? 0 : beta * c[i * n + j] }
            guard alpha != 0 else { continue }
            for p in 0..<k {
                let scaled = alpha * aAt(i, p)
                for j in 0..<n { c[i * n + j] += scaled * bAt(p, j) }
            }
        }
    }
}
