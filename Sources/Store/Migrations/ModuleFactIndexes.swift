/// Migration 3: covering indexes for the health and credit facts, so their grouped passes read no table rows.
///
/// The payment pass reads every invoice's days, status and amounts by account (the paid-only index does not serve
/// open and uncollectible invoices); the usage pass reads active users and key-feature uses by account and day. The
/// usage index replaces `usage_daily_by_account`, its prefix.
enum ModuleFactIndexes {
    static let sql = """
        CREATE INDEX invoices_payments_by_account
            ON invoices (account_id, issued_date, due_date, paid_date, status, amount_due_cents, amount_paid_cents);
        CREATE INDEX usage_daily_by_account_day_counts
            ON usage_daily (account_id, day, active_users, key_feature_uses);
        DROP INDEX usage_daily_by_account;
        """
}
