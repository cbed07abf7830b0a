/// The dense linear algebra Lede uses, behind one typed face with two interchangeable backends:
/// OpenBLAS (the default, for speed) and plain Swift (for tests, and to measure what BLAS buys).
///
/// Every matrix is row-major and densely packed: an `m×n` matrix is `m*n` consecutive elements and
/// its leading dimension is its column count. Vectors have stride 1. Sizes are checked before any
/// call reaches C, so a wrong size traps in Swift instead of reading past a buffer.
///
/// Threads: OpenBLAS's thread count is process-wide. Lede sets it once, on the first OpenBLAS call,
/// to `BLAS.threadCount` (1 unless the environment variable `LEDE_BLAS_THREADS` says otherwise),
/// and parallelises across documents instead. See `BLASThreads.swift`.
@usableFromInline package struct BLAS: Sendable, Equatable, CustomStringConvertible {
    /// Which implementation runs the kernels.
    @usableFromInline package enum Backend: String, Sendable, CaseIterable {
        /// OpenBLAS through its CBLAS interface.
        case openBLAS = "openblas"
        /// Straightforward Swift loops over unsafe buffers.
        case swift
    }

    /// The implementation this face dispatches to.
    @usableFromInline package var backend: Backend

    /// Creates a face over the given backend.
    @usableFromInline package init(backend: Backend) { self.backend = backend }

    /// The OpenBLAS backend, the one Lede uses by default.
    @usableFromInline package static let openBLAS = BLAS(backend: .openBLAS)
    /// The plain-Swift backend.
    @usableFromInline package static let swift = BLAS(backend: .swift)

    @usableFromInline package var description: String { backend.rawValue }

    /// `x · y`. O(n).
    @inlinable
    package func dot<T: BLASScalar>(_ x: UnsafeBufferPointer<T>, _ y: UnsafeBufferPointer<T>) -> T {
        precondition(x.count == y.count, "dot: vectors of lengths \(x.count) and \(y.count)")
        switch backend {
        case .openBLAS: return T.openBLASDot(x, y)
        case .swift: return SwiftKernels.dot(x, y)
        }
    }

    /// `y ← alpha·x + y`. O(n).
    @inlinable
    package func axpy<T: BLASScalar>(_ alpha: T, _ x: UnsafeBufferPointer<T>, _ y: UnsafeMutableBufferPointer<T>) {
        precondition(x.count == y.count, "axpy: vectors of lengths \(x.count) and \(y.count)")
        switch backend {
        case .openBLAS: T.openBLASAxpy(alpha, x, y)
        case .swift: SwiftKernels.axpy(alpha, x, y)
        }
    }

    /// `x ← alpha·x`. O(n).
    @inlinable
    package func scal<T: BLASScalar>(_ alpha: T, _ x: UnsafeMutableBufferPointer<T>) {
        switch backend {
        case .openBLAS: T.openBLASScal(alpha, x)
        case .swift: SwiftKernels.scal(alpha, x)
        }
    }

    /// The Euclidean norm `‖x‖₂`, computed without overflow for large elements. O(n).
    @inlinable
    package func nrm2<T: BLASScalar>(_ x: UnsafeBufferPointer<T>) -> T {
        switch backend {
        case .openBLAS: return T.openBLASNrm2(x)
        case .swift: return SwiftKernels.nrm2(x)
        }
    }

    /// `y ← alpha·op(A)·x + beta·y`, where `A` is `rows×columns` and `op(A)` is `A` or `Aᵀ`.
    /// O(rows·columns).
    @inlinable
    package func gemv<T: BLASScalar>(
        _ transpose: Transpose, rows: Int, columns: Int,
        alpha: T, a: UnsafeBufferPointer<T>, x: UnsafeBufferPointer<T>,
        beta: T, y: UnsafeMutableBufferPointer<T>
    ) {
        let (xCount, yCount) = transpose == .none ? (columns, rows) : (rows, columns)
        precondition(rows >= 0 && columns >= 0, "gemv: negative size \(rows)×\(columns)")
        precondition(a.count >= rows * columns, "gemv: A holds \(a.count) elements, needs \(rows * columns)")
        precondition(x.count == xCount && y.count == yCount,
                     "gemv: x has \(x.count) (needs \(xCount)), y has \(y.count) (needs \(yCount))")
        BLASDimension.check(rows, columns)
        // With an empty A the product is zero and y becomes beta·y; OpenBLAS would leave y as it was.
        if rows == 0 || columns == 0 {
            for i in 0..<y.count { y[i] = beta == 0 ? 0 : beta * y[i] }
            return
        }
        switch backend {
        case .openBLAS: T.openBLASGemv(transpose, rows, columns, alpha, a, x, beta, y)
        case .swift: SwiftKernels.gemv(transpose, rows, columns, alpha, a, x, beta, y)
        }
    }

    /// `C ← alpha·op(A)·op(B) + beta·C`, where `op(A)` is `m×k`, `op(B)` is `k×n` and `C` is `m×n`.
    /// `A` is stored as `m×k` (or `k×m` when transposed), `B` as `k×n` (or `n×k`). O(m·n·k).
    @inlinable
    package func gemm<T: BLASScalar>(
        _ transposeA: Transpose, _ transposeB: Transpose, m: Int, n: Int, k: Int,
        alpha: T, a: UnsafeBufferPointer<T>, b: UnsafeBufferPointer<T>,
        beta: T, c: UnsafeMutableBufferPointer<T>
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm: negative size m=\(m) n=\(n) k=\(k)")
        precondition(a.count >= m * k, "gemm: A holds \(a.count) elements, needs \(m * k)")
        precondition(b.count >= k * n, "gemm: B holds \(b.count) elements, needs \(k * n)")
        precondition(c.count >= m * n, "gemm: C holds \(c.count) elements, needs \(m * n)")
        BLASDimension.check(m, n, k)
        switch backend {
        case .openBLAS: T.openBLASGemm(transposeA, transposeB, m, n, k, alpha, a, b, beta, c)
        case .swift: SwiftKernels.gemm(transposeA, transposeB, m, n, k, alpha, a, b, beta, c)
        }
    }
}

/// Whether a matrix argument is used as stored or transposed.
@usableFromInline package enum Transpose: Sendable, CaseIterable {
    /// Use the matrix as stored.
    case none
    /// Use the transpose of the stored matrix.
    case transposed
}

/// BLAS takes its dimensions as 32-bit integers; larger ones must be split by the caller.
@usableFromInline
enum BLASDimension {
    @inlinable
    static func check(_ dimensions: Int...) {
        for d in dimensions {
            precondition(d <= Int(Int32.max), "BLAS dimension \(d) exceeds Int32.max; split the work")
        }
    }
}
