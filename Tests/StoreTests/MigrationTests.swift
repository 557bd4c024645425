import Testing

@testable import Store

@Test func aNewDatabaseGetsEveryMigration() throws {
    let file = TemporaryDatabase()
    let database = try Database(path: file.path)
    #expect(try database.schemaVersion == Migrator.standard.migrations.count)
    let mode = try database.statement("PRAGMA journal_mode").map { $0.text(0) }.first
    #expect(mode == "wal")
    let foreignKeys = try database.statement("PRAGMA foreign_keys").map { $0.integer(0) }.first
    #expect(foreignKeys == 1)
}

@Test func anOldDatabaseIsUpgradedAndKeepsItsRows() throws {
    let file = TemporaryDatabase()
    do {
        let old = try file.open(migrator: Migrator(migrations: Array(Migrator.standard.migrations.prefix(1))))
        #expect(try old.schemaVersion == 1)
        try old.execute("INSERT INTO accounts (source, external_id, name, raw) VALUES ('file', 'acme', 'Acme', '{}')")
    }
    let upgraded = try Database(path: file.path)
    #expect(try upgraded.schemaVersion == Migrator.standard.migrations.count)
    #expect(try AccountDirectory(database: upgraded).rowIDsByExternalID().keys.sorted() == ["acme"])
    #expect(try ScoreRunStore(database: upgraded).runs().isEmpty)
}

@Test func aDatabaseFromANewerScorebookIsRefused() throws {
    let file = TemporaryDatabase()
    do {
        let database = try Database(path: file.path)
        try database.execute("PRAGMA user_version = 99")
    }
    #expect {
        try Database(path: file.path)
    } throws: { error in
        "\(error)".contains("schema version 99 is newer than this scorebook knows")
    }
}
