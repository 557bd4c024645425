/// Migration 6: contacts (whose freshness gates actions that reach a person) and the log of actions sent.
enum ActionSchema {
    static let sql = """
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            name TEXT,
            email TEXT,
            is_primary INTEGER,
            last_activity_date TEXT,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX contacts_by_account ON contacts (account_id);

        CREATE TABLE action_log (
            id INTEGER PRIMARY KEY,
            score_name TEXT NOT NULL,
            run_id INTEGER NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            band TEXT NOT NULL,
            action TEXT NOT NULL,
            sent_at TEXT NOT NULL,
            detail TEXT,
            UNIQUE (score_name, run_id, account_id, action)
        );
        """
}
