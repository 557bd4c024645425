import Foundation

/// Stripe objects as the API writes them: unix seconds, integer minor units, lower-case currency.
enum StripeJSON {
    static func customer(_ customer: SandboxCustomer) -> [String: Any] {
        if customer.isDeleted { return ["id": customer.id, "object": "customer", "deleted": true] }
        return [
            "id": customer.id, "object": "customer", "created": customer.created, "currency": "usd",
            "email": customer.email, "name": customer.name, "delinquent": false, "livemode": false,
            "metadata": customer.hubspotCompanyID.map { ["hubspot_company_id": $0] } ?? [String: String](),
        ]
    }

    /// An invoice in basil's shape: each line's product under `pricing.price_details` (the line's `price` is gone).
    static func invoice(_ invoice: SandboxInvoice) -> [String: Any] {
        [
            "id": invoice.id, "object": "invoice", "customer": invoice.customer, "created": invoice.created,
            "due_date": invoice.dueDate.map { $0 as Any } ?? NSNull(), "currency": "usd", "status": invoice.status,
            "amount_due": invoice.amountDue, "amount_paid": invoice.amountPaid,
            "amount_remaining": invoice.amountDue - invoice.amountPaid, "livemode": false,
            "status_transitions": [
                "paid_at": invoice.paidAt.map { $0 as Any } ?? NSNull(), "finalized_at": invoice.created,
            ],
            "lines": [
                "object": "list", "has_more": false, "url": "/v1/invoices/\(invoice.id)/lines",
                "data": [
                    [
                        "id": "il_" + invoice.stem, "object": "line_item", "amount": invoice.amountDue,
                        "currency": "usd",
                        "description": invoice.product, "invoice": invoice.id, "livemode": false, "quantity": 1,
                        "pricing": [
                            "type": "price_details", "unit_amount_decimal": String(invoice.amountDue),
                            "price_details": [
                                "price": "price_" + invoice.product, "product": "prod_" + invoice.product,
                            ],
                        ],
                    ]
                ],
            ],
        ]
    }

    static func subscription(_ subscription: SandboxSubscription) -> [String: Any] {
        [
            "id": subscription.id, "object": "subscription", "customer": subscription.customer,
            "created": subscription.created,
            "status": subscription.canceledAt == nil ? "active" : "canceled",
            "canceled_at": subscription.canceledAt.map { $0 as Any } ?? NSNull(),
            "ended_at": subscription.canceledAt.map { $0 as Any } ?? NSNull(), "currency": "usd", "livemode": false,
            "items": [
                "object": "list", "has_more": false,
                "data": [
                    [
                        "object": "subscription_item", "quantity": 1,
                        "price": [
                            "unit_amount": subscription.monthlyAmount, "currency": "usd",
                            "recurring": ["interval": "month", "interval_count": 1],
                        ],
                    ]
                ],
            ],
        ]
    }

    static func event(_ event: SandboxEvent) -> [String: Any] {
        [
            "id": event.id, "object": "event", "api_version": event.apiVersion, "created": event.created,
            "type": event.type, "data": ["object": event.object], "livemode": false, "pending_webhooks": 0,
        ]
    }

    static func error(type: String, code: String?, message: String, param: String? = nil) -> [String: Any] {
        var error: [String: Any] = ["type": type, "message": message]
        if let code {
            error["code"] = code
            error["doc_url"] = "https://stripe.com/docs/error-codes/\(code.replacingOccurrences(of: "_", with: "-"))"
        }
        if let param { error["param"] = param }
        return ["error": error]
    }
}

/// HubSpot CRM v3 objects: every property a string, timestamps ISO 8601 with milliseconds.
enum HubSpotJSON {
    static func company(_ company: SandboxCompany) -> [String: Any] {
        let created = iso(company.createdMilliseconds)
        let modified = iso(company.modifiedMilliseconds)
        var object: [String: Any] = [
            "id": company.id,
            "properties": [
                "name": company.name, "domain": company.domain, "industry": company.industry,
                "numberofemployees": company.employees, "country": company.country, "createdate": created,
                "hs_lastmodifieddate": modified, "hs_object_id": company.id,
            ],
            "createdAt": created, "updatedAt": modified, "archived": company.isArchived,
        ]
        if company.isArchived { object["archivedAt"] = modified }
        return object
    }

    static func contact(_ contact: SandboxContact) -> [String: Any] {
        let modified = iso(contact.modifiedMilliseconds)
        var object: [String: Any] = [
            "id": contact.id,
            "properties": [
                "email": contact.email, "firstname": contact.firstName, "lastname": contact.lastName,
                "associatedcompanyid": contact.companyID, "notes_last_updated": iso(contact.lastActivityMilliseconds),
                "lastmodifieddate": modified, "hs_object_id": contact.id,
            ],
            "createdAt": modified, "updatedAt": modified, "archived": contact.isArchived,
        ]
        if contact.isArchived { object["archivedAt"] = modified }
        return object
    }

    static func error(status: String = "error", message: String, category: String, extra: [String: Any] = [:])
        -> [String: Any]
    {
        var body: [String: Any] = [
            "status": status, "message": message, "correlationId": UUID().uuidString.lowercased(), "category": category,
        ]
        for (key, value) in extra { body[key] = value }
        return body
    }

    static func iso(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
