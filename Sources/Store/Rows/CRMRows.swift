/// A `contacts` row: a person at an account, and the day of their last activity.
public struct ContactRow: AccountFiledRow, Equatable {
    public static let table = CanonicalTable.contacts
    public var accountID: Int64
    public var name: String?
    public var email: String?
    public var isPrimary: Bool?
    public var lastActivityDate: String?

    /// A contact under an account's row.
    public init(accountID: Int64, name: String?, email: String?, isPrimary: Bool?, lastActivityDate: String?) {
        self.accountID = accountID
        self.name = name
        self.email = email
        self.isPrimary = isPrimary
        self.lastActivityDate = lastActivityDate
    }

    public var values: [SQLValue] {
        [.integer(accountID), name.sqlValue, email.sqlValue, isPrimary.sqlValue, lastActivityDate.sqlValue]
    }
}

/// A `deals` row: an opportunity, its stage and amount, and whether it closed and was won.
public struct DealRow: AccountFiledRow, Equatable {
    public static let table = CanonicalTable.deals
    public var accountID: Int64
    public var name: String?
    public var stage: String?
    public var amountCents: Int64?
    public var createdDate: String
    public var closeDate: String?
    public var isClosed: Bool
    public var isWon: Bool

    /// A deal under an account's row.
    public init(
        accountID: Int64, name: String?, stage: String?, amountCents: Int64?, createdDate: String,
        closeDate: String?, isClosed: Bool, isWon: Bool
    ) {
        self.accountID = accountID
        self.name = name
        self.stage = stage
        self.amountCents = amountCents
        self.createdDate = createdDate
        self.closeDate = closeDate
        self.isClosed = isClosed
        self.isWon = isWon
    }

    public var values: [SQLValue] {
        [
            .integer(accountID), name.sqlValue, stage.sqlValue, amountCents.sqlValue, .text(createdDate),
            closeDate.sqlValue, .integer(isClosed ? 1 : 0), .integer(isWon ? 1 : 0),
        ]
    }
}

/// A `tickets` row: a support ticket's open and close times (ISO 8601), priority and status (open or closed).
public struct TicketRow: AccountFiledRow, Equatable {
    public static let table = CanonicalTable.tickets
    public var accountID: Int64
    public var openedAt: String
    public var closedAt: String?
    public var priority: String?
    public var status: String?

    /// A ticket under an account's row.
    public init(accountID: Int64, openedAt: String, closedAt: String?, priority: String?, status: String?) {
        self.accountID = accountID
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.priority = priority
        self.status = status
    }

    public var values: [SQLValue] {
        [.integer(accountID), .text(openedAt), closedAt.sqlValue, priority.sqlValue, status.sqlValue]
    }
}
