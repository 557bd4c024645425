/// Migration 9: how many records of a stream were left out, having no account to be filed under.
enum SkippedRecordsSchema {
    static let sql = """
        ALTER TABLE sync_log ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
        """
}
