import Foundation
import Store

/// Which invoice each payment pays, read from Stripe's invoice payments: since `2025-03-31.basil` a charge no longer
/// names its invoice (`charge.invoice` was removed); `/v1/invoice_payments` and `invoice.payments` link them instead
/// (https://docs.stripe.com/changelog/basil/2025-03-31/add-support-for-multiple-partial-payments-on-invoices).
///
/// An invoice payment names the PaymentIntent that pays it, or the charge itself when that charge has no
/// PaymentIntent; so a charge is found by its `payment_intent`, else by its own id. Shared by a listing's threads.
///
/// The links are kept in a private temporary SQLite file (deleted when it closes), not in memory: held in a
/// dictionary they took about 190 bytes each, and a sync of 100k accounts (1.2M invoice payments) peaked at 478 MB;
/// with the file, 280-290 MB (272 MB before invoice payments were read), for about a tenth more time.
final class StripeInvoiceLinks: @unchecked Sendable {
    private let lock = NSLock()
    private var store: LinksFile?

    /// The links' file and its two statements, prepared once (looking a statement up by its text per charge cost a
    /// tenth of mapping a charge).
    private struct LinksFile {
        let database: Database
        let insert: Statement
        let lookup: Statement
    }

    /// The page cache of the links' file, in KiB: what they may take of memory however many there are.
    static let cacheKibibytes = 8_192

    /// Notes the invoice an invoice payment pays; false for an object that is not an invoice payment naming both.
    @discardableResult
    func add(_ invoicePayment: [String: Any]) throws -> Bool {
        try add(contentsOf: [invoicePayment]) == 1
    }

    /// Notes the invoices a page of invoice payments pay, in one transaction; how many were invoice payments.
    func add(contentsOf objects: [[String: Any]]) throws -> Int {
        let links = objects.compactMap(Self.link)
        guard !links.isEmpty else { return 0 }
        lock.lock()
        defer { lock.unlock() }
        let file = try opened()
        try file.database.transaction {
            for (payment, invoice) in links { try file.insert.run([.text(payment), .text(invoice)]) }
        }
        return links.count
    }

    /// The invoice a charge paid (or tried to), when an invoice payment noted here names its PaymentIntent or it.
    func invoice(of charge: [String: Any]) throws -> String? {
        guard let key = Self.paymentKey(of: charge) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let store else { return nil }
        return try store.lookup.map([.text(key)]) { $0.text(0) }.first ?? nil
    }

    /// Every key `link` reads: an invoice payments listing parses only these.
    static let fields: Set<String> = ["id", "object", "invoice", "payment", "payment_intent", "charge"]

    /// The payment and the invoice an invoice payment links, or nil for any other object.
    private static func link(_ invoicePayment: [String: Any]) -> (payment: String, invoice: String)? {
        guard invoicePayment["object"] as? String == "invoice_payment",
            let invoice = id(invoicePayment["invoice"]),
            let payment = invoicePayment["payment"] as? [String: Any],
            let key = id(payment["payment_intent"]) ?? id(payment["charge"])
        else { return nil }
        return (key, invoice)
    }

    /// The links' file, opened (and its table made) on first use; call it holding the lock.
    private func opened() throws -> LinksFile {
        if let store { return store }
        // An empty path is SQLite's private temporary file, removed when the connection closes; a scratch file,
        // read again by any sync that needs it, so neither journalled nor synced.
        let database = try Database(path: "", create: true, migrate: false)
        try database.execute(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA cache_size = -\(Self.cacheKibibytes);
            CREATE TABLE links (payment TEXT PRIMARY KEY, invoice TEXT NOT NULL) WITHOUT ROWID
            """)
        let file = LinksFile(
            database: database,
            insert: try database.cachedStatement(
                """
                INSERT INTO links (payment, invoice) VALUES (?, ?)
                ON CONFLICT (payment) DO UPDATE SET invoice = excluded.invoice
                """),
            lookup: try database.cachedStatement("SELECT invoice FROM links WHERE payment = ?"))
        store = file
        return file
    }

    /// What an invoice payment names a charge by: its PaymentIntent when it has one, else the charge's id.
    static func paymentKey(of charge: [String: Any]) -> String? {
        id(charge["payment_intent"]) ?? (charge["id"] as? String)
    }

    /// An expandable field's id: the string itself, or the expanded object's `id`.
    static func id(_ field: Any?) -> String? {
        field as? String ?? (field as? [String: Any])?["id"] as? String
    }
}
