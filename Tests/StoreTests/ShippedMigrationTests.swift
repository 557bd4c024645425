import Testing

@testable import Store

/// FNV-1a over the SQL's UTF-8: a fingerprint that changes when a shipped migration's text does.
private func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3
    }
    return String(hash, radix: 16)
}

/// Each shipped migration's identifier and the fingerprint of its SQL as shipped.
///
/// A new migration is added here when it ships. `4-sync-state` is the text it had when it spliced
/// `DomainKey.expression("domain")` in.
private let shipped: [(identifier: String, fingerprint: String)] = [
    ("1-canonical-tables", "a986057da0c44e0e"),
    ("2-score-runs", "325914b3f53fef8a"),
    ("3-module-fact-indexes", "1e855b881447b962"),
    ("4-sync-state", "71597ffbc4ee24c2"),
    ("5-trained-models", "c845f18741b548ba"),
    ("6-contacts-and-actions", "ee388efeaf3dfcb6"),
    ("7-deals-and-payments", "c7eb811e96e7853f"),
    ("8-deferred-indexes", "498ffcc1d3daa3c0"),
    ("9-skipped-records", "255c188c79e84060"),
    ("10-run-kinds-and-deliveries", "9a5611bf9b5026a2"),
    ("11-compact-components", "5b48fc352ee8b2ea"),
    ("12-component-templates", "a56725cbbb0e108f"),
    ("13-shared-details", "a64ab85736dc5d39"),
]

/// PostgreSQL's shipped migrations (`Migrator.postgres`), pinned the same way.
private let shippedOnPostgres: [(identifier: String, fingerprint: String)] = [
    ("1-schema", "7468d5fab99d374e"),
    ("2-sqlite-functions", "8e75436cbfce3ee5"),
    ("3-citus-ready", "c2602d2d1adac983"),
    ("4-julianday-in-double-precision", "cdf6380586b16cd8"),
    ("5-component-templates", "a56725cbbb0e108f"),
    ("6-inlinable-sqlite-functions", "14518c8c581e79e3"),
    ("7-shared-details", "a64ab85736dc5d39"),
]

@Test(arguments: [(Migrator.standard, shipped), (Migrator.postgres, shippedOnPostgres)])
func shippedMigrationsAreNeverEditedOrRenamed(migrator: Migrator, pins: [(identifier: String, fingerprint: String)]) {
    let current = migrator.migrations.prefix(pins.count).map { ($0.identifier, fingerprint($0.sql)) }
    for (migration, pinned) in zip(current, pins) {
        #expect(migration.0 == pinned.identifier, "a shipped migration was renamed or moved; add a new one instead")
        #expect(
            migration.1 == pinned.fingerprint, "\(pinned.identifier) was edited after shipping; add a new one instead")
    }
    #expect(current.count == pins.count)
}

@Test func theDomainIndexIsOnTheExpressionIdentityQueries() throws {
    let sync = try #require(Migrator.standard.migrations.first { $0.identifier == "4-sync-state" })
    #expect(sync.sql.contains("ON accounts (\(DomainKey.expression("domain")));"))
}
