import Connectors
import Foundation
import ScoreKit
import Store

/// Runs a score's band actions for the accounts whose band changed since the last run acted on, each once.
///
/// Only the score's current series counts (backfill, validation and holdout runs never trigger an action). The
/// transitions are those between the latest current run and the last run `act` finished on (the run before the latest
/// the first time), so no run's transitions are skipped when several runs come between two `act`s.
///
/// Every delivery is recorded as pending, with its own delivery id, before it is sent, and marked sent once it is known
/// to have arrived. The id goes in the `X-Scorebook-Delivery` header and the body (`delivery_id`), so a receiver can
/// drop a repeat: a send cut off by a crash or never answered is sent again with the same id by the next `act`. CSV
/// rows carry the id and are never written twice; a HubSpot task's body carries it and is looked up before it is made
/// again. One `act` per score runs at a time. Before an action that reaches a person, the account's primary contact
/// is checked: no contact, no e-mail, or no activity for more than `contact_max_age_days` before the run's day is
/// flagged.
public struct ActionRunner {
    /// One action for one account: what is (or would be) done, and any contact warning.
    public struct Delivery: Sendable {
        public let accountID: String
        public let name: String
        public let band: String
        public let previousBand: String?
        public let action: String
        public let contactWarning: String?
        /// sent, sent again (pending since an earlier act), would send (dry run), already sent, or skipped: why.
        public let status: String
    }

    /// Webhooks and tasks: a receiver gets 15 s to answer, three tries.
    public static let defaultOptions: HTTPOptions = {
        var options = HTTPOptions()
        options.totalTimeoutMilliseconds = 15_000
        options.maxAttempts = 3
        options.maxRetryAfter = 60
        return options
    }()

    private let database: Database
    private let sender: ActionSender

    /// Creates a runner; `sources` are the configured sources HubSpot tasks go through.
    public init(
        database: Database, environment: [String: String] = ProcessInfo.processInfo.environment,
        options: HTTPOptions = ActionRunner.defaultOptions, sources: [String: SourceSettings] = [:]
    ) {
        self.database = database
        self.sender = ActionSender(environment: environment, options: options, sources: sources)
    }

    /// Acts on the score's latest current run; with `dryRun`, only says what would be sent.
    public func act(_ score: NamedScore, dryRun: Bool) throws -> [Delivery] {
        guard !score.actions.isEmpty else {
            throw HostError.noActions(score: score.name)
        }
        if !dryRun { try sender.preflight(Array(score.actions.values.joined())) }
        let lock = dryRun ? nil : try ProcessLock(database: database, job: "act \(score.name)")
        defer { withExtendedLifetime(lock) {} }
        let runs = try ScoreRunStore(database: database).currentRuns(of: score.name)
        guard let latest = runs.first else {
            throw HostError.noCurrentRun(
                score: score.name, hasOtherRuns: try !ScoreRunStore(database: database).runs(of: score.name).isEmpty)
        }
        let store = ActionStore(database: database)
        let base = try baseRun(of: score, latest: latest, runs: runs, store: store)
        var deliveries = dryRun ? [] : try resendPending(of: score, except: latest.id, store: store)
        let asOf = Day(iso: latest.asOf) ?? .today
        for transition in try store.transitions(runID: latest.id, previousRunID: base) {
            for action in score.actions[transition.band] ?? [] {
                let warning =
                    action.reachesPerson
                    ? try contactWarning(transition, asOf: asOf, maxAge: score.contactMaxAgeDays, store: store) : nil
                func delivery(_ status: String) -> Delivery {
                    Delivery(
                        accountID: transition.accountID, name: transition.name, band: transition.band,
                        previousBand: transition.previousBand, action: action.description, contactWarning: warning,
                        status: status)
                }
                let recorded = try store.delivery(
                    scoreName: score.name, runID: latest.id, accountRowID: transition.accountRowID,
                    action: action.description)
                if recorded?.isSent == true {
                    deliveries.append(delivery("already sent"))
                    continue
                }
                if dryRun {
                    deliveries.append(delivery(recorded == nil ? "would send" : "would send again (pending)"))
                    continue
                }
                if let reason = try sender.skipReason(action, accountRowID: transition.accountRowID, store: store) {
                    deliveries.append(delivery("skipped: \(reason)"))
                    continue
                }
                let pending =
                    try recorded
                    ?? {
                        let id = UUID().uuidString.lowercased()
                        let payload = ActionPayload(
                            score: score, run: latest, transition: transition, warning: warning, deliveryID: id)
                        let fresh = ActionStore.Delivery(
                            deliveryID: id, runID: latest.id, accountRowID: transition.accountRowID,
                            band: transition.band,
                            action: action.description, isSent: false, payload: payload.json)
                        try store.recordPending(scoreName: score.name, fresh)
                        return fresh
                    }()
                try sender.send(action, pending, payload: ActionPayload(json: pending.payload), score: score.name)
                try store.markSent(deliveryID: pending.deliveryID)
                deliveries.append(delivery(recorded == nil ? "sent" : "sent again (pending)"))
            }
        }
        if !dryRun { try store.recordActed(scoreName: score.name, runID: latest.id, baseRunID: base) }
        return deliveries
    }

    /// The run transitions are counted from: the one `act` last finished on, or the run before the latest.
    private func baseRun(of score: NamedScore, latest: ScoreRun, runs: [ScoreRun], store: ActionStore) throws -> Int64?
    {
        let previous = runs.dropFirst().first?.id
        guard let acted = try store.lastActed(scoreName: score.name) else { return previous }
        if acted.runID == latest.id { return acted.baseRunID }
        return runs.contains { $0.id == acted.runID } ? acted.runID : previous
    }

    /// Sends again, with their ids, deliveries of earlier runs left pending by a crash or a receiver that never
    /// answered.
    private func resendPending(of score: NamedScore, except runID: Int64, store: ActionStore) throws -> [Delivery] {
        var deliveries: [Delivery] = []
        for pending in try store.pendingDeliveries(scoreName: score.name) where pending.runID != runID {
            let payload = ActionPayload(json: pending.payload)
            func delivery(_ status: String) -> Delivery {
                Delivery(
                    accountID: payload.accountID, name: payload.name, band: pending.band,
                    previousBand: payload.previousBand,
                    action: pending.action, contactWarning: payload.contactWarning, status: status)
            }
            guard let action = score.actions.values.joined().first(where: { $0.description == pending.action }) else {
                deliveries.append(delivery("pending: the action is no longer configured"))
                continue
            }
            try sender.send(action, pending, payload: payload, score: score.name)
            try store.markSent(deliveryID: pending.deliveryID)
            deliveries.append(delivery("sent again (pending)"))
        }
        return deliveries
    }

    private func contactWarning(_ transition: ActionStore.Transition, asOf: Day, maxAge: Int, store: ActionStore) throws
        -> String?
    {
        guard let contact = try store.primaryContact(accountRowID: transition.accountRowID) else {
            return "no contact on record"
        }
        guard contact.email != nil else { return "the primary contact has no e-mail" }
        guard let last = contact.lastActivity.flatMap(Day.init(iso:)) else {
            return "the primary contact has no recorded activity"
        }
        let age = asOf.days(since: last)
        return age > maxAge
            ? "the primary contact's last activity was \(age) days ago (\(last)); check they are still there" : nil
    }
}
