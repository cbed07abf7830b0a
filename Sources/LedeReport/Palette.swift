import Foundation

/// Colours that people with the common colour-vision deficiencies can tell apart: viridis for
/// quantities (dark blue-purple to yellow, lightness rising steadily) and Okabe and Ito's eight
/// colours for categories. Every chart also writes its numbers as text, so no reading rests on colour alone.
package enum Palette {
    /// Okabe and Ito's categorical colours: orange, sky blue, bluish green, yellow, blue, vermilion,
    /// reddish purple, black.
    package static let categories = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
    /// Okabe–Ito blue, the colour of a chart's main series.
    package static let blue = "#0072B2"
    /// Okabe–Ito vermilion, the colour that marks a reference or a target beside the main series.
    package static let vermilion = "#D55E00"
    /// Okabe–Ito orange.
    package static let orange = "#E69F00"
    /// Axis lines, grid lines and secondary text.
    package static let axis = "#666666"
    package static let grid = "#e3e3e3"
    package static let muted = "#9a9a9a"

    /// Viridis at eleven evenly spaced points, from 0 to 1.
    private static let viridisStops: [(Double, Double, Double)] = [
        (0x44, 0x01, 0x54), (0x48, 0x24, 0x75), (0x41, 0x44, 0x87), (0x35, 0x5f, 0x8d), (0x2a, 0x78, 0x8e),
        (0x21, 0x91, 0x8c), (0x22, 0xa8, 0x84), (0x44, 0xbf, 0x70), (0x7a, 0xd1, 0x51), (0xbd, 0xdf, 0x26),
        (0xfd, 0xe7, 0x25),
    ]

    /// The viridis colour at `t` in [0, 1] (clamped), as `#rrggbb`: 0 is dark blue-purple, 1 yellow.
    package static func viridis(_ t: Double) -> String {
        let clamped = t.isFinite ? min(1, max(0, t)) : 0
        let position = clamped * Double(viridisStops.count - 1)
        let low = min(viridisStops.count - 2, Int(position)), fraction = position - Double(low)
        let a = viridisStops[low], b = viridisStops[low + 1]
        return hex(a.0 + (b.0 - a.0) * fraction, a.1 + (b.1 - a.1) * fraction, a.2 + (b.2 - a.2) * fraction)
    }

    /// Black or white, whichever reads better on `background` (`#rrggbb`).
    package static func text(on background: String) -> String {
        let digits = Array(background.utf8.dropFirst())
        guard digits.count == 6 else { return "#000000" }
        func channel(_ i: Int) -> Double {
            let value = Double(hexValue(digits[i]) * 16 + hexValue(digits[i + 1])) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
        return luminance > 0.22 ? "#000000" : "#ffffff"
    }

    private static func hexValue(_ c: UInt8) -> Int {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(c - UInt8(ascii: "A")) + 10
        default: 0
        }
    }

    private static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for value in [r, g, b] {
            let byte = min(255, max(0, Int(value.rounded())))
            out.append(digits[byte / 16])
            out.append(digits[byte % 16])
        }
        return out
    }
}
