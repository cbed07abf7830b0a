/// The inner steps of the sparse training kernels, in SIMD lanes: one row of K floats (a term's
/// weights, a document's scores or residuals) scaled and added to another, and the penalty and
/// largest-component sweeps over a run of gradient rows.
///
/// Each element is computed as `y[j] + a·x[j]`, in the same order and rounding as a scalar loop,
/// so results do not depend on how the lanes are split. Arithmetic is unchecked: K and the row
/// offsets are validated by the callers' sizes.
enum RowKernels {
    /// `y[0..<k] += a · x[0..<k]`. O(k).
    @inline(__always)
    static func addScaled(_ a: Float, _ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, count k: Int) {
        let xs = UnsafeRawPointer(x), ys = UnsafeMutableRawPointer(y)
        var j = 0
        while j &+ 8 <= k {
            let offset = j &* 4
            let sum = ys.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                + a * xs.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            ys.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
            j &+= 8
        }
        if j &+ 4 <= k {
            let offset = j &* 4
            let sum = ys.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
                + a * xs.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self)
            ys.storeBytes(of: sum, toByteOffset: offset, as: SIMD4<Float>.self)
            j &+= 4
        }
        while j < k {
            y[j] += a * x[j]
            j &+= 1
        }
    }

    /// `y[0..<n] = a · x[0..<n]`, returning Σ x², summed in 8 lanes. O(n).
    static func scaleSummingSquares(_ a: Float, _ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, count n: Int) -> Float {
        let xs = UnsafeRawPointer(x), ys = UnsafeMutableRawPointer(y)
        var squares = SIMD8<Float>()
        var j = 0
        while j &+ 8 <= n {
            let v = xs.loadUnaligned(fromByteOffset: j &* 4, as: SIMD8<Float>.self)
            squares += v * v
            ys.storeBytes(of: a * v, toByteOffset: j &* 4, as: SIMD8<Float>.self)
            j &+= 8
        }
        var sum = squares.sum()
        while j < n {
            sum += x[j] * x[j]
            y[j] = a * x[j]
            j &+= 1
        }
        return sum
    }

    /// max |x[i]| over `0..<n`, in 8 lanes. O(n).
    ///
    /// Magnitudes are compared as the bit patterns of |x| (sign bit cleared), which order like the
    /// values for non-negative floats, so the sweep is integer compares and blends in SIMD registers
    /// (the standard library's generic `pointwiseMax` on floats became a call per vector here). A NaN
    /// compares above infinity, so a NaN gradient shows as a NaN largest component rather than hiding.
    static func largestMagnitude(_ x: UnsafePointer<Float>, count n: Int) -> Float {
        let xs = UnsafeRawPointer(x)
        let magnitude = SIMD8<UInt32>(repeating: 0x7FFF_FFFF)
        var lanes = SIMD8<UInt32>()
        var j = 0
        while j &+ 8 <= n {
            let v = xs.loadUnaligned(fromByteOffset: j &* 4, as: SIMD8<UInt32>.self) & magnitude
            lanes.replace(with: v, where: v .> lanes)
            j &+= 8
        }
        var largest: UInt32 = 0
        for lane in 0..<8 where lanes[lane] > largest { largest = lanes[lane] }
        while j < n {
            largest = max(largest, x[j].bitPattern & 0x7FFF_FFFF)
            j &+= 1
        }
        return Float(bitPattern: largest)
    }
}

extension RowKernels {
    /// `y[j] += c[j] · x[j]` for j in `0..<k`, in SIMD lanes. O(k).
    @inline(__always)
    static func multiplyAdd(_ c: UnsafePointer<Float>, _ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, count k: Int) {
        let cs = UnsafeRawPointer(c), xs = UnsafeRawPointer(x), ys = UnsafeMutableRawPointer(y)
        var j = 0
        while j &+ 8 <= k {
            let offset = j &* 4
            let sum = ys.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                + cs.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * xs.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            ys.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
            j &+= 8
        }
        while j < k {
            y[j] += c[j] * x[j]
            j &+= 1
        }
    }

    /// `acc[j] += x[j] · y[j]` for j in `0..<k`, in SIMD lanes. O(k).
    @inline(__always)
    static func multiplyAccumulate(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into acc: UnsafeMutablePointer<Float>, count k: Int) {
        let xs = UnsafeRawPointer(x), ys = UnsafeRawPointer(y), accs = UnsafeMutableRawPointer(acc)
        var j = 0
        while j &+ 8 <= k {
            let offset = j &* 4
            let sum = accs.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                + xs.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) * ys.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            accs.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
            j &+= 8
        }
        while j < k {
            acc[j] += x[j] * y[j]
            j &+= 1
        }
    }

    /// `largest[j] = max(largest[j], |x[j]|)` for j in `0..<k`, on magnitudes' bit patterns (as
    /// `largestMagnitude` compares them: a NaN is larger than anything). O(k).
    @inline(__always)
    static func takeLargestMagnitudes(_ x: UnsafePointer<Float>, into largest: UnsafeMutablePointer<UInt32>, count k: Int) {
        let xs = UnsafeRawPointer(x), ls = UnsafeMutableRawPointer(largest)
        let magnitude = SIMD8<UInt32>(repeating: 0x7FFF_FFFF)
        var j = 0
        while j &+ 8 <= k {
            let offset = j &* 4
            let v = xs.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self) & magnitude
            var m = ls.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self)
            m.replace(with: v, where: v .> m)
            ls.storeBytes(of: m, toByteOffset: offset, as: SIMD8<UInt32>.self)
            j &+= 8
        }
        while j < k {
            largest[j] = max(largest[j], x[j].bitPattern & 0x7FFF_FFFF)
            j &+= 1
        }
    }
}
