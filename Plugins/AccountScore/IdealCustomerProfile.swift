import ScoreKit

/// One criterion of an ideal customer profile.
public enum ProfileCriterion: String, WeightedSignal {
    /// The account's industry is one of the profile's.
    case industry
    /// The account's employees are in the profile's range.
    case employees
    /// The account's country is one of the profile's.
    case country

    /// The criterion's weight inside the profile when the configuration gives none.
    public var defaultWeight: Double { self == .country ? 20 : 40 }
}

/// An ideal customer profile (seed 002: revenue ICP or brand-equity ICP): rules on industry, size and country, with
/// weights summing to 100 and grades on the 0-100 match.
///
/// A criterion without a rule (no industries listed, no employee range) matches every account; an account whose
/// attribute is unknown does not match it.
public struct IdealCustomerProfile: Sendable, Equatable, Codable {
    /// Industries that match, compared without case.
    public var industries: [String] = []
    /// Employee counts that match.
    public var employees: EmployeeRange?
    /// Countries that match (ISO codes as the data writes them), compared without case.
    public var countries: [String] = []
    /// Criterion weights in percent; nil for industry 40, employees 40, country 20.
    public var weights: [String: Double]?
    /// Grades on the match; nil for A 75-100, B 50-74, C 25-49, D 0-24.
    public var grades: Bands?

    /// The default grades.
    public static let standardGrades = Bands.floors([("A", 75), ("B", 50), ("C", 25), ("D", 0)])

    /// Creates a profile.
    public init(industries: [String] = [], employees: EmployeeRange? = nil, countries: [String] = []) {
        self.industries = industries
        self.employees = employees
        self.countries = countries
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case industries, employees, countries, weights, grades
    }

    public init(from decoder: Decoder) throws {
        try SettingKey.refuseUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        industries = try container.decodeIfPresent([String].self, forKey: .industries) ?? []
        employees = try container.decodeIfPresent(EmployeeRange.self, forKey: .employees)
        countries = try container.decodeIfPresent([String].self, forKey: .countries) ?? []
        weights = try container.decodeIfPresent([String: Double].self, forKey: .weights)
        grades = try container.decodeIfPresent(Bands.self, forKey: .grades)
    }

    /// The criterion weights in force, in criterion order.
    public var effectiveWeights: [(name: String, weight: Double)] { ProfileCriterion.weights(weights) }

    /// The grades in force.
    public var effectiveGrades: Bands { grades ?? Self.standardGrades }

    /// Checks the criterion weights; `path` names the profile (`["icp", "revenue_icp"]`).
    func validate(at path: [String]) throws {
        try ProfileCriterion.check(weights, at: path + ["weights"])
    }

    /// The facts the profile's rules read.
    var facts: [FactKey] {
        industries.map { .industry($0.lowercased()) } + countries.map { .country($0.lowercased()) } + [.employees]
    }

    /// Every account's match, 0-100: the weights of the criteria it meets; `count` is the number of accounts.
    func match(_ columns: [FactKey: [Double?]], count: Int) -> [Double?] {
        let weights = Dictionary(uniqueKeysWithValues: effectiveWeights.map { ($0.name, $0.weight) })
        var total = [Double?](repeating: 0, count: count)
        /// Adds a criterion's weight to the accounts whose facts meet it.
        func add(_ criterion: ProfileCriterion, where meets: (Int) -> Bool) {
            let weight = weights[criterion.rawValue] ?? 0
            for row in 0..<count where meets(row) { total[row] = (total[row] ?? 0) + weight }
        }
        func column(_ key: FactKey) -> [Double?] { columns[key] ?? Array(repeating: nil, count: count) }
        let industryColumns = industries.map { column(.industry($0.lowercased())) }
        add(.industry) { row in industries.isEmpty || industryColumns.contains { $0[row] == 1 } }
        let employeeCounts = column(.employees)
        add(.employees) { row in employees.map { range in employeeCounts[row].map(range.contains) ?? false } ?? true }
        let countryColumns = countries.map { column(.country($0.lowercased())) }
        add(.country) { row in countries.isEmpty || countryColumns.contains { $0[row] == 1 } }
        return total
    }
}
