/// Small inline SVG charts for the HTML report: bars, a line of points, a heat map, a scatter.
enum SVG {
    static let width = 480.0
    static let height = 200.0

    /// Escapes text for HTML and SVG.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func number(_ value: Double) -> String { Figures.fixed(value, decimals: 1) }

    /// Vertical bars with labels under them; each bar is a `rect.bar` with a tooltip.
    static func bars(_ values: [(label: String, value: Double)], title: String) -> String {
        let top = max(values.map(\.value).max() ?? 1, 1e-9)
        let slot = width / Double(max(values.count, 1))
        var body = ""
        for (index, item) in values.enumerated() {
            let barHeight = item.value / top * (height - 30)
            let x = Double(index) * slot + 2
            body += "<rect class=\"bar\" x=\"\(number(x))\" y=\"\(number(height - 20 - barHeight))\" width=\"\(number(slot - 4))\" "
                + "height=\"\(number(barHeight))\"><title>\(escape(item.label)): \(Figures.raw(item.value))</title></rect>"
            body += "<text x=\"\(number(x + slot / 2 - 2))\" y=\"\(number(height - 6))\" text-anchor=\"middle\">\(escape(item.label))</text>"
        }
        return frame(body, title: title)
    }

    /// Points joined by a line, one `circle.point` per value.
    static func line(_ values: [(label: String, value: Double)], title: String, maximum: Double = 100) -> String {
        guard !values.isEmpty else { return "" }
        let step = values.count > 1 ? (width - 40) / Double(values.count - 1) : 0
        let points = values.enumerated().map { index, item in
            (x: 20 + Double(index) * step, y: height - 20 - item.value / max(maximum, 1e-9) * (height - 40), item: item)
        }
        var body = "<polyline class=\"trend\" fill=\"none\" points=\"" + points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ") + "\"/>"
        for point in points {
            body += "<circle class=\"point\" cx=\"\(number(point.x))\" cy=\"\(number(point.y))\" r=\"4\"><title>\(escape(point.item.label)): "
                + "\(Figures.fixed(point.item.value))</title></circle>"
        }
        return frame(body, title: title)
    }

    /// A heat map of counts: rows by columns, each cell a `rect.cell` shaded by its count.
    static func heatMap(rows: [String], columns: [String], count: (String, String) -> Int, title: String) -> String {
        let top = Double(rows.flatMap { row in columns.map { count(row, $0) } }.max() ?? 1)
        let cellWidth = (width - 120) / Double(max(columns.count, 1))
        let cellHeight = (height - 30) / Double(max(rows.count, 1))
        var body = ""
        for (r, row) in rows.enumerated() {
            body += "<text x=\"115\" y=\"\(number(Double(r) * cellHeight + cellHeight / 2 + 4))\" text-anchor=\"end\">\(escape(row))</text>"
            for (c, column) in columns.enumerated() {
                let value = count(row, column)
                let shade = top > 0 ? Double(value) / top : 0
                body += "<rect class=\"cell\" x=\"\(number(120 + Double(c) * cellWidth))\" y=\"\(number(Double(r) * cellHeight))\" "
                    + "width=\"\(number(cellWidth - 2))\" height=\"\(number(cellHeight - 2))\" fill-opacity=\"\(number(0.1 + 0.9 * shade))\">"
                    + "<title>\(escape(row)) x \(escape(column)): \(value)</title></rect>"
            }
        }
        for (c, column) in columns.enumerated() {
            body += "<text x=\"\(number(120 + Double(c) * cellWidth + cellWidth / 2))\" y=\"\(number(height - 8))\" text-anchor=\"middle\">\(escape(column))</text>"
        }
        return frame(body, title: title)
    }

    /// A scatter of (x, y) on 0...100, one `circle.dot` each.
    static func scatter(_ points: [(x: Double, y: Double)], title: String) -> String {
        var body = "<line class=\"axis\" x1=\"20\" y1=\"\(number(height - 20))\" x2=\"\(number(width - 10))\" y2=\"\(number(height - 20))\"/>"
        for point in points {
            let x = 20 + point.x / 100 * (width - 30)
            let y = height - 20 - point.y / 100 * (height - 30)
            body += "<circle class=\"dot\" cx=\"\(number(x))\" cy=\"\(number(y))\" r=\"2\"/>"
        }
        return frame(body, title: title)
    }

    /// An ROC curve with the chance diagonal.
    static func roc(_ curve: [(falsePositiveRate: Double, truePositiveRate: Double)], title: String) -> String {
        let size = height - 20
        let points = curve.map { "\(number(20 + $0.falsePositiveRate * size)),\(number(size - $0.truePositiveRate * size + 5))" }
        let body = "<line class=\"chance\" x1=\"20\" y1=\"\(number(size + 5))\" x2=\"\(number(20 + size))\" y2=\"5\"/>"
            + "<polyline class=\"roc\" fill=\"none\" points=\"\(points.joined(separator: " "))\"/>"
        return frame(body, title: title)
    }

    private static func frame(_ body: String, title: String) -> String {
        "<figure><figcaption>\(escape(title))</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\(body)</svg></figure>"
    }
}
