/// A `usage_daily` row: an account's active users and key-feature uses on one day.
public struct UsageDayRow: AccountFiledRow, Equatable {
    public static let table = CanonicalTable.usageDaily
    public var accountID: Int64
    public var day: String
    public var activeUsers: Int64?
    public var keyFeatureUses: Int64?

    /// A day's usage under an account's row.
    public init(accountID: Int64, day: String, activeUsers: Int64?, keyFeatureUses: Int64?) {
        self.accountID = accountID
        self.day = day
        self.activeUsers = activeUsers
        self.keyFeatureUses = keyFeatureUses
    }

    public var values: [SQLValue] { [.integer(accountID), .text(day), activeUsers.sqlValue, keyFeatureUses.sqlValue] }
}

/// An `nps_responses` row: a 0-10 answer on a day.
public struct NPSResponseRow: AccountFiledRow, Equatable {
    public static let table = CanonicalTable.npsResponses
    public var accountID: Int64
    public var respondedDate: String
    public var score: Int64

    /// A response under an account's row.
    public init(accountID: Int64, respondedDate: String, score: Int64) {
        self.accountID = accountID
        self.respondedDate = respondedDate
        self.score = score
    }

    public var values: [SQLValue] { [.integer(accountID), .text(respondedDate), .integer(score)] }
}

/// An `assessments` row: one qualitative item's answer (1 yes, 0 no, or a rating), by whom and when.
public struct AssessmentRow: AccountFiledRow, Equatable {
    public static let table = CanonicalTable.assessments
    public var accountID: Int64
    public var item: String
    public var answer: Double
    public var author: String?
    public var assessedDate: String

    /// An answer under an account's row.
    public init(accountID: Int64, item: String, answer: Double, author: String?, assessedDate: String) {
        self.accountID = accountID
        self.item = item
        self.answer = answer
        self.author = author
        self.assessedDate = assessedDate
    }

    public var values: [SQLValue] {
        [.integer(accountID), .text(item), .real(answer), author.sqlValue, .text(assessedDate)]
    }
}

/// An `outcomes` row: something that happened to an account (churned, renewed, referred) on a day.
public struct OutcomeRow: AccountFiledRow, Equatable {
    public static let table = CanonicalTable.outcomes
    public var accountID: Int64
    public var event: String
    public var eventDate: String

    /// An outcome under an account's row.
    public init(accountID: Int64, event: String, eventDate: String) {
        self.accountID = accountID
        self.event = event
        self.eventDate = eventDate
    }

    public var values: [SQLValue] { [.integer(accountID), .text(event), .text(eventDate)] }
}
