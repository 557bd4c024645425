import Foundation
import Store

/// Chargebee customers and invoices as canonical rows: unix seconds to days, integer minor units kept,
/// `currency_code` lower-cased like Stripe's.
enum ChargebeeMapping {
    /// An `accounts` row: company (or the person's name), e-mail domain, created day, the CRM id in `linkField`.
    static func account(_ customer: [String: Any], linkField: String?) -> [SQLValue] {
        let person = [customer["first_name"] as? String, customer["last_name"] as? String].compactMap { $0 }.joined(
            separator: " ")
        let name = (customer["company"] as? String) ?? (person.isEmpty ? nil : person)
        let domain = (customer["email"] as? String).flatMap {
            $0.split(separator: "@").last.map { String($0).lowercased() }
        }
        let link = linkField.flatMap { customer[$0] as? String }.flatMap { $0.isEmpty ? nil : $0 }
        return [
            name.sqlValue, domain.sqlValue, .null, .null, .null, day(customer["created_at"]).sqlValue, .null, .null,
            .null, .null,
            link.sqlValue,
        ]
    }

    /// An `invoices` row filed under `account`: `date`, `due_date`, `paid_at`, `total`, `amount_paid`, the status
    /// mapped onto paid/open/uncollectible/void, and the first line's item price as the product.
    static func invoice(_ invoice: [String: Any], account: Int64) -> [SQLValue] {
        let lines = invoice["line_items"] as? [[String: Any]] ?? []
        let deleted = invoice["deleted"] as? Bool == true
        return [
            .integer(account), (day(invoice["date"]) ?? "").sqlValue, day(invoice["due_date"]).sqlValue,
            day(invoice["paid_at"]).sqlValue,
            .integer(integer(invoice["total"])), .integer(integer(invoice["amount_paid"])),
            (invoice["currency_code"] as? String).map { $0.lowercased() }.sqlValue,
            .text(ChargebeeErrors.invoiceStatus(invoice["status"] as? String, deleted: deleted)),
            (lines.first?["entity_id"] as? String).sqlValue,
        ]
    }

    /// `2025-06-04` for unix seconds.
    static func day(_ value: Any?) -> String? { UnixDay.text(value) }

    static func integer(_ value: Any?) -> Int64 { JSONNumber.int64(value) ?? 0 }
}
