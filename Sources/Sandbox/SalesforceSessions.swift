import Foundation

/// Salesforce sessions as the Sandbox plays them: the configured access token is valid until
/// `POST /_sandbox/salesforce/expire_session` ends every session; `POST /services/oauth2/token` with
/// `grant_type=refresh_token` and the right client id, secret and refresh token issues a new one, as Salesforce's
/// OAuth 2.0 refresh-token flow does.
final class SalesforceSessions: @unchecked Sendable {
    private let lock = NSLock()
    private let credentials: SandboxServer.Credentials
    private var valid: Set<String>
    private var issued = 0

    init(credentials: SandboxServer.Credentials) {
        self.credentials = credentials
        self.valid = [credentials.salesforce]
    }

    /// True for `Bearer TOKEN` (or `OAuth TOKEN`) with a session in force.
    func isValid(_ authorization: String) -> Bool {
        let parts = authorization.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == "Bearer" || parts[0] == "OAuth" else { return false }
        lock.lock()
        defer { lock.unlock() }
        return valid.contains(parts[1])
    }

    /// Ends every session.
    func expireAll() {
        lock.lock()
        valid.removeAll()
        lock.unlock()
    }

    /// Access tokens issued through the refresh flow so far.
    var issuedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return issued
    }

    /// The token endpoint's answer to a form-encoded grant.
    func tokenReply(form body: Data, baseURL: String) -> Reply {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard fields["grant_type"] == "refresh_token" else {
            return .json(400, ["error": "unsupported_grant_type", "error_description": "grant type not supported"])
        }
        guard fields["client_id"] == credentials.salesforceClientID,
            fields["client_secret"] == credentials.salesforceClientSecret
        else {
            return .json(400, ["error": "invalid_client", "error_description": "invalid client credentials"])
        }
        guard fields["refresh_token"] == credentials.salesforceRefreshToken else {
            return .json(400, ["error": "invalid_grant", "error_description": "expired access/refresh token"])
        }
        lock.lock()
        issued += 1
        let token = "00DSB000000sandbox!AQ4AQRenewedSession\(issued).\(UUID().uuidString.prefix(8))"
        valid.insert(token)
        lock.unlock()
        return .json(
            200,
            [
                "access_token": token, "instance_url": baseURL, "token_type": "Bearer",
                "issued_at": String(Int64(Date().timeIntervalSince1970 * 1000)), "scope": "api refresh_token",
            ])
    }
}
