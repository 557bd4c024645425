import Store
/// A configured source: which API, where, with which token, how fast.
public struct SourceSettings: Sendable {
    /// The APIs Scorebook syncs from.
    public enum Kind: String, Sendable, CaseIterable {
        case stripe, hubspot, salesforce, chargebee

        /// True for billing systems (their customers link to CRM companies).
        public var isBilling: Bool { self == .stripe || self == .chargebee }

        /// The canonical tables a sync of this kind writes.
        public var tables: [CanonicalTable] {
            switch self {
            case .stripe: return [.accounts, .invoices, .mrrChanges, .payments]
            case .chargebee: return [.accounts, .invoices, .mrrChanges]
            case .hubspot, .salesforce: return [.accounts, .contacts, .deals, .tickets]
            }
        }
    }

    /// The source's name in the configuration and the database (`stripe`).
    public let name: String
    /// Which API.
    public let kind: Kind
    /// The API's base URL, without a trailing slash.
    public let baseURL: String
    /// The token, read from the environment variable the configuration names; never stored or printed.
    public let token: String
    /// Requests per second, below the API's documented limit.
    public let requestsPerSecond: Double
    /// Records per page.
    public let pageSize: Int
    /// How far an incremental bookmark lags the sync's start, for APIs whose search is eventually consistent.
    public let searchLagMilliseconds: Int64
    /// Searches per second, for APIs whose search has a limit of its own (HubSpot: 4 a second per token).
    public let searchRequestsPerSecond: Double
    /// The pace of HubSpot's searches: a tenth under search's limit of 4 requests a second per token, below the
    /// account's general limit (HubSpot's usage details page, quoted in HubSpot/hubspot-api-nodejs#256; at 5 a
    /// second searches get 429s), so that network jitter cannot bring five into one second.
    public static let hubSpotSearchRequestsPerSecond = 3.6
    /// The billing customer's field holding the CRM id it links to (Chargebee: `cf_salesforce_account_id`).
    public let linkField: String?
    /// How a CRM's industries and countries become Scorebook's words and ISO codes.
    public let vocabulary: Vocabulary
    /// Salesforce's OAuth refresh-token flow, when configured: a session that expires is renewed once and the sync
    /// goes on.
    public var refresh: OAuthRefresh?
    /// Days between reconciliation passes (`Reconciliation`); 0 for none but those asked for.
    public var reconcileEveryDays = 7

    /// Creates settings.
    public init(
        name: String, kind: Kind, baseURL: String, token: String, requestsPerSecond: Double, pageSize: Int,
        searchLagMilliseconds: Int64 = 5_000, linkField: String? = nil,
        searchRequestsPerSecond: Double = hubSpotSearchRequestsPerSecond, vocabulary: Vocabulary = Vocabulary()
    ) {
        self.vocabulary = vocabulary
        self.searchRequestsPerSecond = searchRequestsPerSecond
        self.linkField = linkField
        self.searchLagMilliseconds = searchLagMilliseconds
        self.name = name
        self.kind = kind
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.token = token
        self.requestsPerSecond = requestsPerSecond
        self.pageSize = pageSize
    }

    /// The documented defaults: base URL and a pace below the published rate limit.
    /// (Salesforce's token URL for the refresh flow: `https://login.salesforce.com/services/oauth2/token`.)
    public static func defaults(for kind: Kind) -> (baseURL: String, requestsPerSecond: Double, pageSize: Int) {
        switch kind {
        case .stripe: return ("https://api.stripe.com", 20, 100)  // 25 req/s in test mode, 100 live
        case .hubspot: return ("https://api.hubapi.com", 9, 100)  // 100-190 requests per 10 s by tier
        // No common host: the org's instance URL (`https://MYDOMAIN.my.salesforce.com`) must be configured.
        case .salesforce: return ("", 10, 2000)  // a 24-hour org quota, not a rate; batches of up to 2000
        // No common host: the site (`https://SITE.chargebee.com`) must be configured.
        case .chargebee: return ("", 2, 100)  // 150 requests a minute on Starter and test sites
        }
    }
}

/// What the OAuth 2.0 refresh-token grant needs (RFC 6749 section 6): the token endpoint and the connected app's
/// client id and secret with the refresh token, all from the environment, never stored or printed.
public struct OAuthRefresh: Sendable {
    /// `https://login.salesforce.com/services/oauth2/token` (or `test.salesforce.com` for a sandbox org).
    public let tokenURL: String
    public let clientID: String
    public let clientSecret: String
    public let refreshToken: String

    /// Creates the grant's inputs.
    public init(tokenURL: String, clientID: String, clientSecret: String, refreshToken: String) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.refreshToken = refreshToken
    }
}
