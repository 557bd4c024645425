/// Migration 13 (SQLite) and 7 (PostgreSQL): the details every result of a run ends with, stored once on the run.
///
/// `score_runs.shared_details` holds them as one JSON object (`JSONWriter.details`); each result's `details` then
/// holds only the members before them (`SharedDetails`). A run stored before this has none.
enum SharedDetailsSchema {
    static let sql = """
        ALTER TABLE score_runs ADD COLUMN shared_details TEXT;
        """
}
