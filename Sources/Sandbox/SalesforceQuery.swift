import Foundation

/// The SOQL subset the Sandbox understands: `SELECT fields FROM Account|Contact|Opportunity|Case [WHERE cond AND cond
/// …] [ORDER BY SystemModstamp, Id] [LIMIT n]`, with conditions on `SystemModstamp` (`>=`, `>`, `<=`, `<` against an
/// unquoted datetime literal), `IsDeleted = true|false`, `Id > 'x'` and `Id = 'x'`.
struct SalesforceQuery {
    /// The fields of each sObject type served.
    static let knownFields: [String: Set<String>] = {
        let common: Set<String> = ["Id", "CreatedDate", "LastModifiedDate", "SystemModstamp", "IsDeleted"]
        return [
            "Account": common.union(["Name", "Website", "Industry", "NumberOfEmployees", "BillingCountry"]),
            "Contact": common.union(["AccountId", "FirstName", "LastName", "Name", "Email", "LastActivityDate"]),
            "Opportunity": common.union(["AccountId", "Name", "StageName", "Amount", "CloseDate", "IsClosed", "IsWon"]),
            "Case": common.union(["AccountId", "CaseNumber", "Subject", "Status", "Priority", "IsClosed", "ClosedDate"]
            ),
        ]
    }()
    var object = "Account"
    var fields: [String] = []
    var lowerInclusive: Int64 = .min
    var upperInclusive: Int64 = .max
    var deleted: Bool?
    var idAfter: String?
    var idEquals: String?
    var ordered = false
    var limit: Int?

    /// A query failure: Salesforce's error code and message.
    struct Failure: Error {
        let code: String
        let message: String
    }

    /// Parses a query, or fails as Salesforce would (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE).
    static func parse(_ text: String) throws -> SalesforceQuery {
        let pattern =
            #"^\s*SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(.+?))?(?:\s+ORDER\s+BY\s+(.+?))?(?:\s+LIMIT\s+(\d+))?\s*$"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { throw Failure(code: "MALFORMED_QUERY", message: "unexpected token in query: \(text.prefix(60))") }
        func group(_ number: Int) -> String? {
            Range(match.range(at: number), in: text).map { String(text[$0]) }
        }
        var query = SalesforceQuery()
        query.object = group(2) ?? ""
        guard let known = knownFields[query.object] else {
            throw Failure(code: "INVALID_TYPE", message: "sObject type '\(query.object)' is not supported.")
        }
        query.fields = (group(1) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for field in query.fields where !known.contains(field) {
            throw Failure(
                code: "INVALID_FIELD",
                message:
                    "\(text.prefix(40))\n^\nERROR at Row:1:Column:8\nNo such column '\(field)' on entity "
                    + "'\(query.object)'."
            )
        }
        if let conditions = group(3) {
            for condition in conditions.components(separatedBy: " AND ") {
                try query.apply(condition.trimmingCharacters(in: .whitespaces))
            }
        }
        if let order = group(4) {
            let keys = order.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard keys == ["SystemModstamp", "Id"] || keys == ["SystemModstamp"] else {
                throw Failure(code: "MALFORMED_QUERY", message: "the Sandbox orders only by SystemModstamp, Id")
            }
            query.ordered = true
        }
        query.limit = group(5).flatMap { Int($0) }
        return query
    }

    private mutating func apply(_ condition: String) throws {
        let parts = condition.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3 else {
            throw Failure(code: "MALFORMED_QUERY", message: "unexpected condition: \(condition)")
        }
        switch (parts[0], parts[1]) {
        case ("SystemModstamp", let op):
            guard let date = Self.literal(parts[2]) else {
                throw Failure(code: "MALFORMED_QUERY", message: "invalid datetime literal: \(parts[2])")
            }
            switch op {
            case ">=": lowerInclusive = max(lowerInclusive, date)
            case ">": lowerInclusive = max(lowerInclusive, date + 1)
            case "<=": upperInclusive = min(upperInclusive, date)
            case "<": upperInclusive = min(upperInclusive, date - 1)
            default: throw Failure(code: "MALFORMED_QUERY", message: "unexpected operator: \(op)")
            }
        case ("IsDeleted", "="):
            deleted = parts[2].lowercased() == "true"
        case ("Id", ">"):
            idAfter = parts[2].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        case ("Id", "="):
            idEquals = parts[2].trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        default:
            throw Failure(code: "MALFORMED_QUERY", message: "unexpected condition: \(condition)")
        }
    }

    /// Unix milliseconds of an unquoted SOQL datetime literal (`2025-06-01T10:30:00Z`, or with `.000` / `+hh:mm`).
    static func literal(_ text: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return Int64((date.timeIntervalSince1970 * 1_000).rounded()) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text).map { Int64(($0.timeIntervalSince1970 * 1_000).rounded()) }
    }

    /// True when a record matches the conditions; `includeDeleted` is false for `query`, true for `queryAll`.
    func matches(_ record: any SalesforceServed, includeDeleted: Bool) -> Bool {
        if record.isDeleted && !includeDeleted { return false }
        if let deleted, record.isDeleted != deleted { return false }
        if let idAfter, record.id <= idAfter { return false }
        if let idEquals, record.id != idEquals { return false }
        return record.modstampMilliseconds >= lowerInclusive && record.modstampMilliseconds <= upperInclusive
    }
}
