import ScoreKit
import Store

extension FactLoader {
    /// Account attributes: employees, and a 1/0 flag per industry and per country asked for.
    ///
    /// Attributes are master data without an event time; they are read as the database holds them.
    func loadAccountFacts(_ wanted: Set<FactKey>, into builder: inout ColumnBuilder) throws {
        let industries = Set(
            wanted.compactMap { key -> String? in
                if case .industry(let name) = key { return name }
                return nil
            })
        let countries = Set(
            wanted.compactMap { key -> String? in
                if case .country(let name) = key { return name }
                return nil
            })
        let wantsEmployees = wanted.contains(.employees)
        guard wantsEmployees || !industries.isEmpty || !countries.isEmpty else { return }
        try database.makeStatement("SELECT id, employees, lower(trim(industry)), lower(trim(country)) FROM accounts")
            .forEach { row in
                guard let position = builder.position(row.integer(0)) else { return }
                if wantsEmployees, let employees = row.optionalDouble(1) {
                    builder.set(.employees, position, employees)
                }
                if let industry = row.text(2), !industry.isEmpty {
                    for name in industries {
                        builder.set(.industry(name), position, name.lowercased() == industry ? 1 : 0)
                    }
                }
                if let country = row.text(3), !country.isEmpty {
                    for name in countries {
                        builder.set(.country(name), position, name.lowercased() == country ? 1 : 0)
                    }
                }
            }
    }
}
