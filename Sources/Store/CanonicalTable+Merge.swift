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
    /// from `written`, the rows inserted or changed, each with `inserted` (true for an insert).
    func merge(select: String) -> String {
        merge(incoming: nil, returning: [], select: select)
    }

    /// The same merge from its one parameter instead of the staging table: a JSON array of rows (`RecordsetRows`),
    /// read with this table's column types; `written` also has the columns `returning`.
    func mergeFromRecordset(returning: [String], select: String) -> String {
        let columns = writtenColumns.joined(separator: ", ")
        return merge(
            incoming: "SELECT \(columns) FROM json_populate_recordset(NULL::\(rawValue), CAST(? AS json))",
            returning: returning, select: select)
    }

    /// `incoming`: the query of the rows to merge, or nil for the staging table.
    private func merge(incoming: String?, returning: [String], select: String) -> String {
        let changing = updatedColumns(on: .postgres)
        let updates = changing.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let current = changing.map { "\(rawValue).\($0)" }.joined(separator: ", ")
        let excluded = changing.map { "excluded.\($0)" }.joined(separator: ", ")
        let rows = incoming == nil ? stagingTable : "incoming"
        let moved = movedRowsDeletion(on: .postgres, incoming: "\(rows) AS incoming").map { ", moved AS (\($0))" }
        let columns = writtenColumns.joined(separator: ", ")
        return """
            WITH \(incoming.map { "incoming AS MATERIALIZED (\($0)), " } ?? "")written AS (
                INSERT INTO \(rawValue) (\(columns))
                SELECT \(columns) FROM \(rows)
                ON CONFLICT (\(key(on: .postgres).joined(separator: ", "))) DO UPDATE SET \(updates)
                WHERE (\(current)) IS DISTINCT FROM (\(excluded))
                RETURNING \((returning + ["xmax = 0 AS inserted"]).joined(separator: ", ")))\(moved ?? "")
            SELECT \(select) FROM written
            """
    }
}
