/// Migration 1: the canonical tables, keyed by (source, external id), each with the original row as JSON in `raw`.
enum CanonicalSchema {
    static let sql = """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            name TEXT,
            domain TEXT,
            industry TEXT,
            employees INTEGER,
            country TEXT,
            created_date TEXT,
            parent_id TEXT,
            referred_by TEXT,
            acquisition_cost_cents INTEGER,
            yearly_cost_cents INTEGER,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX accounts_by_external_id ON accounts (external_id);

        CREATE TABLE invoices (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            issued_date TEXT NOT NULL,
            due_date TEXT,
            paid_date TEXT,
            amount_due_cents INTEGER NOT NULL,
            amount_paid_cents INTEGER NOT NULL,
            currency TEXT,
            status TEXT NOT NULL,
            product TEXT,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX invoices_paid_by_account ON invoices (account_id, issued_date, paid_date, amount_paid_cents)
            WHERE status = 'paid';

        CREATE TABLE mrr_changes (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            effective_date TEXT NOT NULL,
            mrr_cents INTEGER NOT NULL,
            change_type TEXT,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX mrr_changes_by_account ON mrr_changes (account_id, effective_date);

        CREATE TABLE usage_daily (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            day TEXT NOT NULL,
            active_users INTEGER,
            key_feature_uses INTEGER,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX usage_daily_by_account ON usage_daily (account_id, day);

        CREATE TABLE tickets (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            opened_at TEXT NOT NULL,
            closed_at TEXT,
            priority TEXT,
            status TEXT,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX tickets_by_account ON tickets (account_id, opened_at);

        CREATE TABLE nps_responses (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            responded_date TEXT NOT NULL,
            score INTEGER NOT NULL,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX nps_responses_by_account ON nps_responses (account_id, responded_date);

        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            item TEXT NOT NULL,
            answer REAL NOT NULL,
            author TEXT,
            assessed_date TEXT NOT NULL,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX assessments_by_account ON assessments (account_id, item, assessed_date);

        CREATE TABLE outcomes (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            event TEXT NOT NULL,
            event_date TEXT NOT NULL,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX outcomes_by_account ON outcomes (account_id, event_date);

        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            file TEXT NOT NULL,
            rows_read INTEGER NOT NULL,
            rows_written INTEGER NOT NULL,
            imported_at TEXT NOT NULL
        );
        """
}
