import Testing

@testable import Store

@Test(arguments: Engine.allCases) func aNewDatabaseRecordsEveryMigrationByIdentifier(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    #expect(try database.appliedMigrations == Migrator.schema(of: engine).migrations.map(\.identifier))
    guard engine == .sqlite else { return }
    let mode = try database.makeStatement("PRAGMA journal_mode").map { $0.text(0) }.first
    #expect(mode == "wal")
    let foreignKeys = try database.makeStatement("PRAGMA foreign_keys").map { $0.integer(0) }.first
    #expect(foreignKeys == 1)
}

@Test(arguments: Engine.allCases) func reopeningADatabaseAppliesNothingAgain(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let before = try Database(path: file.path).makeStatement("SELECT identifier, applied_at FROM schema_migrations")
        .map { "\($0.text(0) ?? "") \($0.text(1) ?? "")" }
    let after = try Database(path: file.path).makeStatement("SELECT identifier, applied_at FROM schema_migrations")
        .map { "\($0.text(0) ?? "") \($0.text(1) ?? "")" }
    #expect(after == before)
}

@Test(arguments: Engine.allCases) func anOldDatabaseIsUpgradedAndKeepsItsRows(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    do {
        let old = try file.open(migrator: Migrator(migrations: Array(Migrator.schema(of: engine).migrations.prefix(1))))
        #expect(try old.appliedMigrations == [Migrator.schema(of: engine).migrations[0].identifier])
        try old.execute("INSERT INTO accounts (source, external_id, name, raw) VALUES ('file', 'acme', 'Acme', '{}')")
    }
    let upgraded = try Database(path: file.path)
    #expect(try upgraded.appliedMigrations == Migrator.schema(of: engine).migrations.map(\.identifier))
    #expect(try AccountDirectory(database: upgraded).rowIDsByExternalID().keys.sorted() == ["acme"])
    #expect(try ScoreRunStore(database: upgraded).runs().isEmpty)
}

@Test(arguments: Engine.allCases) func migrationsAreAppliedByIdentifierNotByPosition(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let first = Migrator.Migration(identifier: "a", sql: "CREATE TABLE a (x integer)")
    let second = Migrator.Migration(identifier: "b", sql: "CREATE TABLE b (x integer)")
    _ = try file.open(migrator: Migrator(migrations: [second]))
    let database = try file.open(migrator: Migrator(migrations: [first, second]))
    #expect(try database.appliedMigrations == ["b", "a"])
}

@Test(arguments: Engine.allCases) func aDatabaseFromANewerScorebookIsRefused(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
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

@Test(arguments: Engine.allCases) func twoMigrationsWithOneIdentifierAreRefused(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let migration = Migrator.Migration(identifier: "a", sql: "CREATE TABLE a (x integer)")
    #expect {
        try file.open(migrator: Migrator(migrations: [migration, migration]))
    } throws: { error in
        "\(error)".contains("two migrations share an identifier")
    }
}
