import Testing

@testable import Store

/// Makes a database as scorebook did before migrations had identifiers: the first `version` migrations' SQL, each
/// followed by `PRAGMA user_version` = its position.
private func makeCountedDatabase(_ file: TemporaryDatabase, version: Int) throws -> Database {
    let database = try Database(path: file.path, migrate: false)
    for (index, migration) in Migrator.standard.migrations.prefix(version).enumerated() {
        try database.transaction {
            try database.execute(migration.sql)
            try database.execute("PRAGMA user_version = \(index + 1)")
        }
    }
    return database
}

@Test(arguments: [0, 1, 4, 6, 9, 10])
func aDatabaseCountedByUserVersionRecordsItsFirstMigrationsAndGetsTheRest(version: Int) throws {
    let file = TemporaryDatabase()
    do {
        let old = try makeCountedDatabase(file, version: version)
        if version > 0 {
            try old.execute(
                "INSERT INTO accounts (source, external_id, name, raw) VALUES ('file', 'acme', 'Acme', '{}')")
        }
    }
    let upgraded = try Database(path: file.path)
    #expect(try upgraded.appliedMigrations == Migrator.standard.migrations.map(\.identifier))
    let unknownTimes = try upgraded.makeStatement("SELECT identifier FROM schema_migrations WHERE applied_at IS NULL")
        .map { $0.text(0) ?? "" }
    #expect(unknownTimes == Array(Migrator.countedByUserVersion.prefix(version)))
    let userVersion = try upgraded.makeStatement("PRAGMA user_version").map { $0.integer(0) }.first
    #expect(userVersion == 1000)
    if version > 0 {
        #expect(try AccountDirectory(database: upgraded).rowIDsByExternalID().keys.sorted() == ["acme"])
    }
    #expect(try ScoreRunStore(database: upgraded).runs().isEmpty)
}

@Test func theMigrationsUserVersionCountedKeepTheirOrder() {
    let first = Migrator.standard.migrations.prefix(Migrator.countedByUserVersion.count).map(\.identifier)
    #expect(first == Migrator.countedByUserVersion)
}

@Test func aUserVersionPastTheLastCountedOneIsRefused() throws {
    let file = TemporaryDatabase()
    do {
        let database = try Database(path: file.path, migrate: false)
        try database.execute("PRAGMA user_version = 11")
    }
    #expect {
        try Database(path: file.path)
    } throws: { error in
        "\(error)".contains("schema version 11 is newer than this scorebook knows (10)")
    }
}
