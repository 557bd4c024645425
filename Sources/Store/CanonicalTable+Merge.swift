extension CanonicalTable {
    /// The columns a write gives a row: the record's key, the mapped columns and `raw`.
    var writtenColumns: [String] { ["source", "external_id"] + columns + ["raw"] }

    /// The temporary table a PostgreSQL connection gathers this table's incoming rows in before merging them.
    var stagingTable: String { "scorebook_staging_\(rawValue)" }

    /// Makes this connection's staging table if it is not there, and empties it.
    var stagingCreation: String {
        """
        CREATE TEMP TABLE IF NOT EXISTS \(stagingTable) AS
        SELECT \(writtenColumns.joined(separator: ", ")) FROM \(rawValue) WITH NO DATA;
        TRUNCATE \(stagingTable)
        """
    }

    /// One PostgreSQL statement that merges the staging table into this table: it inserts new records, changes only
    /// the rows whose values differ, deletes the rows of records that moved to another account, and selects `select`
    /// from `written`, the rows inserted or changed, each with `inserted` (true for an insert) and `returning`.
    func merge(returning: [String] = [], select: String) -> String {
        let changing = updatedColumns(on: .postgres)
        let updates = changing.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let current = changing.map { "\(rawValue).\($0)" }.joined(separator: ", ")
        let incoming = changing.map { "excluded.\($0)" }.joined(separator: ", ")
        let moved = movedRowsDeletion(on: .postgres, incoming: "\(stagingTable) AS incoming")
            .map { ", moved AS (\($0))" }
        let columns = writtenColumns.joined(separator: ", ")
        return """
            WITH written AS (
                INSERT INTO \(rawValue) (\(columns))
                SELECT \(columns) FROM \(stagingTable)
                ON CONFLICT (\(key(on: .postgres).joined(separator: ", "))) DO UPDATE SET \(updates)
                WHERE (\(current)) IS DISTINCT FROM (\(incoming))
                RETURNING \((returning + ["xmax = 0 AS inserted"]).joined(separator: ", ")))\(moved ?? "")
            SELECT \(select) FROM written
            """
    }
}
