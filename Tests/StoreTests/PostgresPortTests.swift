import Testing

@testable import Store

@Test func aLocationNamesItsEngine() {
    #expect(Engine(location: "scorebook.db") == .sqlite)
    #expect(Engine(location: "/srv/postgresql/scorebook.db") == .sqlite)
    #expect(Engine(location: "postgresql://u@h/db") == .postgres)
    #expect(Engine(location: "postgres://u@h:5433/db?sslmode=require") == .postgres)
}

@Test func parameterMarksBecomeNumberedOutsideQuotesAndComments() {
    let (text, count) = PostgresSQL.translate(
        "SELECT '?', \"a?b\", x FROM t WHERE a = ? AND b = ?3 AND c = ? -- why?\n AND d = 'it''s ?' AND e = ?")
    #expect(
        text
            == "SELECT '?', \"a?b\", x FROM t WHERE a = $1 AND b = $3 AND c = $4 -- why?\n AND d = 'it''s ?' AND e = $5"
    )
    #expect(count == 5)
    #expect(PostgresSQL.translate("SELECT ?1, ?1, ?2").text == "SELECT $1, $1, $2")
}

@Test func aPasswordInTheURIIsNeverShown() {
    #expect(PostgresConnection.masked("postgresql://ann:s3cret@db:5432/sb") == "postgresql://ann:***@db:5432/sb")
    #expect(
        PostgresConnection.masked("postgresql://db/sb?password=s3cret&sslmode=require")
            == "postgresql://db/sb?password=***&sslmode=require")
    #expect(PostgresConnection.masked("postgresql://ann@db/sb") == "postgresql://ann@db/sb")
}

@Test(arguments: Engine.allCases) func aDatabaseIsNamedShortlyInHeadings(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    #expect(database.displayName == (engine == .sqlite ? "test.db" : "scorebook"))
}

@Test func copyRowsEscapeWhatCOPYReadsAsStructure() {
    var rows = CopyRows()
    rows.append(.text("a\tb\\c\nd\re"))
    rows.append(.null)
    rows.append(.integer(-7))
    rows.append(.real(0.1))
    rows.append(utf8: Array("x".utf8))
    rows.endRow()
    #expect(String(decoding: rows.bytes, as: UTF8.self) == "a\\tb\\\\c\\nd\\re\t\\N\t-7\t0.1\tx\n")
    #expect(rows.count == 1)
    // Escapes at either end, side by side, and in text that is not contiguous in memory.
    rows.removeAll()
    rows.append(.text("\\\t\n\rx\n"))
    rows.append(utf8: "ab\tc".utf8.reversed())
    rows.append(utf8: ArraySlice(Array("\t\\".utf8)))
    rows.endRow()
    #expect(String(decoding: rows.bytes, as: UTF8.self) == "\\\\\\t\\n\\rx\\n\tc\\tba\t\\t\\\\\n")
}

@Test(arguments: Engine.allCases) func aCommandInsideTheLoopOverAQueryLeavesTheQueryWhole(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let upserter = try Upserter(database: database, table: .accounts)
    for name in ["a", "b", "c", "d"] {
        try upserter.upsert(
            source: "file", externalID: name, values: [.text(name)] + Array(repeating: .null, count: 10), raw: "{}")
    }
    var seen: [String] = []
    try database.makeStatement("SELECT external_id FROM accounts ORDER BY external_id").forEach { row in
        seen.append(row.text(0) ?? "")
        // On PostgreSQL the rest of the query is read into memory first; the loop goes on over it.
        try database.makeStatement(
            "INSERT INTO imports (kind, file, rows_read, rows_written, imported_at) VALUES (?, ?, 0, 0, '')"
        )
        .run([.text("seen"), .text(row.text(0) ?? "")])
    }
    #expect(seen == ["a", "b", "c", "d"])
    #expect(try database.makeStatement("SELECT count(*) FROM imports").map { $0.integer(0) } == [4])
}
