import Connectors
import Foundation
import Generator
import Store

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    /// The kind imported.
    public let kind: ImportKind
    /// Records read from the file.
    public let rowsRead: Int
    /// Records inserted or changed; a re-import of the same file writes none.
    public let rowsWritten: Int
}

/// Imports a CSV or JSON Lines file into its canonical table, all in one transaction.
///
/// A bad record stops the import with `FILE:LINE: column X: reason`, and nothing of the file is written.
public struct Importer {
    /// The source name file imports are keyed under.
    public static let source = "file"

    private let database: Database

    /// Creates an importer on a connection.
    public init(database: Database) { self.database = database }

    /// Imports `path`; `displayName` names it in errors, `progress` hears the records and bytes read now and then.
    public func importFile(
        kind: ImportKind, path: String, displayName: String? = nil,
        progress: ((_ records: Int, _ bytes: Int) -> Void)? = nil
    ) throws -> ImportSummary {
        let name = displayName ?? path
        let isJSONLines = [".jsonl", ".ndjson"].contains { path.lowercased().hasSuffix($0) }
        let reader: RecordReader =
            isJSONLines
            ? try JSONLinesReader(path: path, displayName: name) : try CSVReader(path: path, displayName: name)
        if !isJSONLines {
            for column in kind.requiredColumns where !reader.header.contains(column) {
                throw ImportError(
                    file: name, line: 1,
                    reason: "missing column \(column) (the header has \(reader.header.joined(separator: ", ")))")
            }
        }
        let accounts = kind == .accounts ? [:] : try AccountDirectory(database: database).rowIDsByExternalID()
        let mapper = RecordMapper(kind: kind, file: name, accounts: accounts)

        let bulk = try isBulk(path: path, table: kind.table)
        let (read, written) = try withoutForeignKeyChecks(if: bulk) {
            try database.transaction { () -> (Int, Int) in
                let upserter = try BulkUpserter(database: database, table: kind.table)
                var read = 0
                func writeAll() throws {
                    let batches = Self.mappedBatches(of: reader, through: mapper)
                    defer { batches.finish() }
                    while let batch = try batches.next() {
                        for row in batch.rows {
                            try upserter.add(
                                source: Self.source, externalID: row.externalID, values: row.values, raw: row.raw)
                        }
                        if (read + batch.rows.count) / 10_000 > read / 10_000 {
                            progress?(read + batch.rows.count, batch.bytesRead)
                        }
                        read += batch.rows.count
                    }
                    try upserter.finish()
                }
                if bulk {
                    try DeferredIndexes(database: database).withoutSecondaryIndexesOrForeignKeys(
                        of: kind.table, writeAll)
                    try database.checkForeignKeys(in: [kind.table])
                } else {
                    try writeAll()
                }
                try AccountDirectory(database: database).recordImport(
                    kind: kind.rawValue, file: name, rowsRead: read, rowsWritten: upserter.written,
                    at: ISO8601DateFormatter().string(from: Date()))
                return (read, upserter.written)
            }
        }
        return ImportSummary(kind: kind, rowsRead: read, rowsWritten: written)
    }

    /// Mapped rows of a file, with how much of it was read by the last of them.
    private struct MappedBatch {
        let rows: [RecordMapper.Row]
        let bytesRead: Int
    }

    /// Runs a bulk import's transaction with SQLite's foreign key checks off: every row's account comes from the
    /// account directory, and the table is checked once before the commit (`checkForeignKeys`), as after a sync.
    ///
    /// Each checked insert probed `accounts`, and made SQLite keep a statement journal of every page the row touched
    /// (a copy into memory, and its allocations): importing M's invoices (1.24M rows) took 0.9x the time without.
    private func withoutForeignKeyChecks<T>(if bulk: Bool, _ body: () throws -> T) throws -> T {
        bulk ? try database.withoutForeignKeyChecks(body) : try body()
    }

    /// How many rows the reading thread maps before handing them over.
    private static let batchRows = 1_024

    /// The file's records read and mapped on a thread of their own, a few batches ahead of the writer.
    ///
    /// Parsing and checking a record is a third of an import's time, and now overlaps the writing of the one before.
    /// A bad record's error reaches the writer after the rows before it, and stops the import.
    private static func mappedBatches(
        of reader: RecordReader, through mapper: RecordMapper
    ) -> PagePrefetcher<MappedBatch> {
        PagePrefetcher(depth: 4) { deliver in
            var rows: [RecordMapper.Row] = []
            rows.reserveCapacity(batchRows)
            while let record = try reader.next() {
                rows.append(try mapper.map(record, header: reader.header))
                if rows.count == batchRows {
                    try deliver(MappedBatch(rows: rows, bytesRead: reader.bytesRead))
                    rows.removeAll(keepingCapacity: true)
                }
            }
            if !rows.isEmpty { try deliver(MappedBatch(rows: rows, bytesRead: reader.bytesRead)) }
        }
    }

    /// The file size from which an import sets the table's secondary indexes and foreign keys aside and restores
    /// them at the end.
    ///
    /// Lower on PostgreSQL, whose foreign key check is a trigger and a key-share lock per row: 31k NPS responses
    /// (1.2 MB) into an empty table took the server 210 ms to insert with both kept.
    static func bulkBytes(on engine: Engine) -> Int { engine == .sqlite ? 4 << 20 : 256 << 10 }

    /// Whether the import is large against its table: a file of at least `bulkBytes(on:)` holding about as many
    /// records as the table has rows (taking 100 bytes a record), so sorting the whole table once beats a random index
    /// insert per record.
    ///
    /// Measured on M's invoices (1.24M rows, 84 MB, into an empty table with two secondary indexes): building both at
    /// the end is 13% of the import's CPU samples, and the import went from 30.4 s to 22.0 s (17.6 to 12.7 s of CPU)
    /// with this and the raw JSON left without the mapped columns.
    private func isBulk(path: String, table: CanonicalTable) throws -> Bool {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard bytes >= Self.bulkBytes(on: database.engine) else { return false }
        return bytes / 100 >= (try AccountDirectory(database: database).count(table))
    }
}
