/// Why the host could not do what a command asked, said in one line: a run that is not there, a comparison or
/// backtest that cannot be made, an action that cannot be sent.
///
/// Configuration, import, run and training problems have their own types (`ConfigError`, `ImportError`, `RunError`,
/// `TrainingError`); this is everything else the host refuses.
public enum HostError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A score name that is neither configured nor ever run, with the configured names to suggest one from.
    case notConfigured(score: String, configured: [String])
    /// The score has no current run: never run, or only backfill, validation or holdout runs.
    case noCurrentRun(score: String, hasOtherRuns: Bool)
    /// `NAME@ID` names a run that is not the score's.
    case noRun(score: String, id: Int64)
    /// `NAME@DATE` finds no run as of the day.
    case noRunAsOf(score: String, day: String)
    /// A run just made could not be read back.
    case runNotStored(id: Int64)
    /// None of the scores asked for has a run.
    case nothingRunYet
    /// Both sides of a comparison are the same run.
    case sameRun(id: Int64)
    /// Two runs share no account.
    case noAccountsInCommon(first: String, firstID: Int64, second: String, secondID: Int64)
    /// The account has no result in the run.
    case accountNotInRun(account: String, runID: Int64, score: String, asOf: String)
    /// No account has this id.
    case unknownAccount(account: String, database: String)
    /// A stored run's as-of day does not parse.
    case invalidAsOf(runID: Int64)
    /// No account of the run had the outcome within the horizon.
    case noOutcomes(outcome: String, horizonDays: Int, asOf: String, accounts: Int, runID: Int64)
    /// Every account of the run had the outcome.
    case onlyOutcomes(outcome: String, runID: Int64)
    /// `--holdout-days` on a score that predicts no purchases.
    case holdoutNeedsCLV(score: String, module: String)
    /// `act` on a score without actions.
    case noActions(score: String)
    /// A webhook's signing secret is not in the environment.
    case secretNotSet(variable: String)
    /// A HubSpot task names a source that is not a configured HubSpot source with its token set.
    case noHubSpotSource(name: String)
    /// A CSV export's file has other columns than `act` writes.
    case exportColumnsDiffer(path: String, header: String)
    /// A file cannot be opened for writing.
    case cannotWrite(path: String)
    /// A webhook secret longer than libcrypto takes.
    case secretTooLong
    /// libcrypto's HMAC failed.
    case signatureFailed

    public var description: String {
        switch self {
        case .notConfigured(let score, let configured):
            return "score \"\(score)\" is " + NameSuggestion.notConfigured(score, configured: configured)
        case .noCurrentRun(let score, let hasOtherRuns):
            let reason = hasOtherRuns ? "has no current run, only backfill or validation runs" : "has not been run yet"
            return "score \"\(score)\" \(reason) (run `scorebook run \(score)`)"
        case .noRun(let score, let id):
            return "score \"\(score)\" has no run \(id) (see `scorebook runs \(score)`)"
        case .noRunAsOf(let score, let day):
            return "score \"\(score)\" has no run as of \(day) (see `scorebook runs \(score)`)"
        case .runNotStored(let id):
            return "run \(id) was not stored"
        case .nothingRunYet:
            return "no score has been run yet; run `scorebook run` first"
        case .sameRun(let id):
            return "both sides name run \(id); compare two different runs"
        case .noAccountsInCommon(let first, let firstID, let second, let secondID):
            return "\(first) run \(firstID) and \(second) run \(secondID) have no accounts in common"
        case .accountNotInRun(let account, let runID, let score, let asOf):
            return "account \"\(account)\" is not in run \(runID) of \(score) (not scored as of \(asOf), or unknown)"
        case .unknownAccount(let account, let database):
            return "no account \"\(account)\" in \(database)"
        case .invalidAsOf(let runID):
            return "run \(runID) has no valid as-of day"
        case .noOutcomes(let outcome, let horizonDays, let asOf, let accounts, let runID):
            return
                "no \(outcome) outcome within \(horizonDays) days after \(asOf) among the \(accounts) accounts of run "
                + "\(runID); import outcomes or pick another day"
        case .onlyOutcomes(let outcome, let runID):
            return "every account of run \(runID) had the \(outcome) outcome; nothing to tell apart"
        case .holdoutNeedsCLV(let score, let module):
            return "--holdout-days applies to clv scores (purchase predictions); \(score) is a \(module) score"
        case .noActions(let score):
            return "score \"\(score)\" has no `actions:` in the configuration"
        case .secretNotSet(let variable):
            return "webhook secret: environment variable \(variable) is not set"
        case .noHubSpotSource(let name):
            return
                "hubspot_task: no HubSpot source named \"\(name)\" is configured (or its token is not set)"
        case .exportColumnsDiffer(let path, let header):
            return "csv export \(path) has other columns than act writes (\(header)); move it aside"
        case .cannotWrite(let path):
            return "cannot write \(path)"
        case .secretTooLong:
            return "webhook secret: too long to sign with"
        case .signatureFailed:
            return "webhook signature: libcrypto's HMAC-SHA256 failed"
        }
    }
}
