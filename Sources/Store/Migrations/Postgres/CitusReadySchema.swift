/// PostgreSQL migration 3: `account_id` in every unique key of the per-account tables, so each can be distributed by
/// account (Citus requires the distribution column in every unique key).
///
/// A record's natural key becomes `(source, external_id, account_id)`: an upsert knows its account before it writes
/// (looked up in `accounts`), and the key's prefix still serves lookups by `(source, external_id)`. The row id
/// stays unique with the account beside it. SQLite keeps `(source, external_id)`: it never distributes.
enum CitusReadySchema {
    static let sql = """
        ALTER TABLE invoices DROP CONSTRAINT invoices_source_external_id_key, DROP CONSTRAINT invoices_pkey,
            ADD CONSTRAINT invoices_key UNIQUE (source, external_id, account_id), ADD PRIMARY KEY (id, account_id);
        ALTER TABLE mrr_changes DROP CONSTRAINT mrr_changes_source_external_id_key, DROP CONSTRAINT mrr_changes_pkey,
            ADD CONSTRAINT mrr_changes_key UNIQUE (source, external_id, account_id), ADD PRIMARY KEY (id, account_id);
        ALTER TABLE usage_daily DROP CONSTRAINT usage_daily_source_external_id_key, DROP CONSTRAINT usage_daily_pkey,
            ADD CONSTRAINT usage_daily_key UNIQUE (source, external_id, account_id), ADD PRIMARY KEY (id, account_id);
        ALTER TABLE tickets DROP CONSTRAINT tickets_source_external_id_key, DROP CONSTRAINT tickets_pkey,
            ADD CONSTRAINT tickets_key UNIQUE (source, external_id, account_id), ADD PRIMARY KEY (id, account_id);
        ALTER TABLE nps_responses DROP CONSTRAINT nps_responses_source_external_id_key,
            DROP CONSTRAINT nps_responses_pkey,
            ADD CONSTRAINT nps_responses_key UNIQUE (source, external_id, account_id), ADD PRIMARY KEY (id, account_id);
        ALTER TABLE assessments DROP CONSTRAINT assessments_source_external_id_key, DROP CONSTRAINT assessments_pkey,
            ADD CONSTRAINT assessments_key UNIQUE (source, external_id, account_id), ADD PRIMARY KEY (id, account_id);
        ALTER TABLE outcomes DROP CONSTRAINT outcomes_source_external_id_key, DROP CONSTRAINT outcomes_pkey,
            ADD CONSTRAINT outcomes_key UNIQUE (source, external_id, account_id), ADD PRIMARY KEY (id, account_id);
        ALTER TABLE contacts DROP CONSTRAINT contacts_source_external_id_key, DROP CONSTRAINT contacts_pkey,
            ADD CONSTRAINT contacts_key UNIQUE (source, external_id, account_id), ADD PRIMARY KEY (id, account_id);
        ALTER TABLE deals DROP CONSTRAINT deals_source_external_id_key, DROP CONSTRAINT deals_pkey,
            ADD CONSTRAINT deals_key UNIQUE (source, external_id, account_id), ADD PRIMARY KEY (id, account_id);
        ALTER TABLE payments DROP CONSTRAINT payments_source_external_id_key, DROP CONSTRAINT payments_pkey,
            ADD CONSTRAINT payments_key UNIQUE (source, external_id, account_id), ADD PRIMARY KEY (id, account_id);
        ALTER TABLE score_results DROP CONSTRAINT score_results_pkey, ADD PRIMARY KEY (id, account_id);
        """
}
