/// Migration 8: the secondary indexes a bulk sync has set aside, with the SQL that puts each back.
enum DeferredIndexSchema {
    static let sql = """
        CREATE TABLE deferred_indexes (
            name TEXT PRIMARY KEY,
            table_name TEXT NOT NULL,
            sql TEXT NOT NULL
        );
        """
}
