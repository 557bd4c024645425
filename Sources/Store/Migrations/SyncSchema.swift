/// Migration 4: sync state, the sync log, and what identity needs on accounts.
///
/// `canonical_id` points a billing customer at the CRM company it is the same account as (NULL: the row is itself
/// canonical); `crm_link` is the explicit link a billing record carries (a CRM id in its metadata); `deleted_at`
/// marks records the source deleted or archived, kept so nothing is silently dropped. The domain index is on
/// `DomainKey.expression("domain")` written out (the same text, joined by `\`), so the migration stays as shipped if
/// that function changes.
enum SyncSchema {
    static let sql = """
        ALTER TABLE accounts ADD COLUMN canonical_id INTEGER REFERENCES accounts (id);
        ALTER TABLE accounts ADD COLUMN crm_link TEXT;
        ALTER TABLE accounts ADD COLUMN deleted_at TEXT;
        CREATE INDEX accounts_by_domain_key ON accounts (lower(CASE WHEN lower(domain) LIKE 'www.%' \
        THEN substr(domain, 5) ELSE domain END));
        CREATE INDEX accounts_by_canonical ON accounts (canonical_id);

        CREATE TABLE sync_state (
            source TEXT NOT NULL,
            stream TEXT NOT NULL,
            cursor TEXT,
            bookmark TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (source, stream)
        );

        CREATE TABLE sync_log (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            stream TEXT NOT NULL,
            mode TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            pages INTEGER NOT NULL DEFAULT 0,
            records INTEGER NOT NULL DEFAULT 0,
            inserts INTEGER NOT NULL DEFAULT 0,
            updates INTEGER NOT NULL DEFAULT 0,
            deletes INTEGER NOT NULL DEFAULT 0,
            retries INTEGER NOT NULL DEFAULT 0,
            duration_ms INTEGER NOT NULL DEFAULT 0,
            error TEXT
        );
        """
}
