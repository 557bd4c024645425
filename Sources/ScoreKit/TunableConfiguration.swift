/// A configuration that lists its tunables in force, so `scorebook tune export` can write them to a spreadsheet
/// and `tune import` can write them back; a module without it exports the tunables its YAML spells out.
public protocol TunableConfiguration {
    /// The tunables in force, defaults included, in the order a spreadsheet shows them.
    var tunables: [Tunable] { get }
}
