import Testing

@testable import Store

@Test func aNewDatabaseRecordsEveryMigrationByIdentifier() throws {
    let file = TemporaryDatabase()
    let database = try Database(path: file.path)
    #expect(try database.appliedMigrations == Migrator.standard.migrations.map(\.identifier))
    let mode = try database.makeStatement("PRAGMA journal_mode").map { $0.text(0) }.first
    #expect(mode == "wal")
    let foreignKeys = try database.makeStatement("PRAGMA foreign_keys").map { $0.integer(0) }.first
    #expect(foreignKeys == 1)
}

@Test func reopeningADatabaseAppliesNothingAgain() throws {
    let file = TemporaryDatabase()
    let before = try Database(path: file.path).makeStatement("SELECT identifier, applied_at FROM schema_migrations")
        .map { "\($0.text(0) ?? "") \($0.text(1) ?? "")" }
    let after = try Database(path: file.path).makeStatement("SELECT identifier, applied_at FROM schema_migrations")
        .map { "\($0.text(0) ?? "") \($0.text(1) ?? "")" }
    #expect(after == before)
}

@Test func anOldDatabaseIsUpgradedAndKeepsItsRows() throws {
    let file = TemporaryDatabase()
    do {
        let old = try file.open(migrator: Migrator(migrations: Array(Migrator.standard.migrations.prefix(1))))
        #expect(try old.appliedMigrations == ["1-canonical-tables"])
        try old.execute("INSERT INTO accounts (source, external_id, name, raw) VALUES ('file', 'acme', 'Acme', '{}')")
    }
    let upgraded = try Database(path: file.path)
    #expect(try upgraded.appliedMigrations == Migrator.standard.migrations.map(\.identifier))
    #expect(try AccountDirectory(database: upgraded).rowIDsByExternalID().keys.sorted() == ["acme"])
    #expect(try ScoreRunStore(database: upgraded).runs().isEmpty)
}

@Test func migrationsAreAppliedByIdentifierNotByPosition() throws {
    let file = TemporaryDatabase()
    let first = Migrator.Migration(identifier: "a", sql: "CREATE TABLE a (x)")
    let second = Migrator.Migration(identifier: "b", sql: "CREATE TABLE b (x)")
    _ = try file.open(migrator: Migrator(migrations: [second]))
    let database = try file.open(migrator: Migrator(migrations: [first, second]))
    #expect(try database.appliedMigrations == ["b", "a"])
}

@Test func aDatabaseFromANewerScorebookIsRefused() throws {
    let file = TemporaryDatabase()
    do {
        let database = try Database(path: file.path)
        try database.execute("INSERT INTO schema_migrations (identifier) VALUES ('99-from-the-future')")
    }
    #expect {
        try Database(path: file.path)
    } throws: { error in
        "\(error)".contains("applied migrations this scorebook does not know: 99-from-the-future")
    }
}

@Test func twoMigrationsWithOneIdentifierAreRefused() throws {
    let file = TemporaryDatabase()
    let migration = Migrator.Migration(identifier: "a", sql: "CREATE TABLE a (x)")
    #expect {
        try file.open(migrator: Migrator(migrations: [migration, migration]))
    } throws: { error in
        "\(error)".contains("two migrations share an identifier")
    }
}
