import Connectors
import Foundation
import Yams

/// A source as configured: which API, where, and the environment variable holding its token.
///
/// ```yaml
/// sources:
///   stripe:
///     kind: stripe
///     token_env: STRIPE_API_KEY
///     base_url: https://api.stripe.com   # optional; the Sandbox and tests point it locally
/// ```
/// The token itself never appears in the configuration, the database, logs or output.
public struct SourceConfiguration: Sendable {
    /// The source's name.
    public let name: String
    /// Which API.
    public let kind: SourceSettings.Kind
    /// The base URL.
    public let baseURL: String
    /// The environment variable holding the token.
    public let tokenVariable: String
    /// Requests per second.
    public let requestsPerSecond: Double
    /// Records per page.
    public let pageSize: Int
    /// How far incremental bookmarks lag the sync's start, in milliseconds.
    public let searchLagMilliseconds: Int64
    /// Searches per second (HubSpot's search has its own limit, 4 a second per token; paced at 3.6 by default).
    public let searchRequestsPerSecond: Double
    /// A billing source's customer field holding its CRM id (Chargebee; default `cf_salesforce_account_id`).
    public let linkField: String?
    /// A CRM's `industries:` and `countries:`, over the standard tables (Connectors' Vocabulary).
    public let vocabulary: Vocabulary
    /// Salesforce's refresh-token flow: the token endpoint and the variables holding the client id, the client secret
    /// and the refresh token (`token_url`, `client_id_env`, `client_secret_env`, `refresh_token_env`).
    public var refresh:
        (tokenURL: String, clientIDVariable: String, clientSecretVariable: String, refreshVariable: String)?
    /// Days between passes that retire the accounts, contacts, deals, tickets, subscriptions and invoices the source
    /// no longer lists (`reconcile_every_days`, default 7; 0: only on `sync --reconcile`).
    public var reconcileEveryDays: Int
    /// The line it starts on, for messages.
    let line: Int?

    static let keys = [
        "kind", "base_url", "token_env", "requests_per_second", "page_size", "search_lag_ms", "crm_link_field",
        "search_requests_per_second", "industries", "countries", "token_url", "client_id_env", "client_secret_env",
        "refresh_token_env", "reconcile_every_days",
    ]

    /// The settings to sync with, reading the token from the environment.
    ///
    /// With a refresh flow configured, the access token may be unset: the first request renews it.
    public func settings(environment: [String: String] = ProcessInfo.processInfo.environment, file: String) throws
        -> SourceSettings
    {
        func secret(_ variable: String, required: Bool = true) throws -> String {
            guard let value = environment[variable], !value.isEmpty else {
                guard required else { return "" }
                throw ConfigError(
                    file: file, line: line, message: "source \"\(name)\": environment variable \(variable) is not set")
            }
            // A line break would end the Authorization header and start another one of the value's choosing.
            guard !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw ConfigError(
                    file: file, line: line,
                    message:
                        "source \"\(name)\": \(variable) holds a line break or another control character; set "
                        + "the bare token"
                )
            }
            SecretRedactor.register(value)
            return value
        }
        let token = try secret(tokenVariable, required: refresh == nil)
        var settings = SourceSettings(
            name: name, kind: kind, baseURL: baseURL, token: token.isEmpty ? "expired" : token,
            requestsPerSecond: requestsPerSecond, pageSize: pageSize, searchLagMilliseconds: searchLagMilliseconds,
            linkField: linkField, searchRequestsPerSecond: searchRequestsPerSecond, vocabulary: vocabulary)
        settings.reconcileEveryDays = reconcileEveryDays
        if let refresh {
            settings.refresh = OAuthRefresh(
                tokenURL: refresh.tokenURL, clientID: try secret(refresh.clientIDVariable),
                clientSecret: try secret(refresh.clientSecretVariable),
                refreshToken: try secret(refresh.refreshVariable))
        }
        return settings
    }

    static func parse(_ node: Node, file: String) throws -> [SourceConfiguration] {
        guard let mapping = node.mapping else {
            throw ConfigError(
                file: file, line: node.mark?.line, message: "`sources:` must map source names to their settings")
        }
        return try mapping.map { key, value in
            let name = key.string ?? ""
            let line = key.mark?.line
            func fail(_ message: String, at node: Node? = nil) -> ConfigError {
                ConfigError(file: file, line: node?.mark?.line ?? line, message: "source \"\(name)\": \(message)")
            }
            guard let settings = value.mapping else {
                throw fail("expected settings with at least `kind:` and `token_env:`")
            }
            for (settingKey, _) in settings where !keys.contains(settingKey.string ?? "") {
                throw fail(
                    "unknown key \"\(settingKey.string ?? "")\" (known: \(keys.joined(separator: ", ")))",
                    at: settingKey)
            }
            let kinds = SourceSettings.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            guard let kindText = settings["kind"]?.string else { throw fail("no `kind:` (kinds: \(kinds))") }
            guard let kind = SourceSettings.Kind(rawValue: kindText) else {
                throw fail("unknown kind \"\(kindText)\" (kinds: \(kinds))", at: settings["kind"])
            }
            guard let variable = settings["token_env"]?.string, !variable.isEmpty else {
                throw fail("no `token_env:` naming the environment variable that holds the token")
            }
            let defaults = SourceSettings.defaults(for: kind)
            var rate = defaults.requestsPerSecond
            if let node = settings["requests_per_second"] {
                guard let value = node.float, value > 0 else {
                    throw fail("requests_per_second must be a positive number", at: node)
                }
                rate = value
            }
            var pageSize = defaults.pageSize
            if let node = settings["page_size"] {
                // Salesforce batches hold up to 2000 records (`Sforce-Query-Options: batchSize`); others page by 100.
                let most = kind == .salesforce ? 2_000 : 100
                guard let value = node.int, (1...most).contains(value) else {
                    throw fail("page_size must be 1-\(most)", at: node)
                }
                pageSize = value
            }
            let baseURL = settings["base_url"]?.string ?? defaults.baseURL
            guard !baseURL.isEmpty else {
                let example = kind == .salesforce ? "https://MYDOMAIN.my.salesforce.com" : "https://SITE.chargebee.com"
                throw fail("no `base_url:`; \(kind.rawValue) has no common host, name yours (\(example))")
            }
            var linkField: String?
            if let node = settings["crm_link_field"] {
                guard kind == .chargebee, let value = node.string, !value.isEmpty else {
                    throw fail(
                        "crm_link_field names a Chargebee customer field (e.g. cf_salesforce_account_id)", at: node)
                }
                linkField = value
            } else if kind == .chargebee {
                linkField = "cf_salesforce_account_id"
            }
            var lag: Int64 = 5_000
            if let node = settings["search_lag_ms"] {
                guard let value = node.int, (0...86_400_000).contains(value) else {
                    throw fail("search_lag_ms must be 0 to 86400000 (a day)", at: node)
                }
                lag = Int64(value)
            }
            var searchRate = SourceSettings.hubSpotSearchRequestsPerSecond
            if let node = settings["search_requests_per_second"] {
                guard let value = node.float, value > 0 else {
                    throw fail("search_requests_per_second must be a positive number", at: node)
                }
                searchRate = value
            }
            let vocabulary = try Self.vocabulary(settings, kind: kind) { fail($0, at: $1) }
            let refresh = try Self.refresh(settings, kind: kind, baseURL: baseURL) { fail($0, at: $1) }
            var reconcileEvery = 7
            if let node = settings["reconcile_every_days"] {
                guard let value = node.int, (0...3_650).contains(value) else {
                    throw fail("reconcile_every_days must be 0 (only when asked) to 3650", at: node)
                }
                reconcileEvery = value
            }
            return SourceConfiguration(
                name: name, kind: kind, baseURL: baseURL, tokenVariable: variable, requestsPerSecond: rate,
                pageSize: pageSize, searchLagMilliseconds: lag, searchRequestsPerSecond: searchRate,
                linkField: linkField, vocabulary: vocabulary, refresh: refresh, reconcileEveryDays: reconcileEvery,
                line: line)
        }
    }
}
