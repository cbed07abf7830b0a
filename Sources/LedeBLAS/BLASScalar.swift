import COpenBLAS

/// An element type the BLAS face works on: `Float` (single precision, `cblas_s*`) or `Double`
/// (double precision, `cblas_d*`). Each requirement is the OpenBLAS call for that precision;
/// callers go through `BLAS`, which checks sizes first.
@usableFromInline package protocol BLASScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable {
    static func openBLASDot(_ x: UnsafeBufferPointer<Self>, _ y: UnsafeBufferPointer<Self>) -> Self
    static func openBLASAxpy(_ alpha: Self, _ x: UnsafeBufferPointer<Self>, _ y: UnsafeMutableBufferPointer<Self>)
    static func openBLASScal(_ alpha: Self, _ x: UnsafeMutableBufferPointer<Self>)
    static func openBLASNrm2(_ x: UnsafeBufferPointer<Self>) -> Self
    static func openBLASGemv(
        _ transpose: Transpose, _ rows: Int, _ columns: Int, _ alpha: Self,
        _ a: UnsafeBufferPointer<Self>, _ x: UnsafeBufferPointer<Self>,
        _ beta: Self, _ y: UnsafeMutableBufferPointer<Self>)
    static func openBLASGemm(
        _ transposeA: Transpose, _ transposeB: Transpose, _ m: Int, _ n: Int, _ k: Int, _ alpha: Self,
        _ a: UnsafeBufferPointer<Self>, _ b: UnsafeBufferPointer<Self>,
        _ beta: Self, _ c: UnsafeMutableBufferPointer<Self>)
}

extension Transpose {
    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

/// Leading dimensions of a packed row-major operand: its stored column count, at least 1 as BLAS requires.
@inline(__always)
func leadingDimension(rows: Int, columns: Int, _ transpose: Transpose) -> Int32 {
    Int32(max(1, transpose == .none ? columns : rows))
}

extension Float: BLASScalar {
    @usableFromInline package static func openBLASDot(_ x: UnsafeBufferPointer<Float>, _ y: UnsafeBufferPointer<Float>) -> Float {
        BLASThreads.ensureConfigured()
        return cblas_sdot(Int32(x.count), x.baseAddress, 1, y.baseAddress, 1)
    }
    @usableFromInline package static func openBLASAxpy(_ alpha: Float, _ x: UnsafeBufferPointer<Float>, _ y: UnsafeMutableBufferPointer<Float>) {
        BLASThreads.ensureConfigured()
        cblas_saxpy(Int32(x.count), alpha, x.baseAddress, 1, y.baseAddress, 1)
    }
    @usableFromInline package static func openBLASScal(_ alpha: Float, _ x: UnsafeMutableBufferPointer<Float>) {
        BLASThreads.ensureConfigured()
        cblas_sscal(Int32(x.count), alpha, x.baseAddress, 1)
    }
    @usableFromInline package static func openBLASNrm2(_ x: UnsafeBufferPointer<Float>) -> Float {
        BLASThreads.ensureConfigured()
        return cblas_snrm2(Int32(x.count), x.baseAddress, 1)
    }
    @usableFromInline package static func openBLASGemv(
        _ transpose: Transpose, _ rows: Int, _ columns: Int, _ alpha: Float,
        _ a: UnsafeBufferPointer<Float>, _ x: UnsafeBufferPointer<Float>,
        _ beta: Float, _ y: UnsafeMutableBufferPointer<Float>
    ) {
        BLASThreads.ensureConfigured()
        cblas_sgemv(CblasRowMajor, transpose.cblas, Int32(rows), Int32(columns), alpha,
                    a.baseAddress, Int32(max(1, columns)), x.baseAddress, 1, beta, y.baseAddress, 1)
    }
    @usableFromInline package static func openBLASGemm(
        _ transposeA: Transpose, _ transposeB: Transpose, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
        _ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>,
        _ beta: Float, _ c: UnsafeMutableBufferPointer<Float>
    ) {
        BLASThreads.ensureConfigured()
        cblas_sgemm(CblasRowMajor, transposeA.cblas, transposeB.cblas, Int32(m), Int32(n), Int32(k), alpha,
                    a.baseAddress, leadingDimension(rows: m, columns: k, transposeA),
                    b.baseAddress, leadingDimension(rows: k, columns: n, transposeB),
                    beta, c.baseAddress, Int32(max(1, n)))
    }
}

extension Double: BLASScalar {
    @usableFromInline package static func openBLASDot(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>) -> Double {
        BLASThreads.ensureConfigured()
        return cblas_ddot(Int32(x.count), x.baseAddress, 1, y.baseAddress, 1)
    }
    @usableFromInline package static func openBLASAxpy(_ alpha: Double, _ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) {
        BLASThreads.ensureConfigured()
        cblas_daxpy(Int32(x.count), alpha, x.baseAddress, 1, y.baseAddress, 1)
    }
    @usableFromInline package static func openBLASScal(_ alpha: Double, _ x: UnsafeMutableBufferPointer<Double>) {
        BLASThreads.ensureConfigured()
        cblas_dscal(Int32(x.count), alpha, x.baseAddress, 1)
    }
    @usableFromInline package static func openBLASNrm2(_ x: UnsafeBufferPointer<Double>) -> Double {
        BLASThreads.ensureConfigured()
        return cblas_dnrm2(Int32(x.count), x.baseAddress, 1)
    }
    @usableFromInline package static func openBLASGemv(
        _ transpose: Transpose, _ rows: Int, _ columns: Int, _ alpha: Double,
        _ a: UnsafeBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>,
        _ beta: Double, _ y: UnsafeMutableBufferPointer<Double>
    ) {
        BLASThreads.ensureConfigured()
        cblas_dgemv(CblasRowMajor, transpose.cblas, Int32(rows), Int32(columns), alpha,
                    a.baseAddress, Int32(max(1, columns)), x.baseAddress, 1, beta, y.baseAddress, 1)
    }
    @usableFromInline package static func openBLASGemm(
        _ transposeA: Transpose, _ transposeB: Transpose, _ m: Int, _ n: Int, _ k: Int, _ alpha: Double,
        _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>,
        _ beta: Double, _ c: UnsafeMutableBufferPointer<Double>
    ) {
        BLASThreads.ensureConfigured()
        cblas_dgemm(CblasRowMajor, transposeA.cblas, transposeB.cblas, Int32(m), Int32(n), Int32(k), alpha,
                    a.baseAddress, leadingDimension(rows: m, columns: k, transposeA),
                    b.baseAddress, leadingDimension(rows: k, columns: n, transposeB),
                    beta, c.baseAddress, Int32(max(1, n)))
    }
}
