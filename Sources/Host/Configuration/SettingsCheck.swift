import ScoreKit
import Yams

/// Decodes and checks one score's module settings, saying any problem at its key path inside them.
///
/// The configuration file maps the path to a YAML line; `scorebook tune import` maps it to a spreadsheet row.
enum SettingsCheck {
    /// The module's configuration from its settings (a mapping without the host's keys), validated; a problem is
    /// thrown as a `ConfigurationProblem` whether decoding or validation found it.
    static func configuration<Module: ScoreModule>(of module: Module.Type, from settings: Node) throws
        -> Module.Configuration
    {
        do {
            let configuration = try YAMLDecoder().decode(DecodedSettings<Module.Configuration>.self, from: settings)
                .configuration
            try configuration.validate()
            return configuration
        } catch let decoding as DecodingError {
            let (path, message) = NamedScoreParser.describe(decoding)
            throw ConfigurationProblem(message, at: path)
        }
    }
}
