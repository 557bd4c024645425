import ScoreKit

/// One row of a tuning sheet as read: where it is, which setting it tunes, and its cells, checked one by one.
struct TuningRow: Sendable, Equatable {
    /// The 1-based line where the row starts.
    let line: Int
    /// The score the row is for.
    let score: String
    /// The setting's key path, as the sheet writes it (`weights`, `grids.feature_usage`).
    let setting: String
    /// What the row holds.
    let kind: Tunable.Kind
    /// The row's entry.
    let entry: Tunable.Entry
}
