import Connectors
import Foundation

/// A HubSpot deal as the Sandbox serves it, associated with one company.
struct SandboxDeal {
    let id: String
    let companyID: String
    let name: String
    var stage: String
    let amountCents: Int
    let createdMilliseconds: Int64
    var closeMilliseconds: Int64
    var modifiedMilliseconds: Int64
    var isArchived = false
    /// Gone past every retention window: in no listing, archived ones included.
    var isPurged = false

    var isClosed: Bool { stage == "closedwon" || stage == "closedlost" }
}

/// A HubSpot ticket as the Sandbox serves it, in the default support pipeline (stages 1-3 open, 4 closed).
struct SandboxTicket {
    let id: String
    let companyID: String
    let subject: String
    /// `LOW`, `MEDIUM` or `HIGH`.
    let priority: String
    var stage: String
    let createdMilliseconds: Int64
    var closedMilliseconds: Int64?
    var modifiedMilliseconds: Int64
    var isArchived = false
    /// Gone past every retention window: in no listing, archived ones included.
    var isPurged = false
}

extension SandboxData {
    /// Adds the deals, and a ticket for each generated one (priority `normal` is HubSpot's `MEDIUM`).
    func addHubSpotDealsAndTickets(_ generated: [GeneratedDeal], tickets: [[String]]) {
        for deal in generated {
            let stage: String
            switch deal.outcome {
            case .won: stage = "closedwon"
            case .lost: stage = "closedlost"
            case .open: stage = deal.number % 2 == 0 ? "contractsent" : "qualifiedtobuy"
            }
            let modified = (deal.outcome == .open ? deal.createdSeconds : deal.closeSeconds) + 3_600
            deals.append(
                SandboxDeal(
                    id: String(40_000_000 + deal.number), companyID: String(18_000_000 + deal.accountIndex),
                    name: deal.name,
                    stage: stage, amountCents: deal.amountCents, createdMilliseconds: deal.createdSeconds * 1_000,
                    closeMilliseconds: deal.closeSeconds * 1_000, modifiedMilliseconds: modified * 1_000))
        }
        // ticket_id, account_id, opened_at, closed_at, priority, status
        for fields in tickets {
            guard let index = Int(fields[1].dropFirst(4)), let opened = SalesforceTime.milliseconds(fields[2]) else {
                continue
            }
            let number = self.tickets.count + 1
            let closed = SalesforceTime.milliseconds(fields[3])
            self.tickets.append(
                SandboxTicket(
                    id: String(70_000_000 + number), companyID: String(18_000_000 + index),
                    subject: "Support request \(number)",
                    priority: fields[4] == "normal" ? "MEDIUM" : fields[4].uppercased(),
                    stage: closed == nil ? String(1 + number % 3) : "4", createdMilliseconds: opened,
                    closedMilliseconds: closed,
                    modifiedMilliseconds: (closed ?? opened) + 3_600_000))
        }
    }

    /// Wins `deals_won` open deals, archives `deals_archived` deals, closes `tickets_closed` open tickets and archives
    /// `tickets_archived` tickets, each stamped with the real clock as HubSpot would.
    func mutateDealsAndTickets(_ asked: [String: Int]) -> [String: Int] {
        var done: [String: Int] = [:]
        let now = Int64(Date().timeIntervalSince1970 * 1_000)
        func want(_ key: String) -> Bool { done[key, default: 0] < asked[key, default: 0] }
        for position in deals.indices
        where want("deals_won") && !deals[position].isArchived && !deals[position].isClosed {
            deals[position].stage = "closedwon"
            deals[position].closeMilliseconds = now
            deals[position].modifiedMilliseconds = now
            done["deals_won", default: 0] += 1
        }
        for position in deals.indices.reversed() where want("deals_archived") && !deals[position].isArchived {
            deals[position].isArchived = true
            deals[position].modifiedMilliseconds = now
            done["deals_archived", default: 0] += 1
        }
        for position in tickets.indices
        where want("tickets_closed") && !tickets[position].isArchived && tickets[position].closedMilliseconds == nil {
            tickets[position].stage = "4"
            tickets[position].closedMilliseconds = now
            tickets[position].modifiedMilliseconds = now
            done["tickets_closed", default: 0] += 1
        }
        for position in tickets.indices.reversed() where want("tickets_archived") && !tickets[position].isArchived {
            tickets[position].isArchived = true
            tickets[position].modifiedMilliseconds = now
            done["tickets_archived", default: 0] += 1
        }
        return done
    }

    /// Counts and checksums of the live deals and tickets, in Scorebook's terms (amounts in cents, priorities lower
    /// case, statuses open/closed, days).
    func dealsAndTicketsSummary() -> [String: Any] {
        let liveDeals = deals.filter { !$0.isArchived }
        let liveTickets = tickets.filter { !$0.isArchived }
        let day = { (milliseconds: Int64) in String(HubSpotJSON.iso(milliseconds).prefix(10)) }
        let dealText = liveDeals.map {
            "\($0.id)|\($0.companyID)|\($0.stage)|\($0.amountCents)|\($0.isClosed ? 1 : 0)|\($0.stage == "closedwon" ? 1 : 0)|"
                + day($0.closeMilliseconds)
        }
        let ticketText = liveTickets.map {
            "\($0.id)|\($0.companyID)|\($0.priority.lowercased())|\($0.closedMilliseconds == nil ? "open" : "closed")|"
                + ($0.closedMilliseconds.map(day) ?? "")
        }
        return [
            "deals": liveDeals.count, "deal_checksum": Checksum.hex(dealText.sorted().joined(separator: "\n")),
            "won_deals": liveDeals.filter { $0.stage == "closedwon" }.count,
            "tickets": liveTickets.count, "ticket_checksum": Checksum.hex(ticketText.sorted().joined(separator: "\n")),
            "closed_tickets": liveTickets.filter { $0.closedMilliseconds != nil }.count,
        ]
    }
}

extension HubSpotJSON {
    /// A deal: the amount a decimal string in dollars, flags `"true"`/`"false"`; with its company association when
    /// listed with `associations=companies`.
    static func deal(_ deal: SandboxDeal, withCompanies: Bool) -> [String: Any] {
        let cents = deal.amountCents % 100 == 0 ? "" : String(format: ".%02d", deal.amountCents % 100)
        return record(
            id: deal.id, created: deal.createdMilliseconds, modified: deal.modifiedMilliseconds,
            archived: deal.isArchived,
            properties: [
                "dealname": deal.name, "dealstage": deal.stage, "pipeline": "default",
                "amount": "\(deal.amountCents / 100)\(cents)", "deal_currency_code": "USD",
                "closedate": iso(deal.closeMilliseconds), "hs_is_closed": deal.isClosed ? "true" : "false",
                "hs_is_closed_won": deal.stage == "closedwon" ? "true" : "false",
            ],
            company: withCompanies ? (deal.companyID, "deal") : nil)
    }

    /// A ticket in the default support pipeline.
    static func ticket(_ ticket: SandboxTicket, withCompanies: Bool) -> [String: Any] {
        record(
            id: ticket.id, created: ticket.createdMilliseconds, modified: ticket.modifiedMilliseconds,
            archived: ticket.isArchived,
            properties: [
                "subject": ticket.subject, "hs_pipeline": "0", "hs_pipeline_stage": ticket.stage,
                "hs_ticket_priority": ticket.priority,
                "closed_date": ticket.closedMilliseconds.map { iso($0) as Any } ?? NSNull(),
            ],
            company: withCompanies ? (ticket.companyID, "ticket") : nil)
    }

    /// A record with `createdate`, `hs_lastmodifieddate` and `hs_object_id` added to its properties; `company` adds
    /// `associations.companies` as HubSpot lists it (the primary association and the unlabeled one).
    private static func record(
        id: String, created: Int64, modified: Int64, archived: Bool, properties: [String: Any],
        company: (id: String, singular: String)?
    ) -> [String: Any] {
        var all = properties
        all["createdate"] = iso(created)
        all["hs_lastmodifieddate"] = iso(modified)
        all["hs_object_id"] = id
        var object: [String: Any] = [
            "id": id, "properties": all, "createdAt": iso(created), "updatedAt": iso(modified), "archived": archived,
        ]
        if archived { object["archivedAt"] = iso(modified) }
        if let company {
            object["associations"] = [
                "companies": [
                    "results": [
                        ["id": company.id, "type": "\(company.singular)_to_company"],
                        ["id": company.id, "type": "\(company.singular)_to_company_unlabeled"],
                    ]
                ]
            ]
        }
        return object
    }
}
