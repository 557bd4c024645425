import Foundation

/// Salesforce records and errors: datetimes `2025-06-01T10:30:00.000+0000`, errors as a JSON array.
enum SalesforceJSON {
    /// A record of any type with the fields a query selected, and its `attributes`.
    static func record(_ row: any SalesforceServed, type: String, fields: [String], version: String) -> [String: Any] {
        var record: [String: Any] = [
            "attributes": ["type": type, "url": "/services/data/\(version)/sobjects/\(type)/\(row.id)"]
        ]
        for field in fields { record[field] = row.value(field) }
        return record
    }

    static func error(_ status: Int, _ code: String, _ message: String, headers: [String: String] = [:]) -> Reply {
        .json(status, [["message": message, "errorCode": code]], headers: headers)
    }

    static func datetime(_ milliseconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1_000))
    }
}

/// Chargebee v2 resources and errors: unix seconds, integer minor units, upper-case `currency_code`.
enum ChargebeeJSON {
    static func customer(_ customer: SandboxChargebeeCustomer) -> [String: Any] {
        var object: [String: Any] = [
            "id": customer.id, "first_name": NSNull(), "last_name": NSNull(), "email": customer.email,
            "company": customer.company, "auto_collection": "on", "net_term_days": 30, "allow_direct_debit": false,
            "created_at": customer.createdAt, "taxability": "taxable", "updated_at": customer.updatedAt,
            "pii_cleared": "active", "channel": "web", "resource_version": customer.updatedAt * 1_000 + 123,
            "deleted": customer.isDeleted, "object": "customer", "card_status": "valid", "promotional_credits": 0,
            "refundable_credits": 0, "excess_payments": 0, "unbilled_charges": 0, "preferred_currency_code": "USD",
        ]
        if let id = customer.salesforceAccountID { object["cf_salesforce_account_id"] = id }
        if let id = customer.hubspotCompanyID { object["cf_hubspot_company_id"] = id }
        return object
    }

    static func invoice(_ invoice: SandboxChargebeeInvoice) -> [String: Any] {
        var object: [String: Any] = [
            "id": invoice.id, "customer_id": invoice.customerID, "recurring": true, "status": invoice.status,
            "price_type": "tax_exclusive", "date": invoice.date, "net_term_days": 30, "exchange_rate": 1.0,
            "total": invoice.total, "amount_paid": invoice.amountPaid, "amount_adjusted": 0, "write_off_amount": 0,
            "credits_applied": 0, "amount_due": invoice.status == "not_paid" ? 0 : invoice.total - invoice.amountPaid,
            "updated_at": invoice.updatedAt, "resource_version": invoice.updatedAt * 1_000 + 555, "deleted": false,
            "object": "invoice", "currency_code": "USD", "base_currency_code": "USD", "sub_total": invoice.total,
            "tax": 0,
            "line_items": [
                [
                    "id": "li_" + invoice.id, "date_from": invoice.date, "unit_amount": invoice.total, "quantity": 1,
                    "amount": invoice.total, "pricing_model": "per_unit", "is_taxed": false, "tax_amount": 0,
                    "object": "line_item", "customer_id": invoice.customerID, "description": invoice.product,
                    "entity_type": "plan_item_price", "entity_id": "\(invoice.product)-USD-Monthly",
                ]
            ],
        ]
        if let due = invoice.dueDate { object["due_date"] = due }
        if let paid = invoice.paidAt { object["paid_at"] = paid }
        return object
    }

    /// Chargebee's status as Scorebook files it, for the summary the sync tests compare with.
    static func canonicalStatus(_ status: String) -> String {
        ["paid": "paid", "payment_due": "open", "not_paid": "uncollectible", "voided": "void"][status] ?? status
    }

    /// An error body with the modern and the legacy fields.
    static func error(
        _ status: Int, code: String, message: String, type: String? = nil, param: String? = nil,
        headers: [String: String] = [:]
    ) -> Reply {
        var body: [String: Any] = [
            "message": message, "api_error_code": code, "error_code": code, "error_msg": message,
            "http_status_code": status,
        ]
        if let type { body["type"] = type }
        if let param {
            body["param"] = param
            body["error_param"] = param
        }
        return .json(status, body, headers: headers)
    }
}
