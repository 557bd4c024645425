import Foundation

/// A Stripe charge as the Sandbox serves it: one attempt to collect an invoice.
struct SandboxCharge: Equatable {
    let id: String
    let customer: String
    /// The invoice collected, which the served charge names only through its PaymentIntent (basil has no
    /// `charge.invoice`).
    let invoice: String
    let created: Int64
    let amount: Int
    /// `succeeded` or `failed`.
    let status: String
    let failureCode: String?
    var disputed = false
    var amountRefunded = 0
}

extension SandboxData {
    /// Failure codes the failed attempts take in turn.
    static let failureCodes = ["card_declined", "insufficient_funds", "expired_card"]

    /// Charges derived from the invoices: a succeeded charge for each paid invoice on its paid day; a failed attempt on
    /// the due day of every other invoice paid late, and two (due day, a week later) on each uncollectible invoice; of
    /// the succeeded charges every 29th is disputed and every 19th refunded (every other of those in part).
    func addCharges() {
        var succeeded = 0
        var failed = 0
        var late = 0
        for invoice in invoices.reversed() {
            let stem = "ch_" + invoice.id.dropFirst("in_".count)
            var attempts: [Int64] = []
            if invoice.status == "uncollectible", let due = invoice.dueDate {
                attempts = [due, due + 7 * 86_400]
            } else if let paid = invoice.paidAt, let due = invoice.dueDate, paid > due {
                late += 1
                if late % 2 == 0 { attempts = [due] }
            }
            for (number, day) in attempts.enumerated() {
                charges.append(
                    SandboxCharge(
                        id: "\(stem)_f\(number + 1)", customer: invoice.customer, invoice: invoice.id, created: day,
                        amount: invoice.amountDue, status: "failed",
                        failureCode: Self.failureCodes[failed % Self.failureCodes.count]))
                failed += 1
            }
            guard invoice.status == "paid", let paid = invoice.paidAt else { continue }
            succeeded += 1
            var charge = SandboxCharge(
                id: stem + "_s", customer: invoice.customer, invoice: invoice.id, created: paid,
                amount: invoice.amountPaid, status: "succeeded", failureCode: nil)
            charge.disputed = succeeded % 29 == 0
            if succeeded % 19 == 0 { charge.amountRefunded = succeeded % 38 == 0 ? charge.amount / 2 : charge.amount }
            charges.append(charge)
        }
        // Newest first, as Stripe lists.
        charges.sort { ($0.created, $0.id) > ($1.created, $1.id) }
        reindexCharges()
    }

    func reindexCharges() {
        chargeIndex = Dictionary(uniqueKeysWithValues: charges.enumerated().map { ($1.id, $0) })
    }

    func chargePosition(_ id: String) -> Int? { chargeIndex[id] }

    /// A new charge, the newest, with its event.
    func recordCharge(_ charge: SandboxCharge, event: String) {
        charges.insert(charge, at: 0)
        reindexCharges()
        record(event, StripeJSON.charge(charge))
    }

    /// The succeeded charge that pays an invoice now (called with the clock already moved).
    func chargePaid(_ invoice: SandboxInvoice) {
        recordCharge(
            SandboxCharge(
                id: "ch_sandbox_" + String(format: "%08d", charges.count + 1), customer: invoice.customer,
                invoice: invoice.id, created: now, amount: invoice.amountDue, status: "succeeded", failureCode: nil),
            event: "charge.succeeded")
    }

    /// Fails `charges_failed` attempts on open invoices, refunds `charges_refunded` and disputes `charges_disputed`
    /// succeeded charges, each with its event (a dispute's event carries the dispute, naming its charge).
    func mutateCharges(_ asked: [String: Int]) -> [String: Int] {
        var done: [String: Int] = [:]
        func want(_ key: String) -> Bool { done[key, default: 0] < asked[key, default: 0] }
        for invoice in invoices where want("charges_failed") && invoice.status == "open" {
            tick()
            recordCharge(
                SandboxCharge(
                    id: "ch_sandbox_" + String(format: "%08d", charges.count + 1), customer: invoice.customer,
                    invoice: invoice.id, created: now, amount: invoice.amountDue, status: "failed",
                    failureCode: Self.failureCodes[charges.count % Self.failureCodes.count]),
                event: "charge.failed")
            done["charges_failed", default: 0] += 1
        }
        for position in charges.indices
        where want("charges_refunded") && charges[position].status == "succeeded"
            && charges[position].amountRefunded == 0
        {
            tick()
            charges[position].amountRefunded = charges[position].amount
            record("charge.refunded", StripeJSON.charge(charges[position]))
            done["charges_refunded", default: 0] += 1
        }
        for position in charges.indices
        where want("charges_disputed") && charges[position].status == "succeeded" && !charges[position].disputed {
            tick()
            charges[position].disputed = true
            record("charge.dispute.created", StripeJSON.dispute(of: charges[position], created: now))
            done["charges_disputed", default: 0] += 1
        }
        return done
    }

    /// Counts and a checksum of the charges, named as the sync tests name them.
    func chargeSummary() -> [String: Any] {
        let text = charges.map {
            "\($0.id)|\($0.invoice)|\($0.amount)|\($0.status)|\($0.disputed ? 1 : 0)|\($0.amountRefunded)"
        }.sorted().joined(separator: "\n")
        return [
            "charges": charges.count, "failed_charges": charges.filter { $0.status == "failed" }.count,
            "disputed_charges": charges.filter(\.disputed).count,
            "refunded_cents": charges.reduce(0) { $0 + $1.amountRefunded }, "charge_checksum": Checksum.hex(text),
        ]
    }
}

extension StripeJSON {
    /// A charge in basil's shape: its invoice's PaymentIntent, no `invoice`.
    static func charge(_ charge: SandboxCharge) -> [String: Any] {
        [
            "id": charge.id, "object": "charge", "amount": charge.amount,
            "amount_captured": charge.status == "succeeded" ? charge.amount : 0,
            "amount_refunded": charge.amountRefunded, "created": charge.created, "currency": "usd",
            "customer": charge.customer, "payment_intent": "pi_" + charge.invoice.dropFirst("in_".count),
            "disputed": charge.disputed,
            "failure_code": charge.failureCode.map { $0 as Any } ?? NSNull(),
            "livemode": false, "metadata": [String: String](), "paid": charge.status == "succeeded",
            "captured": charge.status == "succeeded",
            "refunded": charge.amountRefunded > 0 && charge.amountRefunded == charge.amount,
            "status": charge.status,
        ]
    }

    /// A dispute opened on a charge: the object of `charge.dispute.*` events.
    static func dispute(of charge: SandboxCharge, created: Int64) -> [String: Any] {
        [
            "id": "dp_" + charge.id.dropFirst("ch_".count), "object": "dispute", "amount": charge.amount,
            "charge": charge.id, "created": created, "currency": "usd", "reason": "fraudulent",
            "status": "needs_response", "livemode": false,
        ]
    }
}
