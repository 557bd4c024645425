/// Migration 10: each run's kind, and deliveries recorded before they are sent.
///
/// Runs already stored are current unless an earlier-stored run of the score is as of a later day (a backfill).
/// `action_log` rows gain a delivery id (sent to the receiver, which can drop repeats) and a status, `pending` from
/// before the send until it is known to have arrived; `action_state` holds the last run each score's actions were
/// taken on, so `act` works from every transition since then.
enum RunKindDeliverySchema {
    static let sql = """
        ALTER TABLE score_runs ADD COLUMN kind TEXT NOT NULL DEFAULT 'current';
        UPDATE score_runs SET kind = 'backfill' WHERE EXISTS (
            SELECT 1 FROM score_runs earlier
            WHERE earlier.score_name = score_runs.score_name AND earlier.id < score_runs.id
              AND earlier.as_of > score_runs.as_of);
        CREATE INDEX score_runs_by_kind ON score_runs (score_name, kind, as_of, id);

        ALTER TABLE action_log ADD COLUMN delivery_id TEXT;
        ALTER TABLE action_log ADD COLUMN status TEXT NOT NULL DEFAULT 'sent';
        CREATE UNIQUE INDEX action_log_by_delivery ON action_log (delivery_id);
        CREATE INDEX action_log_pending ON action_log (score_name, status);

        CREATE TABLE action_state (
            score_name TEXT PRIMARY KEY,
            run_id INTEGER NOT NULL,
            base_run_id INTEGER,
            acted_at TEXT NOT NULL
        );
        """
}
