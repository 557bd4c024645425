/// How results are printed.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json
}
