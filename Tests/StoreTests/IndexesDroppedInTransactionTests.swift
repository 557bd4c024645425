import TestSupport
import Testing

@testable import Store

private func indexes(_ database: Database) throws -> [String] {
    try secondaryIndexCatalogue(database)
}

private struct Abandoned: Error {}

@Test(arguments: Engine.allCases) func indexesDroppedForABulkWriteAreBuiltAgainInTheSameTransaction(engine: Engine)
    throws
{
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let before = try indexes(database)
    let during = try database.transaction {
        try DeferredIndexes(database: database).withoutSecondaryIndexesOrForeignKeys(of: .invoices) {
            try indexes(database)
        }
    }
    #expect(!during.contains { $0.hasPrefix("invoices_paid_by_account:") })
    #expect(during.contains { $0.hasPrefix("accounts_by_external_id:") })
    #expect(try indexes(database) == before)
    #expect(try DeferredIndexes(database: database).pending() == 0, "nothing is noted: a rollback restores them")
}

@Test(arguments: Engine.allCases) func aBulkWriteThatFailsLeavesTheIndexesAsTheyWere(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let before = try indexes(database)
    #expect(throws: Abandoned.self) {
        try database.transaction {
            try DeferredIndexes(database: database).withoutSecondaryIndexesOrForeignKeys(of: .invoices) {
                throw Abandoned()
            }
        }
    }
    #expect(try indexes(database) == before)
}

/// A table's foreign keys, from the engine's catalogue.
private func foreignKeys(_ database: Database, of table: CanonicalTable) throws -> [String] {
    try foreignKeyCatalogue(database).filter { $0.hasPrefix("\(table.rawValue) ") }
}

@Test func aBulkWriteOnPostgreSQLSetsTheForeignKeysAsideAndChecksThemAllWhenTheyAreBack() throws {
    let file = TemporaryDatabase(.postgres)
    let database = try Database(path: file.path)
    let before = try foreignKeys(database, of: .invoices)
    #expect(before.count == 1 && before[0].contains("REFERENCES accounts(id)"))
    let during = try database.transaction {
        try DeferredIndexes(database: database).withoutSecondaryIndexesOrForeignKeys(of: .invoices) {
            try foreignKeys(database, of: .invoices)
        }
    }
    #expect(during.isEmpty)
    #expect(try foreignKeys(database, of: .invoices) == before)
    // Written with an account's invoices, the table is analyzed before the write commits.
    try database.transaction {
        let account = try Upserter(database: database, table: .accounts)
        try account.upsert(
            source: "file", externalID: "a", values: [.text("a"), nil, nil, nil, nil, nil, nil, nil, nil, nil, nil],
            raw: "{}")
        let id = try database.makeStatement("SELECT id FROM accounts").map { $0.integer(0) }[0]
        try DeferredIndexes(database: database).withoutSecondaryIndexesOrForeignKeys(of: .invoices) {
            for number in 1...2 {
                try Upserter(database: database, table: .invoices).upsert(
                    source: "file", externalID: "inv-\(number)",
                    values: [.integer(id), "2024-01-01", nil, nil, 100, 100, "usd", "paid", nil], raw: "{}")
            }
        }
    }
    // On Citus the coordinator's table holds no rows (its shards do), and so its estimate says nothing.
    let isCitus =
        try database.makeStatement("SELECT count(*) FROM pg_extension WHERE extname = 'citus'")
        .map { $0.integer(0) } == [1]
    let estimate = try database.makeStatement(
        "SELECT reltuples FROM pg_class WHERE oid = (quote_ident(current_schema()) || '.invoices')::regclass"
    ).map { $0.double(0) }
    #expect(isCitus || estimate == [2])
    // An invoice of no account written meanwhile fails the whole write when the key is added back.
    #expect {
        try database.transaction {
            try DeferredIndexes(database: database).withoutSecondaryIndexesOrForeignKeys(of: .invoices) {
                try Upserter(database: database, table: .invoices).upsert(
                    source: "file", externalID: "inv-1",
                    values: [.integer(42), "2024-01-01", nil, nil, 100, 100, "usd", "paid", nil], raw: "{}")
            }
        }
    } throws: { error in
        (error as? StoreError)?.state == "23503"
    }
    #expect(try database.makeStatement("SELECT count(*) FROM invoices").map { $0.integer(0) } == [2])
    #expect(try foreignKeys(database, of: .invoices) == before)
}
