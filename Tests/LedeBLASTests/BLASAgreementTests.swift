import Testing
import LedeBLAS
import LedeTestSupport


func randomVector<T: BLASScalar>(_ count: Int, _ rng: inout SplitMix64, as: T.Type = T.self) -> [T] {
    (0..<count).map { _ in T(Double.random(in: -1...1, using: &rng)) }
}

/// Agreement within a tolerance scaled to the size of the sums involved.
func close<T: BLASScalar>(_ a: [T], _ b: [T], tolerance: T) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($0), abs($1)) }
}

struct Shape: CustomTestStringConvertible, Sendable {
    let m: Int, n: Int, k: Int
    var testDescription: String { "\(m)×\(k) · \(k)×\(n)" }
}

/// Shapes that catch leading-dimension and edge mistakes: empty, 1×N, N×1, non-square, sizes Lede uses.
let shapes: [Shape] = [
    Shape(m: 0, n: 0, k: 0), Shape(m: 0, n: 3, k: 2), Shape(m: 3, n: 0, k: 2), Shape(m: 2, n: 3, k: 0),
    Shape(m: 1, n: 1, k: 1), Shape(m: 1, n: 17, k: 5), Shape(m: 17, n: 1, k: 5), Shape(m: 1, n: 1, k: 33),
    Shape(m: 3, n: 7, k: 11), Shape(m: 30, n: 30, k: 300), Shape(m: 64, n: 20, k: 129),
]

@Suite("OpenBLAS and the plain-Swift kernels agree")
struct BLASAgreementTests {
    @Test("gemm, every transpose pair", arguments: shapes)
    func gemm(shape: Shape) {
        var rng = SplitMix64(state: UInt64(shape.m * 1_000_003 + shape.n * 1009 + shape.k))
        for ta in Transpose.allCases {
            for tb in Transpose.allCases {
                let a: [Float] = randomVector(shape.m * shape.k, &rng)
                let b: [Float] = randomVector(shape.k * shape.n, &rng)
                let c0: [Float] = randomVector(shape.m * shape.n, &rng)
                var results: [[Float]] = []
                for blas in [BLAS.openBLAS, BLAS.swift] {
                    var c = c0
                    a.withUnsafeBufferPointer { a in
                        b.withUnsafeBufferPointer { b in
                            c.withUnsafeMutableBufferPointer { c in
                                blas.gemm(ta, tb, m: shape.m, n: shape.n, k: shape.k,
                                          alpha: 0.75, a: a, b: b, beta: -0.5, c: c)
                            }
                        }
                    }
                    results.append(c)
                }
                #expect(close(results[0], results[1], tolerance: 1e-4), "transposes \(ta), \(tb)")
            }
        }
    }

    @Test("gemm in double precision, against a hand-computed product")
    func gemmKnownAnswer() {
        // [1 2 3; 4 5 6] · [1 0; 0 1; 1 1] = [4 5; 10 11]
        let a: [Double] = [1, 2, 3, 4, 5, 6], b: [Double] = [1, 0, 0, 1, 1, 1]
        for blas in [BLAS.openBLAS, BLAS.swift] {
            var c = [Double](repeating: 7, count: 4)
            a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in c.withUnsafeMutableBufferPointer { c in
                blas.gemm(.none, .none, m: 2, n: 2, k: 3, alpha: 1, a: a, b: b, beta: 0, c: c)
            } } }
            #expect(c == [4, 5, 10, 11], "\(blas)")
        }
    }

    @Test("gemv, both orientations", arguments: shapes)
    func gemv(shape: Shape) {
        var rng = SplitMix64(state: UInt64(shape.m * 31 + shape.k + 7))
        let (rows, columns) = (shape.m, shape.k)
        for t in Transpose.allCases {
            let a: [Double] = randomVector(rows * columns, &rng)
            let x: [Double] = randomVector(t == .none ? columns : rows, &rng)
            let y0: [Double] = randomVector(t == .none ? rows : columns, &rng)
            var results: [[Double]] = []
            for blas in [BLAS.openBLAS, BLAS.swift] {
                var y = y0
                a.withUnsafeBufferPointer { a in x.withUnsafeBufferPointer { x in y.withUnsafeMutableBufferPointer { y in
                    blas.gemv(t, rows: rows, columns: columns, alpha: 1.5, a: a, x: x, beta: 0.25, y: y)
                } } }
                results.append(y)
            }
            #expect(close(results[0], results[1], tolerance: 1e-12), "\(t)")
        }
    }

    @Test("dot, axpy, scal and nrm2", arguments: [0, 1, 2, 7, 100, 4097])
    func vectorOps(count: Int) {
        var rng = SplitMix64(state: UInt64(count + 1))
        let x: [Float] = randomVector(count, &rng), y0: [Float] = randomVector(count, &rng)
        var dots: [Float] = [], norms: [Float] = [], axpys: [[Float]] = [], scals: [[Float]] = []
        for blas in [BLAS.openBLAS, BLAS.swift] {
            x.withUnsafeBufferPointer { x in
                y0.withUnsafeBufferPointer { y in dots.append(blas.dot(x, y)) }
                norms.append(blas.nrm2(x))
                var y = y0
                y.withUnsafeMutableBufferPointer { blas.axpy(-2, x, $0) }
                axpys.append(y)
            }
            var s = x
            s.withUnsafeMutableBufferPointer { blas.scal(3, $0) }
            scals.append(s)
        }
        #expect(close([dots[0]], [dots[1]], tolerance: 1e-4))
        #expect(close([norms[0]], [norms[1]], tolerance: 1e-5))
        #expect(close(axpys[0], axpys[1], tolerance: 1e-6))
        #expect(scals[0] == scals[1])
        if count == 0 { #expect(dots == [0, 0] && norms == [0, 0]) }
    }

    @Test("nrm2 neither overflows nor underflows")
    func nrm2Extremes() {
        for blas in [BLAS.openBLAS, BLAS.swift] {
            let huge: [Float] = [3e30, 4e30], tiny: [Float] = [3e-30, 4e-30]
            #expect(abs(huge.withUnsafeBufferPointer { blas.nrm2($0) } / 5e30 - 1) < 1e-5, "\(blas)")
            #expect(abs(tiny.withUnsafeBufferPointer { blas.nrm2($0) } / 5e-30 - 1) < 1e-5, "\(blas)")
        }
    }
}

@Suite("OpenBLAS threads")
struct BLASThreadTests {
    @Test("Lede runs OpenBLAS on the documented default thread count")
    func threadCount() {
        #expect(BLASThreads.current == BLASThreads.defaultCount)
        #expect(!BLASThreads.coreName.isEmpty)
    }
}
