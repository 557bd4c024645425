import Foundation

/// One account's fields as a `where:` filter reads them: its canonical columns, then its raw JSON's fields.
///
/// A raw field is found at the top level of the JSON, or under `properties` (HubSpot, Salesforce) or `metadata`
/// (Stripe, Chargebee) when the top level has no such key; a dotted path (`properties.plan`) names one exactly.
struct AccountFields {
    /// The canonical columns a filter may name besides industry, employees and country.
    static let columns = [
        "source", "name", "domain", "created_date", "parent_id", "referred_by", "acquisition_cost_cents",
        "yearly_cost_cents", "crm_link",
    ]

    let canonical: [String: String]
    let raw: [String: Any]

    /// The field's value as text; nil when the account does not have it.
    func value(of field: String) -> String? {
        if let value = canonical[field] { return value }
        if field.contains(".") {
            var node: Any? = raw
            for part in field.split(separator: ".") { node = (node as? [String: Any])?[String(part)] }
            return Self.text(node)
        }
        for scope in [raw, raw["properties"] as? [String: Any], raw["metadata"] as? [String: Any]] {
            if let value = Self.text(scope?[field]) { return value }
        }
        return nil
    }

    /// The names a filter could use on this account: the columns it has, and its raw JSON's scalar fields.
    var available: Set<String> {
        var names = Set(canonical.keys)
        for scope in [raw, raw["properties"] as? [String: Any], raw["metadata"] as? [String: Any]] {
            for (key, value) in scope ?? [:] where Self.text(value) != nil { names.insert(key) }
        }
        return names
    }

    private static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text.isEmpty ? nil : text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}
