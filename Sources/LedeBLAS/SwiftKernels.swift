/// The plain-Swift twin of each OpenBLAS call, with the same meaning and the same (row-major,
/// packed) layout. Written to be clear first, with contiguous inner loops and SIMD accumulators so
/// that the benchmark's comparison with OpenBLAS is a fair one. Inlinable so that callers get code
/// specialised for `Float` or `Double`.
@usableFromInline
enum SwiftKernels {
    @inlinable
    static func dot<T: BLASScalar>(_ x: UnsafeBufferPointer<T>, _ y: UnsafeBufferPointer<T>) -> T {
        let n = x.count, whole = n & ~7
        var lanes = SIMD8<T>()
        var i = 0
        if let xs = UnsafeRawPointer(x.baseAddress), let ys = UnsafeRawPointer(y.baseAddress) {
            let stride = MemoryLayout<T>.stride
            while i < whole {
                lanes += xs.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<T>.self)
                    * ys.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<T>.self)
                i += 8
            }
        }
        var sum = lanes.sum()
        while i < n { sum += x[i] * y[i]; i += 1 }
        return sum
    }

    @inlinable
    static func axpy<T: BLASScalar>(_ alpha: T, _ x: UnsafeBufferPointer<T>, _ y: UnsafeMutableBufferPointer<T>) {
        for i in 0..<x.count { y[i] += alpha * x[i] }
    }

    @inlinable
    static func scal<T: BLASScalar>(_ alpha: T, _ x: UnsafeMutableBufferPointer<T>) {
        for i in 0..<x.count { x[i] *= alpha }
    }

    /// Scaled sum of squares, so that huge or tiny elements neither overflow nor underflow.
    @inlinable
    static func nrm2<T: BLASScalar>(_ x: UnsafeBufferPointer<T>) -> T {
        var largest: T = 0
        for v in x { largest = max(largest, abs(v)) }
        guard largest > 0, largest.isFinite else { return largest }
        let inverse = 1 / largest
        var sum: T = 0
        for v in x {
            let scaled = v * inverse
            sum += scaled * scaled
        }
        return largest * sum.squareRoot()
    }

    @inlinable
    static func gemv<T: BLASScalar>(
        _ transpose: Transpose, _ rows: Int, _ columns: Int, _ alpha: T,
        _ a: UnsafeBufferPointer<T>, _ x: UnsafeBufferPointer<T>,
        _ beta: T, _ y: UnsafeMutableBufferPointer<T>
    ) {
        for i in 0..<y.count { y[i] = beta == 0 ? 0 : beta * y[i] }
        guard alpha != 0 else { return }
        for r in 0..<rows {
            let row = UnsafeBufferPointer(rebasing: a[r * columns..<(r + 1) * columns])
            if transpose == .none {
                y[r] += alpha * dot(row, x)
            } else {
                axpy(alpha * x[r], row, y)
            }
        }
    }

    @inlinable
    static func gemm<T: BLASScalar>(
        _ transposeA: Transpose, _ transposeB: Transpose, _ m: Int, _ n: Int, _ k: Int, _ alpha: T,
        _ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>,
        _ beta: T, _ c: UnsafeMutableBufferPointer<T>
    ) {
        for i in 0..<m * n { c[i] = beta == 0 ? 0 : beta * c[i] }
        guard alpha != 0, k > 0 else { return }
        // Bring A to m×k rows so every inner loop below runs over contiguous memory.
        var transposedA: [T] = []
        if transposeA == .transposed {
            transposedA = [T](repeating: 0, count: m * k)
            for p in 0..<k { for i in 0..<m { transposedA[i * k + p] = a[p * m + i] } }
        }
        transposedA.withUnsafeBufferPointer { copied in
            let rowsOfA = transposeA == .none ? a : copied
            for i in 0..<m {
                let aRow = UnsafeBufferPointer(rebasing: rowsOfA[i * k..<(i + 1) * k])
                let cRow = UnsafeMutableBufferPointer(rebasing: c[i * n..<(i + 1) * n])
                if transposeB == .none {
                    // C[i, :] += alpha·A[i, p]·B[p, :]
                    for p in 0..<k { axpy(alpha * aRow[p], UnsafeBufferPointer(rebasing: b[p * n..<(p + 1) * n]), cRow) }
                } else {
                    // C[i, j] += alpha·(A[i, :] · B[j, :])
                    for j in 0..<n { cRow[j] += alpha * dot(aRow, UnsafeBufferPointer(rebasing: b[j * k..<(j + 1) * k])) }
                }
            }
        }
    }
}
