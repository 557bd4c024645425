/// Migration 7: deals (HubSpot deals, Salesforce opportunities) and payments (Stripe charges), the last canonical
/// tables the sources fill.
enum DealPaymentSchema {
    static let sql = """
        CREATE TABLE deals (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            name TEXT,
            stage TEXT,
            amount_cents INTEGER,
            created_date TEXT NOT NULL,
            close_date TEXT,
            is_closed INTEGER,
            is_won INTEGER,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX deals_by_account ON deals (account_id, created_date);

        CREATE TABLE payments (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            invoice_external_id TEXT,
            created_date TEXT NOT NULL,
            amount_cents INTEGER NOT NULL,
            currency TEXT,
            status TEXT NOT NULL,
            failure_code TEXT,
            disputed INTEGER NOT NULL DEFAULT 0,
            refunded_cents INTEGER NOT NULL DEFAULT 0,
            raw TEXT NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX payments_by_account ON payments (account_id, created_date);
        """
}
