import Foundation

/// A Salesforce session: the bearer token requests carry.
///
/// It is renewed through the OAuth refresh-token flow when the configuration has one. A request answered 401
/// `INVALID_SESSION_ID` gets a new access token and is sent once more; a second 401, or no refresh configured, stops
/// the sync in one line.
final class SalesforceSession {
    private let context: SyncContext
    private(set) var token: String
    /// Access tokens obtained in this sync.
    private(set) var refreshes = 0

    init(context: SyncContext) {
        self.context = context
        self.token = context.settings.token
    }

    /// The headers of a query: the bearer token and the batch size.
    var headers: [(name: String, value: String)] {
        [("Authorization", "Bearer \(token)"), ("Sforce-Query-Options", "batchSize=\(context.settings.pageSize)")]
    }

    /// A query's page, renewing the session once if it expired.
    func fetch(_ path: String, what: String) throws -> [String: Any] {
        do {
            return try context.fetch(path, headers: headers, what: what, classify: SalesforceErrors.classify)
        } catch let error as SyncError
            where error.reason.contains("INVALID_SESSION_ID") && context.settings.refresh != nil
        {
            try renew(what: what)
            return try context.fetch(path, headers: headers, what: what, classify: SalesforceErrors.classify)
        }
    }

    /// Asks the token endpoint for a new access token with the refresh token.
    private func renew(what: String) throws {
        guard let refresh = context.settings.refresh else { return }
        let form = [
            ("grant_type", "refresh_token"), ("client_id", refresh.clientID), ("client_secret", refresh.clientSecret),
            ("refresh_token", refresh.refreshToken),
        ].map { "\($0.0)=\(ServerURL.queryValue($0.1))" }.joined(separator: "&")
        let request = HTTPRequest(
            method: "POST", url: refresh.tokenURL,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Array(form.utf8))
        let response = try context.client.send(request, what: "\(what): renewing the session") { response in
            switch response.status {
            case 200: return .accept
            case 429, 500...: return .retry(after: HTTPClient.retryAfter(response), reason: "HTTP \(response.status)")
            default:
                let error = response.jsonObject
                let reason = [error?["error"] as? String, error?["error_description"] as? String].compactMap { $0 }
                return .fail("the token endpoint answered HTTP \(response.status) \(reason.joined(separator: ": "))")
            }
        }
        guard let access = response.jsonObject?["access_token"] as? String, !access.isEmpty,
            !access.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F })
        else {
            throw SyncError(
                what: "\(what): renewing the session", reason: "the token endpoint sent no usable access_token")
        }
        SecretRedactor.register(access)
        token = access
        refreshes += 1
        context.progress("\(context.settings.name): session renewed")
    }
}
