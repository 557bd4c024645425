/// Migration 2: score runs, and per account the value, band, components and details of each run.
///
/// Run ids are never reused (AUTOINCREMENT), so `NAME@ID` keeps meaning the same run after pruning.
enum ScoreRunSchema {
    static let sql = """
        CREATE TABLE score_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            score_name TEXT NOT NULL,
            module TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            configuration TEXT NOT NULL,
            as_of TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            account_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX score_runs_by_name ON score_runs (score_name, id);

        CREATE TABLE score_results (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES score_runs (id) ON DELETE CASCADE,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            position INTEGER NOT NULL,
            value REAL NOT NULL,
            band TEXT NOT NULL,
            components TEXT NOT NULL,
            details TEXT NOT NULL,
            UNIQUE (run_id, account_id)
        );
        CREATE INDEX score_results_by_position ON score_results (run_id, position);
        """
}
