import Foundation
import Yams

/// Reads a score's `where:` node into a `Segment`, naming the line of anything it cannot read.
struct SegmentParser {
    let file: String
    let score: String

    func parse(_ node: Node, keyLine: Int?) throws -> Segment {
        guard let mapping = node.mapping else {
            throw error("where: expected field: value (fields: \(Segment.fields.joined(separator: ", ")))", keyLine)
        }
        var industries: [String] = []
        var employees: ClosedRange<Double>?
        var countries: [String] = []
        var others: [FieldFilter] = []
        for (key, value) in mapping {
            let line = key.mark?.line ?? keyLine
            let field = key.string ?? ""
            switch field {
            case "industry": industries = try names(value, field: "industry", line: line)
            case "country": countries = try names(value, field: "country", line: line)
            case "employees": employees = try range(value, line: line)
            default:
                guard field.range(of: #"^[A-Za-z_][A-Za-z0-9_.\-]*$"#, options: .regularExpression) != nil else {
                    throw error("where: \"\(field)\" is not a field name", line)
                }
                if let text = value.string, let bounds = try? range(value, line: line), text.contains("-") {
                    others.append(FieldFilter(field: field, range: bounds))
                } else {
                    others.append(FieldFilter(field: field, values: try names(value, field: field, line: line)))
                }
            }
        }
        return Segment(industries: industries, employees: employees, countries: countries, others: others)
    }

    private func names(_ node: Node, field: String, line: Int?) throws -> [String] {
        if let text = node.string, !text.isEmpty { return [text] }
        if let sequence = node.sequence {
            let texts = sequence.compactMap(\.string).filter { !$0.isEmpty }
            if texts.count == sequence.count && !texts.isEmpty { return texts }
        }
        throw error("where.\(field): expected a name or a list of names", line)
    }

    private func range(_ node: Node, line: Int?) throws -> ClosedRange<Double> {
        let text = node.string ?? ""
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard parts.count == 2, let lower = Double(parts[0]), let upper = Double(parts[1]), lower <= upper else {
            throw error("where.employees: \"\(text)\" is not a range like 50-1000", line)
        }
        return lower...upper
    }

    private func error(_ message: String, _ line: Int?) -> ConfigError {
        ConfigError(file: file, line: line, score: score, message: message)
    }
}
