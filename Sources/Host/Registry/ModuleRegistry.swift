import ScoreKit

/// Finds registered modules by identifier.
public enum ModuleRegistry {
    /// The module with this identifier, if registered.
    public static func module(_ identifier: String) -> (any ScoreModule.Type)? {
        registeredModules.first { $0.identifier == identifier }
    }

    /// The identifiers, sorted.
    public static var identifiers: [String] { registeredModules.map { $0.identifier }.sorted() }
}
