import Foundation
import ScoreKit

/// A Chargebee subscription as the Sandbox serves it: one per customer, at the account's latest monthly amount (the
/// generator's MRR, as Stripe's subscriptions), billed monthly, quarterly or yearly.
struct SandboxChargebeeSubscription {
    let id: String
    let customerID: String
    /// The customer's position in `chargebeeCustomers` (rows there never move).
    let customerPosition: Int
    let startedAt: Int64
    let monthlyAmount: Int
    /// Months per billing period: 1, 3 or 12.
    let billingMonths: Int
    let quantity: Int
    var cancelledAt: Int64?
    var updatedAt: Int64
    var isDeleted = false
    /// Deleted and gone for good: not listed even with `include_deleted`.
    var isPurged = false
}

extension SandboxData {
    /// The Chargebee subscription id of a generated account.
    static func chargebeeSubscriptionID(_ index: Int) -> String { "16SB" + String(format: "%08d", index) }

    /// A Chargebee subscription beside each Stripe one (same account, start, amount and cancellation): every 4th
    /// billed yearly, every 4th after it quarterly, the rest monthly; five seats where the amount divides.
    func addChargebeeSubscriptions() {
        guard servesChargebee else { return }
        let customers = Dictionary(uniqueKeysWithValues: chargebeeCustomers.enumerated().map { ($1.id, $0) })
        for subscription in subscriptions.sorted(by: { $0.id < $1.id }) {
            guard let index = Int(subscription.id.dropFirst("sub_".count)),
                let position = customers[Self.chargebeeID(index)]
            else { continue }
            let amount = subscription.monthlyAmount
            chargebeeSubscriptions.append(
                SandboxChargebeeSubscription(
                    id: Self.chargebeeSubscriptionID(index), customerID: Self.chargebeeID(index),
                    customerPosition: position, startedAt: subscription.created, monthlyAmount: amount,
                    billingMonths: [12, 3, 1, 1][index % 4], quantity: amount % 5 == 0 && index % 3 == 0 ? 5 : 1,
                    cancelledAt: subscription.canceledAt,
                    updatedAt: subscription.canceledAt ?? subscription.created + 60))
        }
    }

    /// Cancels `chargebee_cancelled` running subscriptions, deletes `chargebee_subscriptions_deleted`, and ends the
    /// subscription of every deleted customer; each change is stamped with the real clock.
    func mutateChargebeeSubscriptions(_ asked: [String: Int]) -> [String: Int] {
        var done: [String: Int] = [:]
        let nowSeconds = Int64(Date().timeIntervalSince1970)
        func want(_ key: String) -> Bool { done[key, default: 0] < asked[key, default: 0] }
        for position in chargebeeSubscriptions.indices {
            var subscription = chargebeeSubscriptions[position]
            guard !subscription.isDeleted, subscription.cancelledAt == nil else { continue }
            let customerDeleted = chargebeeCustomers[subscription.customerPosition].isDeleted
            guard customerDeleted || want("chargebee_cancelled") else { continue }
            subscription.cancelledAt = nowSeconds
            subscription.updatedAt = nowSeconds
            chargebeeSubscriptions[position] = subscription
            done[customerDeleted ? "chargebee_customer_subscriptions_ended" : "chargebee_cancelled", default: 0] += 1
        }
        for position in chargebeeSubscriptions.indices.reversed()
        where want("chargebee_subscriptions_deleted") && !chargebeeSubscriptions[position].isDeleted {
            chargebeeSubscriptions[position].isDeleted = true
            chargebeeSubscriptions[position].updatedAt = nowSeconds
            done["chargebee_subscriptions_deleted", default: 0] += 1
        }
        if !done.isEmpty { chargebeeOrders.removeAll() }
        return done
    }

    /// Counts and a checksum (id, monthly amount, cancellation day) of the live subscriptions (a deleted one's MRR
    /// changes are removed, so it is not counted).
    func chargebeeSubscriptionSummary() -> [String: Any] {
        let live = chargebeeSubscriptions.filter { !$0.isDeleted }
        let text = live.map {
            "\($0.id)|\($0.monthlyAmount)|" + ($0.cancelledAt.map { Day(ordinal: Int($0 / 86_400)).description } ?? "")
        }.sorted().joined(separator: "\n")
        return [
            "chargebee_subscriptions": live.count,
            "chargebee_cancelled_subscriptions": live.filter { $0.cancelledAt != nil }.count,
            "chargebee_subscription_checksum": Checksum.hex(text),
        ]
    }
}

extension ChargebeeJSON {
    /// A subscription on the product catalogue 2.0: one plan item, `mrr` as Chargebee computes it (0 once cancelled).
    static func subscription(_ subscription: SandboxChargebeeSubscription) -> [String: Any] {
        let perPeriod = subscription.monthlyAmount * subscription.billingMonths
        let yearly = subscription.billingMonths == 12
        let plan = yearly ? "Yearly" : subscription.billingMonths == 3 ? "Quarterly" : "Monthly"
        var object: [String: Any] = [
            "id": subscription.id, "customer_id": subscription.customerID,
            "status": subscription.cancelledAt == nil ? "active" : "cancelled",
            "billing_period": yearly ? 1 : subscription.billingMonths, "billing_period_unit": yearly ? "year" : "month",
            "created_at": subscription.startedAt, "started_at": subscription.startedAt,
            "activated_at": subscription.startedAt, "updated_at": subscription.updatedAt,
            "resource_version": subscription.updatedAt * 1_000 + 321, "deleted": subscription.isDeleted,
            "object": "subscription", "currency_code": "USD", "has_scheduled_changes": false, "channel": "web",
            "due_invoices_count": 0, "mrr": subscription.cancelledAt == nil ? subscription.monthlyAmount : 0,
            "exchange_rate": 1.0, "base_currency_code": "USD",
            "subscription_items": [
                [
                    "item_price_id": "core-USD-" + plan,
                    "item_type": "plan", "quantity": subscription.quantity,
                    "unit_price": perPeriod / subscription.quantity, "amount": perPeriod, "free_quantity": 0,
                    "object": "subscription_item",
                ]
            ],
        ]
        if let cancelled = subscription.cancelledAt { object["cancelled_at"] = cancelled }
        return object
    }
}
