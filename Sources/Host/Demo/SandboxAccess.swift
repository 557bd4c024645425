/// Where a running Sandbox listens and the tokens it accepts, for the demo's syncs.
public struct SandboxAccess: Sendable {
    /// The Sandbox's base URL, such as `http://127.0.0.1:8765`.
    public let url: String
    /// HubSpot's private app token.
    public let hubspot: String
    /// Stripe's secret key.
    public let stripe: String
    /// Salesforce's session token.
    public let salesforce: String
    /// Chargebee's API key.
    public let chargebee: String

    /// Creates the access.
    public init(url: String, hubspot: String, stripe: String, salesforce: String, chargebee: String) {
        self.url = url
        self.hubspot = hubspot
        self.stripe = stripe
        self.salesforce = salesforce
        self.chargebee = chargebee
    }
}
