import Foundation

/// The distribution of values in equal-width bins over a fixed range, each bar with its count above it,
/// and the mean and median marked by labelled lines.
package struct Histogram {
    package var values: [Double]
    package var range: ClosedRange<Double> = 0...1
    package var binCount = 20
    package var colour = Palette.blue
    package var axisTitle = ""
    package var width = 720.0
    package var height = 200.0

    package init(values: [Double]) { self.values = values }

    /// Each bin's count: bin b holds values in [low + b·w, low + (b+1)·w), the last bin also its upper end.
    package var counts: [Int] {
        var counts = [Int](repeating: 0, count: binCount)
        let span = range.upperBound - range.lowerBound
        for value in values where value.isFinite {
            let position = span > 0 ? (value - range.lowerBound) / span * Double(binCount) : 0
            counts[min(binCount - 1, max(0, Int(position)))] += 1
        }
        return counts
    }

    package func svg(label: String) -> String {
        let left = 44.0, right = 12.0, top = 40.0, bottom = 38.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let counts = self.counts
        let ticks = Ticks.upTo(Double(counts.max() ?? 0), target: 4)
        let yMax = ticks.last ?? 1
        var canvas = SVGCanvas(width: width, height: height)
        func x(_ value: Double) -> Double {
            left + (value - range.lowerBound) / (range.upperBound - range.lowerBound) * plotWidth
        }
        func y(_ count: Double) -> Double { top + plotHeight - count / yMax * plotHeight }
        for tick in ticks {
            canvas.line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), stroke: Palette.grid)
            canvas.text(Ticks.label(tick, step: Ticks.step(ticks)), x: left - 6, y: y(tick), size: 10, anchor: .end,
                        fill: Palette.axis, centred: true)
        }
        let binWidth = plotWidth / Double(binCount)
        let span = range.upperBound - range.lowerBound
        for (b, count) in counts.enumerated() {
            let low = range.lowerBound + span * Double(b) / Double(binCount)
            let high = range.lowerBound + span * Double(b + 1) / Double(binCount)
            let barTop = y(Double(count))
            canvas.rect(x: left + Double(b) * binWidth + 1, y: barTop, width: binWidth - 2, height: top + plotHeight - barTop,
                        fill: colour, tooltip: "\(NumberText.decimal(low, 2))–\(NumberText.decimal(high, 2)): \(NumberText.count(count))")
        }
        canvas.line(x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight, stroke: Palette.axis)
        let xTicks = stride(from: 0, through: binCount, by: binCount % 4 == 0 ? binCount / 4 : 1).map {
            range.lowerBound + span * Double($0) / Double(binCount)
        }
        for tick in xTicks {
            canvas.line(x1: x(tick), y1: top + plotHeight, x2: x(tick), y2: top + plotHeight + 4, stroke: Palette.axis)
            canvas.text(Ticks.label(tick, step: span / 4), x: x(tick), y: top + plotHeight + 16, size: 10, anchor: .middle, fill: Palette.axis)
        }
        canvas.text(axisTitle, x: left + plotWidth / 2, y: height - 4, size: 12, anchor: .middle)
        let finite = values.filter(\.isFinite).sorted()
        if !finite.isEmpty {
            let mean = finite.reduce(0, +) / Double(finite.count)
            let median = finite.count % 2 == 1 ? finite[finite.count / 2] : (finite[finite.count / 2 - 1] + finite[finite.count / 2]) / 2
            canvas.line(x1: x(mean), y1: 20, x2: x(mean), y2: top + plotHeight, stroke: Palette.vermilion, width: 2)
            canvas.line(x1: x(median), y1: 20, x2: x(median), y2: top + plotHeight, stroke: "#000000", width: 1.5, dash: "5 3")
            let meanText = "mean \(NumberText.decimal(mean, 3))", medianText = "median \(NumberText.decimal(median, 3))"
            // The two labels sit on either side of their lines, the smaller value's to the left.
            let meanLeft = mean < median
            canvas.text(meanText, x: x(mean) + (meanLeft ? -4 : 4), y: 14, size: 11, anchor: meanLeft ? .end : .start,
                        fill: Palette.vermilion, bold: true)
            canvas.text(medianText, x: x(median) + (meanLeft ? 4 : -4), y: 14, size: 11, anchor: meanLeft ? .start : .end)
        }
        // The counts last, over the mean and median lines.
        for (b, count) in counts.enumerated() where count > 0 {
            canvas.text(NumberText.count(count), x: left + (Double(b) + 0.5) * binWidth, y: y(Double(count)) - 3, size: 10,
                        anchor: .middle, fill: "#333", halo: true)
        }
        return canvas.svg(label: label)
    }
}
