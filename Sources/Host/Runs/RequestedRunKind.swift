import Store

/// The kinds of run `scorebook run --kind` may ask for; `validate` makes the validation and holdout runs itself.
public enum RequestedRunKind: String, Sendable, CaseIterable {
    /// A run in the score's current series, which `act`, `show` and `compare` read by default.
    case current
    /// A run as of a past day, kept out of the current series.
    case backfill

    /// The kind the run is stored with.
    public var runKind: RunKind {
        switch self {
        case .current: return .current
        case .backfill: return .backfill
        }
    }
}
