import Testing

@testable import Store

/// The SQLite functions the fact queries call, on both engines: the same values, NULLs included.
@Test(arguments: Engine.allCases) func sqliteFunctionsGiveTheSameValuesOnBothEngines(engine: Engine) throws {
    let file = TemporaryDatabase(engine)
    let database = try Database(path: file.path)
    let row = try database.makeStatement(
        """
        SELECT julianday('2026-10-31'), julianday('2000-02-29 12:00:00'), date('2026-01-31', '+30 days'),
               max(0, -2.5), min(0, -2.5), max(NULL, 1) IS NULL, min(1, NULL) IS NULL, julianday(NULL) IS NULL
        """
    ).map {
        (
            $0.double(0), $0.double(1), $0.text(2), $0.double(3), $0.double(4), $0.integer(5), $0.integer(6),
            $0.integer(7)
        )
    }.first
    let values = try #require(row)
    #expect(values.0 == 2_461_344.5)
    #expect(values.1 == 2_451_604.0)
    #expect(values.2 == "2026-03-02")
    #expect(values.3 == 0 && values.4 == -2.5)
    #expect(values.5 == 1 && values.6 == 1 && values.7 == 1)
}

/// On PostgreSQL the planner puts the functions' bodies into the query (migration `6-inlinable-sqlite-functions`):
/// a call per row was 5x the time of the expression for `julianday`.
@Test func postgresInlinesTheSQLiteFunctions() throws {
    let file = TemporaryDatabase(.postgres)
    let database = try Database(path: file.path)
    let plan = try database.makeStatement(
        """
        EXPLAIN VERBOSE SELECT julianday(issued_date), date(issued_date, '+1 days'), max(amount_due_cents, 0),
            min(amount_due_cents, 0) FROM invoices
        """
    ).map { $0.text(0) ?? "" }.joined(separator: "\n")
    #expect(plan.contains("date_part") && plan.contains("to_char") && plan.contains("GREATEST"))
    #expect(!plan.contains("julianday(") && !plan.contains("max(") && !plan.contains(" date("), "\(plan)")
}
