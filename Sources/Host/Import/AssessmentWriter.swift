import Store

/// Stores answers typed into `scorebook shell` in the `assessments` table, as an import of them would.
public struct AssessmentWriter {
    /// The source name shell answers are keyed under.
    public static let source = "shell"

    private let database: Database

    /// Creates a writer on a connection.
    public init(database: Database) { self.database = database }

    /// One answer to one item.
    public struct Answer: Sendable, Equatable {
        /// The item, such as `profile_fit`.
        public let item: String
        /// Yes = 1, no = 0, or a rating.
        public let value: Double

        /// Creates an answer.
        public init(item: String, value: Double) {
            self.item = item
            self.value = value
        }
    }

    /// Writes `answers` for the account with external id `account`, by `author` on `date`, in one transaction.
    ///
    /// Keyed like an import's natural key (account, item, date, author), so answering again the same day replaces.
    public func write(account: String, answers: [Answer], author: String, date: String) throws {
        guard let rowID = try AccountDirectory(database: database).rowIDsByExternalID()[account] else {
            throw ImportError(file: "assess", line: nil, reason: "no account \"\(account)\"")
        }
        try database.transaction {
            let upserter = try Upserter(database: database, table: .assessments)
            for answer in answers {
                let key = [account, answer.item, date, author].joined(separator: "|")
                // Keys in code-point order, as `JSONSerialization`'s `.sortedKeys` wrote them before.
                let raw = JSONText.object([
                    ("account_id", JSONText.string(account)), ("answer", JSONText.number(answer.value)),
                    ("assessed_date", JSONText.string(date)), ("author", JSONText.string(author)),
                    ("item", JSONText.string(answer.item)),
                ])
                try upserter.upsert(
                    source: Self.source, externalID: key,
                    values: [.integer(rowID), .text(answer.item), .real(answer.value), .text(author), .text(date)],
                    raw: Array(raw.utf8))
            }
        }
    }
}
