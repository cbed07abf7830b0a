import Lede

/// Times one BLAS call on one backend at one size.
///
/// `--call gemm --size MxNxK`, `--call gemv --size ROWSxCOLUMNS`, or `--call dot|axpy|scal|nrm2 --size N`;
/// `--backend openblas|swift`; `--seconds S` (default 2). Work is counted in floating-point
/// operations (2 per multiply-add), so the harness reports GFLOP/s.
func blasBenchmark(_ options: Options) -> Measurement {
    guard let backend = BLAS.Backend(rawValue: options.string("backend")) else { usage("unknown --backend") }
    let blas = BLAS(backend: backend)
    let call = options.string("call")
    let size = options.string("size").split(separator: "x").map { Int($0) ?? -1 }
    guard size.allSatisfy({ $0 > 0 }) else { usage("--size needs positive integers joined by x") }
    let seconds = options.double("seconds", default: 2)
    var rng = SystemRandomNumberGenerator()
    func random(_ count: Int) -> [Float] { (0..<count).map { _ in Float.random(in: -1...1, using: &rng) } }

    let timing: (seconds: Double, work: Double)
    switch (call, size.count) {
    case ("gemm", 3):
        let (m, n, k) = (size[0], size[1], size[2])
        let a = random(m * k), b = random(k * n)
        var c = [Float](repeating: 0, count: m * n)
        timing = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in c.withUnsafeMutableBufferPointer { c in
            timeRepeated(minimumSeconds: seconds, workPerCall: Double(2 * m * n * k)) {
                blas.gemm(.none, .transposed, m: m, n: n, k: k, alpha: 1, a: a, b: b, beta: 0, c: c)
            }
        } } }
    case ("gemv", 2):
        let (rows, columns) = (size[0], size[1])
        let a = random(rows * columns), x = random(columns)
        var y = [Float](repeating: 0, count: rows)
        timing = a.withUnsafeBufferPointer { a in x.withUnsafeBufferPointer { x in y.withUnsafeMutableBufferPointer { y in
            timeRepeated(minimumSeconds: seconds, workPerCall: Double(2 * rows * columns)) {
                blas.gemv(.none, rows: rows, columns: columns, alpha: 0.85, a: a, x: x, beta: 0.15, y: y)
            }
        } } }
    case ("dot", 1), ("axpy", 1), ("scal", 1), ("nrm2", 1):
        let n = size[0]
        let x = random(n)
        var y = random(n)
        var sink: Float = 0
        timing = x.withUnsafeBufferPointer { x in y.withUnsafeMutableBufferPointer { y in
            timeRepeated(minimumSeconds: seconds, workPerCall: Double(2 * n)) {
                switch call {
                case "dot": sink += blas.dot(x, UnsafeBufferPointer(y))
                case "axpy": blas.axpy(1e-7, x, y)
                case "scal": blas.scal(0.999_999, y)
                default: sink += blas.nrm2(x)
                }
            }
        } }
        if sink.isNaN { print("") }  // keeps the results alive
    default:
        usage("unknown --call \(call) for a size of \(size.count) numbers")
    }
    return Measurement(system: "Lede (\(backend == .openBLAS ? "OpenBLAS" : "plain Swift"))",
                       seconds: timing.seconds, work: timing.work,
                       extra: ["core": BLASThreads.coreName, "blas_threads": String(BLASThreads.current)])
}
