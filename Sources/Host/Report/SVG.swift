import Foundation

/// Small inline SVG charts for the HTML report, each with axes and its values printed (a page printed or mailed has
/// no tooltips): bars, a line over dates, an ROC curve, a heat map and a scatter.
enum SVG {
    static let width = 440.0
    static let height = 250.0
    /// Room for the y axis's labels, the x labels, the values above the bars.
    static let left = 52.0, right = 12.0, top = 22.0, bottom = 44.0

    /// One bar: its label under it, its value printed above it, its colour (nil for the default).
    struct Bar {
        let label: String
        let value: Double
        var colour: String?
    }

    /// Escapes text for HTML and SVG.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func number(_ value: Double) -> String { Figures.fixed(value, decimals: 1) }

    /// Vertical bars on a y axis from 0 with ticks, each `rect.bar` with its value above it and its label below; a
    /// dashed `line.reference` across at `reference` (lift's 1.0).
    static func bars(
        _ bars: [Bar], title: String, axis: String, format: (Double) -> String, reference: Double? = nil
    ) -> String {
        let scale = YScale(maximum: max(bars.map(\.value).max() ?? 0, reference ?? 0))
        var body = scale.axis(title: axis, format: format)
        let plot = width - left - right
        let slot = plot / Double(max(bars.count, 1))
        let small = bars.count > 8
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * slot
            let y = scale.y(bar.value)
            let fill = bar.colour.map { " style=\"fill:\($0)\"" } ?? ""
            body +=
                "<rect class=\"bar\" x=\"\(number(x + slot * 0.12))\" y=\"\(number(y))\" "
                + "width=\"\(number(slot * 0.76))\" height=\"\(number(max(0, scale.y(0) - y)))\"\(fill)/>"
            body += text(format(bar.value), x: x + slot / 2, y: y - 4, anchor: "middle", className: "value")
            body += text(
                bar.label, x: x + slot / 2, y: height - bottom + 14, anchor: "middle", className: small ? "small" : nil)
        }
        if let reference {
            let y = scale.y(reference)
            body +=
                segment("reference", left, y, width - right, y)
                + text(format(reference), x: width - right, y: y - 3, anchor: "end", className: "small")
        }
        return frame(body, title: title)
    }

    /// Points over dates joined by a line, one `circle.point` each with its value printed above it.
    static func line(_ points: [(label: String, value: Double)], title: String, axis: String) -> String {
        guard !points.isEmpty else { return "" }
        let scale = YScale(maximum: points.map(\.value).max() ?? 0)
        var body = scale.axis(title: axis, format: { Figures.fixed($0, decimals: 0) })
        let plot = width - left - right - 30
        let step = points.count > 1 ? plot / Double(points.count - 1) : 0
        let placed = points.enumerated().map { index, point in
            (x: left + 15 + Double(index) * step, y: scale.y(point.value), point: point)
        }
        body +=
            "<polyline class=\"trend\" fill=\"none\" points=\""
            + placed.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ") + "\"/>"
        let every = max(1, Int((Double(points.count) / 6).rounded(.up)))
        for (index, item) in placed.enumerated() {
            body += "<circle class=\"point\" cx=\"\(number(item.x))\" cy=\"\(number(item.y))\" r=\"4\"/>"
            body += text(
                Figures.fixed(item.point.value), x: item.x, y: item.y - 8, anchor: "middle", className: "value")
            if index % every == 0 || index == placed.count - 1 {
                body += text(item.point.label, x: item.x, y: height - bottom + 14, anchor: "middle", className: "small")
            }
        }
        return frame(body, title: title)
    }

    /// An ROC curve on axes from 0 to 1 (false positive rate across, true positive rate up) with the chance diagonal.
    static func roc(_ curve: [(falsePositiveRate: Double, truePositiveRate: Double)], title: String) -> String {
        let size = height - top - bottom
        let x0 = left, y0 = top + size
        func x(_ rate: Double) -> Double { x0 + rate * size }
        func y(_ rate: Double) -> Double { y0 - rate * size }
        var body = ""
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            body +=
                segment("grid", x0, y(tick), x(1), y(tick))
            body += text(Figures.fixed(tick, decimals: 2), x: x0 - 4, y: y(tick) + 3, anchor: "end", className: "small")
            body += text(Figures.fixed(tick, decimals: 2), x: x(tick), y: y0 + 13, anchor: "middle", className: "small")
        }
        body +=
            segment("axis", x0, y0, x(1), y0)
        body +=
            segment("axis", x0, y0, x0, y(1))
        body +=
            segment("chance", x(0), y(0), x(1), y(1))
        body += text("chance", x: x(0.62), y: y(0.55), anchor: "start", className: "small")
        body +=
            "<polyline class=\"roc\" fill=\"none\" points=\""
            + curve.map { "\(number(x($0.falsePositiveRate))),\(number(y($0.truePositiveRate)))" }.joined(
                separator: " ") + "\"/>"
        body += text("false positive rate", x: x(0.5), y: height - 12, anchor: "middle", className: nil)
        body += verticalText("true positive rate", x: 14, y: top + size / 2)
        return frame(body, title: title)
    }

    /// A heat map of counts, rows and columns in the order given (band order), each `rect.cell` shaded by its count
    /// with the count printed in it.
    static func heatMap(rows: [String], columns: [String], count: (String, String) -> Int, title: String) -> String {
        let highest = Double(rows.flatMap { row in columns.map { count(row, $0) } }.max() ?? 1)
        let labelWidth = 110.0
        let cellWidth = (width - labelWidth - right) / Double(max(columns.count, 1))
        let cellHeight = (height - top - bottom) / Double(max(rows.count, 1))
        var body = ""
        for (r, row) in rows.enumerated() {
            let y = top + Double(r) * cellHeight
            body += text(row, x: labelWidth - 5, y: y + cellHeight / 2 + 4, anchor: "end", className: "small")
            for (c, column) in columns.enumerated() {
                let value = count(row, column)
                let shade = highest > 0 ? Double(value) / highest : 0
                let x = labelWidth + Double(c) * cellWidth
                body +=
                    "<rect class=\"cell\" x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(cellWidth - 2))\" "
                    + "height=\"\(number(cellHeight - 2))\" "
                    + "fill-opacity=\"\(Figures.fixed(0.08 + 0.8 * shade, decimals: 2))\"/>"
                body += text(
                    String(value), x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle", className: "value"
                )
            }
        }
        for (c, column) in columns.enumerated() {
            body += text(
                column, x: labelWidth + Double(c) * cellWidth + cellWidth / 2, y: height - bottom + 14,
                anchor: "middle",
                className: "small")
        }
        return frame(body, title: title)
    }

    /// A scatter of percentile ranks (0 to 100 both ways) on axes, one `circle.dot` each.
    static func scatter(_ points: [(x: Double, y: Double)], title: String, xAxis: String, yAxis: String) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ value: Double) -> Double { left + value / 100 * plotWidth }
        func y(_ value: Double) -> Double { top + plotHeight - value / 100 * plotHeight }
        var body = ""
        for tick in [0.0, 50, 100] {
            body += text(
                Figures.fixed(tick, decimals: 0), x: left - 4, y: y(tick) + 3, anchor: "end", className: "small")
            body += text(
                Figures.fixed(tick, decimals: 0), x: x(tick), y: top + plotHeight + 13, anchor: "middle",
                className: "small")
        }
        body +=
            segment("axis", left, y(0), x(100), y(0))
        body +=
            segment("axis", left, y(0), left, y(100))
        for point in points {
            body += "<circle class=\"dot\" cx=\"\(number(x(point.x)))\" cy=\"\(number(y(point.y)))\" r=\"2\"/>"
        }
        body += text(xAxis, x: left + plotWidth / 2, y: height - 12, anchor: "middle", className: nil)
        body += verticalText(yAxis, x: 14, y: top + plotHeight / 2)
        return frame(body, title: title)
    }

    /// A straight `line` of a class from (x1, y1) to (x2, y2).
    static func segment(_ className: String, _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
        "<line class=\"\(className)\" x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" "
            + "y2=\"\(number(y2))\"/>"
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String, className: String?) -> String {
        let attribute = className.map { " class=\"\($0)\"" } ?? ""
        return "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\"\(attribute)>"
            + escape(content) + "</text>"
    }

    static func verticalText(_ content: String, x: Double, y: Double) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 \(number(x)) \(number(y)))\">" + escape(content) + "</text>"
    }

    private static func frame(_ body: String, title: String) -> String {
        "<figure><figcaption>\(escape(title))</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
            + "aria-label=\"\(escape(title))\">\(body)</svg></figure>"
    }
}

/// A y axis from 0 to a round number above the largest value, with four or five ticks.
struct YScale {
    let ceiling: Double
    let step: Double

    init(maximum: Double) {
        let raw = max(maximum, 1e-9) * 1.12 / 4
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        self.step = step
        ceiling = step * (max(maximum, 1e-9) * 1.12 / step).rounded(.up)
    }

    /// The y coordinate of a value.
    func y(_ value: Double) -> Double {
        let plot = SVG.height - SVG.top - SVG.bottom
        return SVG.top + plot - min(value, ceiling) / ceiling * plot
    }

    /// Grid lines, tick labels (fractional steps with two decimals, else written by `format`) and the axis's title.
    func axis(title: String, format: (Double) -> String) -> String {
        var body = ""
        for index in 0...Int((ceiling / step).rounded()) {
            let value = Double(index) * step
            let y = y(value)
            body += SVG.segment(index == 0 ? "axis" : "grid", SVG.left, y, SVG.width - SVG.right, y)
            let label = step < 1 ? Figures.fixed(value, decimals: 2) : format(value)
            body += SVG.text(label.isEmpty ? "0" : label, x: SVG.left - 4, y: y + 3, anchor: "end", className: "small")
        }
        body += SVG.segment("axis", SVG.left, SVG.top, SVG.left, y(0))
        return body + SVG.verticalText(title, x: 14, y: SVG.top + (SVG.height - SVG.top - SVG.bottom) / 2)
    }
}
