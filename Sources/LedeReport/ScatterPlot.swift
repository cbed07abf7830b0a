/// Points on two axes that start at zero, with the line y = x drawn when both measure the same thing
/// (a summary's length against its reference's). Dots are translucent so that piles show as darker spots.
package struct ScatterPlot {
    package var points: [(x: Double, y: Double)]
    package var xTitle = ""
    package var yTitle = ""
    /// Whether to draw y = x (both axes then share one scale).
    package var diagonal = true
    package var width = 520.0
    package var height = 400.0

    package init(points: [(x: Double, y: Double)]) { self.points = points }

    package func svg(label: String) -> String {
        let left = 56.0, right = 16.0, top = 16.0, bottom = 44.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let largestX = points.map(\.x).max() ?? 1, largestY = points.map(\.y).max() ?? 1
        let xTicks = Ticks.upTo(diagonal ? max(largestX, largestY) : largestX, target: 5)
        let yTicks = diagonal ? xTicks : Ticks.upTo(largestY, target: 5)
        let xMax = xTicks.last ?? 1, yMax = yTicks.last ?? 1
        func x(_ value: Double) -> Double { left + value / xMax * plotWidth }
        func y(_ value: Double) -> Double { top + plotHeight - value / yMax * plotHeight }
        var canvas = SVGCanvas(width: width, height: height)
        for tick in yTicks {
            canvas.line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), stroke: Palette.grid)
            canvas.text(Ticks.label(tick, step: Ticks.step(yTicks)), x: left - 6, y: y(tick), size: 10, anchor: .end,
                        fill: Palette.axis, centred: true)
        }
        for tick in xTicks {
            canvas.line(x1: x(tick), y1: top, x2: x(tick), y2: top + plotHeight, stroke: Palette.grid)
            canvas.text(Ticks.label(tick, step: Ticks.step(xTicks)), x: x(tick), y: top + plotHeight + 15, size: 10,
                        anchor: .middle, fill: Palette.axis)
        }
        canvas.line(x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight, stroke: Palette.axis)
        canvas.line(x1: left, y1: top, x2: left, y2: top + plotHeight, stroke: Palette.axis)
        if diagonal {
            let end = min(xMax, yMax)
            canvas.line(x1: x(0), y1: y(0), x2: x(end), y2: y(end), stroke: "#000000", width: 1.2, dash: "5 4")
            canvas.text("same length", x: x(end) - 4, y: y(end) + 14, size: 11, anchor: .end, fill: "#000000")
        }
        for point in points {
            canvas.circle(cx: x(point.x), cy: y(point.y), r: 2.6, fill: Palette.blue, opacity: 0.4)
        }
        canvas.text(xTitle, x: left + plotWidth / 2, y: height - 6, size: 12, anchor: .middle)
        canvas.text(yTitle, x: 14, y: top + plotHeight / 2, size: 12, anchor: .middle, centred: true, rotate: -90)
        return canvas.svg(label: label)
    }
}
