/// A reliability diagram: for each confidence bin, a bar as tall as the accuracy of the predictions in it,
/// a vermilion tick at their mean confidence, and the dashed line where the two are equal. Below, how many
/// predictions each bin holds. Each non-empty bin's accuracy and count are written as numbers.
package struct ReliabilityDiagram {
    /// One confidence bin: predictions whose top-label confidence fell in `(lower, upper]`.
    package struct Bin {
        package var lower: Double
        package var upper: Double
        package var count: Int
        package var meanConfidence: Double
        package var accuracy: Double

        package init(lower: Double, upper: Double, count: Int, meanConfidence: Double, accuracy: Double) {
            self.lower = lower
            self.upper = upper
            self.count = count
            self.meanConfidence = meanConfidence
            self.accuracy = accuracy
        }
    }

    package var bins: [Bin]
    package var width = 620.0

    package init(bins: [Bin]) { self.bins = bins }

    package func svg(label: String) -> String {
        let left = 56.0, right = 16.0, top = 30.0, plotHeight = 280.0, gap = 52.0, countHeight = 80.0, bottom = 40.0
        let plotWidth = width - left - right
        let height = top + plotHeight + gap + countHeight + bottom
        func x(_ value: Double) -> Double { left + value * plotWidth }
        func y(_ value: Double) -> Double { top + plotHeight - value * plotHeight }
        var canvas = SVGCanvas(width: width, height: height)
        // Legend.
        canvas.rect(x: left, y: 6, width: 12, height: 12, fill: Palette.blue)
        canvas.text("accuracy", x: left + 17, y: 12, size: 11, centred: true)
        canvas.line(x1: left + 90, y1: 12, x2: left + 108, y2: 12, stroke: Palette.vermilion, width: 3)
        canvas.text("mean confidence", x: left + 113, y: 12, size: 11, centred: true)
        canvas.line(x1: left + 225, y1: 12, x2: left + 249, y2: 12, stroke: "#000000", dash: "5 4")
        canvas.text("perfect calibration", x: left + 254, y: 12, size: 11, centred: true)

        for tick in stride(from: 0.0, through: 1.0001, by: 0.2) {
            canvas.line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), stroke: Palette.grid)
            canvas.text(NumberText.decimal(tick, 1), x: left - 6, y: y(tick), size: 10, anchor: .end, fill: Palette.axis, centred: true)
        }
        canvas.text("accuracy", x: 14, y: y(0.5), size: 12, anchor: .middle, centred: true, rotate: -90)
        canvas.line(x1: x(0), y1: y(0), x2: x(1), y2: y(1), stroke: "#000000", width: 1.2, dash: "5 4")
        let countTop = top + plotHeight + gap
        let largestCount = Double(bins.map(\.count).max() ?? 1)
        for bin in bins where bin.count > 0 {
            let x0 = x(bin.lower) + 1, barWidth = (bin.upper - bin.lower) * plotWidth - 2
            let middle = x0 + barWidth / 2
            let tooltip = "confidence \(NumberText.decimal(bin.lower, 3))–\(NumberText.decimal(bin.upper, 3)): "
                + "\(NumberText.count(bin.count)) predictions, accuracy \(NumberText.decimal(bin.accuracy, 3)), "
                + "mean confidence \(NumberText.decimal(bin.meanConfidence, 3))"
            canvas.rect(x: x0, y: y(bin.accuracy), width: barWidth, height: bin.accuracy * plotHeight, fill: Palette.blue,
                        opacity: 0.85, tooltip: tooltip)
            canvas.line(x1: x0 - 1, y1: y(bin.meanConfidence), x2: x0 + barWidth + 1, y2: y(bin.meanConfidence),
                        stroke: Palette.vermilion, width: 3)
            // The accuracy above whichever of the bar and the tick is higher.
            let labelY = y(max(bin.accuracy, bin.meanConfidence)) - 5
            canvas.text(NumberText.decimal(bin.accuracy, 2), x: middle, y: labelY, size: 10, anchor: .middle, fill: "#333", halo: true)
            let countBar = max(1, Double(bin.count) / largestCount * countHeight)
            canvas.rect(x: x0, y: countTop + countHeight - countBar, width: barWidth, height: countBar, fill: Palette.muted,
                        tooltip: tooltip)
            canvas.text(NumberText.count(bin.count), x: middle, y: countTop + countHeight - countBar - 4, size: 10,
                        anchor: .middle, fill: "#333")
        }
        canvas.line(x1: left, y1: y(0), x2: left + plotWidth, y2: y(0), stroke: Palette.axis)
        canvas.line(x1: left, y1: countTop + countHeight, x2: left + plotWidth, y2: countTop + countHeight, stroke: Palette.axis)
        canvas.text("count", x: 14, y: countTop + countHeight / 2, size: 12, anchor: .middle, centred: true, rotate: -90)
        for tick in stride(from: 0.0, through: 1.0001, by: 0.2) {
            for baseline in [y(0), countTop + countHeight] {
                canvas.line(x1: x(tick), y1: baseline, x2: x(tick), y2: baseline + 4, stroke: Palette.axis)
            }
            canvas.text(NumberText.decimal(tick, 1), x: x(tick), y: countTop + countHeight + 16, size: 10, anchor: .middle, fill: Palette.axis)
        }
        canvas.text("confidence of the top label", x: left + plotWidth / 2, y: height - 6, size: 12, anchor: .middle)
        return canvas.svg(label: label)
    }
}
