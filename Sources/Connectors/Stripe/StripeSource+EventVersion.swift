import Foundation

/// Events in other API versions than the pinned one.
extension StripeSource {
    /// The retrieve endpoint of each object type an event may carry that the source maps.
    static let retrievePaths = [
        "customer": "customers", "subscription": "subscriptions", "invoice": "invoices", "charge": "charges",
        "invoice_payment": "invoice_payments",
    ]

    /// An event's object in the pinned version's shape.
    ///
    /// Stripe renders an event in the API version of the moment it was created (its `api_version`), whatever the
    /// request pins (https://docs.stripe.com/api/events/object), so an event of another version (or none) has its
    /// object fetched afresh, which the pinned version shapes. A deleted object's stub is the same in every version; an
    /// object gone since (404) keeps its snapshot, the best there is.
    func current(_ snapshot: [String: Any], of event: [String: Any]) throws -> [String: Any] {
        let version = event["api_version"] as? String
        if version == Self.apiVersion || snapshot["deleted"] as? Bool == true { return snapshot }
        guard let id = snapshot["id"] as? String, let type = snapshot["object"] as? String,
            let path = Self.retrievePaths[type]
        else { return snapshot }
        do {
            return try fetch(
                "/v1/\(path)/\(id)", what: "\(name) \(type) \(id) (its event is in \(version ?? "no version"))")
        } catch let error as SyncError where error.reason.hasPrefix("HTTP 404") {
            return snapshot
        }
    }
}
