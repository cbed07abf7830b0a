/// Draws one SVG chart: shapes and text in a `width` × `height` coordinate space (CSS pixels), written
/// as inline SVG markup. Coordinates are written with at most two decimals, so the same drawing is the
/// same bytes.
package struct SVGCanvas {
    /// How text sits on its anchor point.
    package enum Anchor: String {
        case start, middle, end
    }

    package let width: Double
    package let height: Double
    private var body = ""

    package init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A rectangle; `tooltip` becomes its `<title>` (shown on hover, read by screen readers).
    package mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                               stroke: String? = nil, strokeWidth: Double = 1, opacity: Double? = nil, tooltip: String? = nil) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\" height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"\(Self.number(strokeWidth))\"" }
        if let opacity { attributes += " fill-opacity=\"\(Self.number(opacity))\"" }
        if let tooltip {
            body += "<rect \(attributes)><title>\(Markup.escape(tooltip))</title></rect>"
        } else {
            body += "<rect \(attributes) />"
        }
    }

    /// A straight line; `dash` is an SVG dash pattern such as "4 3".
    package mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        body += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + " />"
    }

    /// A circle.
    package mutating func circle(cx: Double, cy: Double, r: Double, fill: String, opacity: Double? = nil, stroke: String? = nil) {
        body += "<circle cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\" fill=\"\(fill)\""
            + (opacity.map { " fill-opacity=\"\(Self.number($0))\"" } ?? "")
            + (stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? "") + " />"
    }

    /// A closed polygon through `points`.
    package mutating func polygon(_ points: [(Double, Double)], fill: String, stroke: String? = nil) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        body += "<polygon points=\"\(list)\" fill=\"\(fill)\"" + (stroke.map { " stroke=\"\($0)\"" } ?? "") + " />"
    }

    /// Text whose anchor point is (`x`, `y`): `anchor` says which end (or the middle) of the text is there,
    /// and the point is on the text's vertical middle when `centred`, else on its baseline. `rotate` turns
    /// it about the anchor point, in degrees (negative is anticlockwise). A `halo` (a white outline under the
    /// letters) keeps text readable where it crosses a line.
    package mutating func text(_ text: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start,
                               fill: String = "#222", bold: Bool = false, centred: Bool = false, rotate: Double? = nil,
                               halo: Bool = false, tooltip: String? = nil) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if fill != "#222" { attributes += " fill=\"\(fill)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if centred { attributes += " dy=\"0.35em\"" }
        if halo { attributes += " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" }
        if let rotate { attributes += " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\"" }
        let title = tooltip.map { "<title>\(Markup.escape($0))</title>" } ?? ""
        body += "<text \(attributes)>\(title)\(Markup.escape(text))</text>"
    }

    /// The chart as an `<svg>` element with `label` as its accessible name and `<title>`. It is drawn at
    /// its own size and shrinks with a narrower page (the style sheet caps its width at 100%).
    package func svg(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
            + "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" role=\"img\" aria-label=\"\(Markup.escape(label))\">"
            + "<title>\(Markup.escape(label))</title>\(body)</svg>"
    }

    /// `value` with at most two decimals and no trailing zeros ("12", "3.5", "-0.25"); 0 for values that are not finite.
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        if hundredths == 0 { return "0" }
        let sign = hundredths < 0 ? "-" : "", magnitude = abs(hundredths)
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// About how wide `text` is at `size` in a sans-serif font, for laying labels out without measuring them.
    package static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }
}
