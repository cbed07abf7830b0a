/// A confusion matrix as a heat map: one row per true label, one column per predicted label, each cell
/// coloured by its share of the row (viridis, from yellow for a few to dark for all) and showing its count.
/// The diagonal's counts are bold; empty cells stay white; each row's total is written at its right.
package struct HeatMap {
    package var rowLabels: [String]
    package var columnLabels: [String]
    /// `counts[r][c]`: items of row label r counted under column label c.
    package var counts: [[Int]]
    package var rowTitle = "true label"
    package var columnTitle = "predicted label"

    package init(rowLabels: [String], columnLabels: [String], counts: [[Int]]) {
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.counts = counts
    }

    /// Labels longer than this are cut, with an ellipsis (the full name is in the tooltip).
    static let longestLabel = 28

    package func svg(label: String) -> String {
        let rows = rowLabels.count, columns = columnLabels.count
        let largest = max(rows, columns)
        let cell: Double = largest <= 6 ? 52 : largest <= 10 ? 44 : largest <= 16 ? 38 : largest <= 24 ? 32 : 26
        let fontSize: Double = 12, countSize = min(13, cell * 0.36)
        let shortRows = rowLabels.map(Self.shortened), shortColumns = columnLabels.map(Self.shortened)
        let rowLabelWidth = (shortRows.map { SVGCanvas.textWidth($0, size: fontSize) }.max() ?? 0) + 10
        let columnLabelLength = shortColumns.map { SVGCanvas.textWidth($0, size: fontSize) }.max() ?? 0
        let slant = 0.7071
        let x0 = 26 + rowLabelWidth, y0 = 26 + columnLabelLength * slant + 8
        let gridWidth = Double(columns) * cell, gridHeight = Double(rows) * cell
        let totalsWidth = 60.0
        let width = max(x0 + gridWidth + totalsWidth, x0 + (Double(columns) - 0.5) * cell + columnLabelLength * slant + 12)
        let legendTop = y0 + gridHeight + 24
        var canvas = SVGCanvas(width: max(width, Self.legendWidth + 8).rounded(.up), height: legendTop + 46)

        canvas.text(columnTitle, x: x0 + gridWidth / 2, y: 14, size: 13, anchor: .middle, bold: true)
        canvas.text(rowTitle, x: 12, y: y0 + gridHeight / 2, size: 13, anchor: .middle, bold: true, centred: true, rotate: -90)
        for (c, name) in shortColumns.enumerated() {
            let x = x0 + (Double(c) + 0.5) * cell
            canvas.text(name, x: x + 3, y: y0 - 6, size: fontSize, rotate: -45, tooltip: columnLabels[c])
        }
        canvas.text("total", x: x0 + gridWidth + totalsWidth / 2, y: y0 - 6, size: fontSize, anchor: .middle, fill: Palette.axis)
        for r in 0..<rows {
            let y = y0 + Double(r) * cell
            let row = r < counts.count ? counts[r] : []
            let total = row.reduce(0, +)
            canvas.text(shortRows[r], x: x0 - 8, y: y + cell / 2, size: fontSize, anchor: .end, centred: true, tooltip: rowLabels[r])
            for c in 0..<columns {
                let count = c < row.count ? row[c] : 0
                let x = x0 + Double(c) * cell
                let share = total > 0 ? Double(count) / Double(total) : 0
                let fill = count > 0 ? Self.colour(share: share) : "#ffffff"
                let tooltip = "\(rowLabels[r]) → \(columnLabels[c]): \(NumberText.count(count))"
                    + (total > 0 ? " (\(NumberText.percent(share)) of \(rowLabels[r]))" : "")
                canvas.rect(x: x, y: y, width: cell, height: cell, fill: fill, stroke: "#d0d0d0", strokeWidth: 0.5, tooltip: tooltip)
                if count > 0 {
                    canvas.text(NumberText.count(count), x: x + cell / 2, y: y + cell / 2, size: countSize, anchor: .middle,
                                fill: Palette.text(on: fill), bold: r == c, centred: true)
                }
            }
            canvas.text(NumberText.count(total), x: x0 + gridWidth + totalsWidth / 2, y: y + cell / 2, size: countSize,
                        anchor: .middle, fill: Palette.axis, centred: true)
        }
        // The diagonal, outlined so that it is found without colour.
        for d in 0..<min(rows, columns) {
            canvas.rect(x: x0 + Double(d) * cell, y: y0 + Double(d) * cell, width: cell, height: cell, fill: "none",
                        stroke: "#000000", strokeWidth: 1.5)
        }
        drawLegend(&canvas, x: min(x0, max(8, canvas.width - Self.legendWidth)), y: legendTop)
        return canvas.svg(label: label)
    }

    /// The colour of a cell holding `share` of its row: yellow for a little, dark blue-purple for all. The
    /// scale is the square root of the share, so that the small shares errors have differ in colour too.
    static func colour(share: Double) -> String { Palette.viridis(1 - position(share)) }

    /// Where `share` sits along the colour scale, from 0 to 1.
    static func position(_ share: Double) -> Double { share > 0 ? min(1, share).squareRoot() : 0 }

    /// How wide the colour legend is.
    static let legendLength = 300.0
    static let legendWidth = 150 + legendLength + 12 + SVGCanvas.textWidth(legendNote, size: 11)
    static let legendNote = "blank: none · outlined: correct"

    private func drawLegend(_ canvas: inout SVGCanvas, x: Double, y: Double) {
        let steps = 24, length = Self.legendLength, swatch = length / Double(steps)
        canvas.text("share of the row's items:", x: x, y: y + 8, size: 11, fill: Palette.axis, centred: true)
        let start = x + 150
        for i in 0..<steps {
            let position = (Double(i) + 0.5) / Double(steps)
            canvas.rect(x: start + Double(i) * swatch, y: y, width: swatch + 0.3, height: 16, fill: Palette.viridis(1 - position))
        }
        for (share, label) in [(0.0, "0%"), (0.01, "1%"), (0.05, "5%"), (0.1, "10%"), (0.25, "25%"), (0.5, "50%"), (1.0, "100%")] {
            let at = start + Self.position(share) * length
            canvas.line(x1: at, y1: y + 16, x2: at, y2: y + 20, stroke: Palette.axis)
            canvas.text(label, x: at, y: y + 30, size: 10, anchor: .middle, fill: Palette.axis)
        }
        canvas.text(Self.legendNote, x: start + length + 12, y: y + 8, size: 11, fill: Palette.axis, centred: true)
    }

    static func shortened(_ label: String) -> String {
        label.count <= longestLabel ? label : String(label.prefix(longestLabel - 1)) + "…"
    }
}
