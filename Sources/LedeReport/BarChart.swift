/// Horizontal bars, one per labelled value, each with its value written at its end: top terms, or any
/// list of named quantities. Bars start at zero; a negative value gets no bar but keeps its number.
package struct BarChart {
    /// One bar.
    package struct Bar {
        package var label: String
        package var value: Double
        /// The number written beside the bar.
        package var valueText: String

        package init(label: String, value: Double, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    package var bars: [Bar]
    package var colour = Palette.blue
    package var width = 360.0
    /// The value a full-length bar stands for (default: the largest value).
    package var scaleMaximum: Double?

    package init(bars: [Bar]) { self.bars = bars }

    static let longestLabel = 26

    package func svg(label: String) -> String {
        let fontSize = 12.0, rowHeight = 20.0
        let names = bars.map { $0.label.count <= Self.longestLabel ? $0.label : String($0.label.prefix(Self.longestLabel - 1)) + "…" }
        let labelWidth = min(width * 0.45, (names.map { SVGCanvas.textWidth($0, size: fontSize) }.max() ?? 0) + 8)
        let valueWidth = (bars.map { SVGCanvas.textWidth($0.valueText, size: 11) }.max() ?? 0) + 8
        let barSpace = max(20, width - labelWidth - valueWidth)
        let top = max(scaleMaximum ?? 0, bars.map(\.value).max() ?? 0)
        var canvas = SVGCanvas(width: width, height: Double(bars.count) * rowHeight + 4)
        for (i, bar) in bars.enumerated() {
            let y = Double(i) * rowHeight + 2
            canvas.text(names[i], x: labelWidth - 6, y: y + rowHeight / 2, size: fontSize, anchor: .end, centred: true,
                        tooltip: bar.label == names[i] ? nil : bar.label)
            let length = top > 0 && bar.value > 0 ? bar.value / top * barSpace : 0
            canvas.rect(x: labelWidth, y: y + 3, width: length, height: rowHeight - 6, fill: colour,
                        tooltip: "\(bar.label): \(bar.valueText)")
            canvas.text(bar.valueText, x: labelWidth + length + 4, y: y + rowHeight / 2, size: 11, fill: Palette.axis, centred: true)
        }
        canvas.line(x1: labelWidth, y1: 0, x2: labelWidth, y2: canvas.height, stroke: Palette.axis)
        return canvas.svg(label: label)
    }
}
