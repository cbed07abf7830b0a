import Foundation

/// How the report writes numbers: a fixed number of decimals, thousands grouped with thin spaces, the
/// same bytes on every machine (no locale).
package enum NumberText {
    /// `value` with `places` decimals ("0.8312"); "—" when it is not finite.
    package static func decimal(_ value: Double, _ places: Int = 4) -> String {
        guard value.isFinite else { return "—" }
        let text = String(format: "%.\(places)f", value)
        return text.hasPrefix("-") && text.allSatisfy({ "-0.".contains($0) }) ? String(text.dropFirst()) : text
    }

    /// `value` as a percentage with `places` decimals ("83.1%").
    package static func percent(_ value: Double, _ places: Int = 1) -> String {
        decimal(value * 100, places) + "%"
    }

    /// `value` with its digits grouped in threes ("12 345", with a narrow no-break space).
    package static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "\u{202F}" }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}

/// Axis ticks: round steps (1, 2 or 5 times a power of ten) from 0 to at least the largest value.
package enum Ticks {
    /// Ticks from 0 up to the first step at or above `maximum`, about `target` of them.
    package static func upTo(_ maximum: Double, target: Int = 5) -> [Double] {
        let top = maximum.isFinite && maximum > 0 ? maximum : 1
        let step = niceStep(top / Double(max(1, target)))
        let count = Int((top / step - 1e-9).rounded(.up))
        return (0...max(1, count)).map { Double($0) * step }
    }

    /// The step of `ticks` (1 when there are fewer than two).
    package static func step(_ ticks: [Double]) -> Double { ticks.count > 1 ? ticks[1] - ticks[0] : 1 }

    /// A tick's label: as many decimals as the step needs.
    package static func label(_ value: Double, step: Double) -> String {
        var places = 0, scaled = step
        while places < 4 && abs(scaled - scaled.rounded()) > 1e-9 {
            places += 1
            scaled *= 10
        }
        return NumberText.decimal(value, places)
    }

    private static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }
}
