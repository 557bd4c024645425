/// The check of one setting's value on its own, saying what is wrong in the words of a configuration error.
///
/// `validate()` runs every setting's check before the module's checks of values together, and reports the problem
/// at the setting's key: `config/scorebook.yml:7: score "health": must be a positive number of days, got 0`.
public struct SettingCheck<Value>: Sendable {
    /// What is wrong with a value; nil when nothing is.
    let problem: @Sendable (Value) -> String?

    /// Creates a check from a function that says what is wrong with a value, or nil.
    public init(_ problem: @escaping @Sendable (Value) -> String?) {
        self.problem = problem
    }

    /// Throws what is wrong with `value` at `path`; for settings' own tables, such as a risk per sector.
    public func check(_ value: Value, at path: [String]) throws {
        if let problem = problem(value) { throw ConfigurationProblem(problem, at: path) }
    }

    /// The check applied to a value that is set; an unset value passes.
    public static func whenSet<Wrapped>(_ check: SettingCheck<Wrapped>) -> SettingCheck<Value>
    where Value == Wrapped? {
        SettingCheck { value in value.flatMap(check.problem) }
    }
}

extension SettingCheck where Value == Int {
    /// A window or horizon in days: more than 0.
    public static var positiveDays: SettingCheck { positive("days") }

    /// A count of something (`employees`) above 0.
    public static func positive(_ unit: String) -> SettingCheck {
        SettingCheck { $0 > 0 ? nil : "must be a positive number of \(unit), got \($0)" }
    }

    /// At least `minimum`.
    public static func atLeast(_ minimum: Int) -> SettingCheck {
        SettingCheck { $0 >= minimum ? nil : "must be at least \(minimum), got \($0)" }
    }
}

extension SettingCheck where Value == Double {
    /// An NPS answer, 0-10.
    public static var npsAnswer: SettingCheck {
        SettingCheck { (0...10).contains($0) ? nil : "must be an NPS answer 0-10, got \($0)" }
    }
}
