import ScoreKit

/// The names journeys and touchpoints may have: they make the dotted signal names `explain` shows
/// (`expansion.adoption.product_activity`) and a touchpoint's name is the detail holding its points.
enum JourneyName {
    /// Details the score gives besides touchpoints, which a touchpoint may not be named after.
    static let reserved = ["committee_source", "revenue_icp_grade", "brand_icp_grade"]

    /// Throws unless `name` is a lowercase letter then letters, digits and underscores (and, for a touchpoint, not a
    /// detail the score already gives).
    static func check(_ name: String, kind: String, at path: [String]) throws {
        let letters = Set("abcdefghijklmnopqrstuvwxyz")
        let allowed = letters.union("0123456789_")
        guard let first = name.first, letters.contains(first), name.allSatisfy(allowed.contains) else {
            throw ConfigurationProblem(
                "\(kind) name \"\(name)\" must be a lowercase letter followed by a-z, 0-9 or _", at: path)
        }
        if kind == "touchpoint", reserved.contains(name) {
            throw ConfigurationProblem(
                "touchpoint name \"\(name)\" is taken by a detail (\(reserved.joined(separator: ", ")))", at: path)
        }
    }
}
