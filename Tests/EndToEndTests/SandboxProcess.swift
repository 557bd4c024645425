import Connectors
import Foundation

/// `scorebook sandbox` running as its own process on a free port, as a user would run it.
final class SandboxProcess {
    let process = Process()
    let port: Int
    static let stripeToken = "sk_test_sandbox_4eC39HqLyjWDarjtT1zdp7dc"
    static let hubspotToken = "pat-na1-sandbox-0000-4000-8000-000000000000"
    static let salesforceToken = "00DSB000000sandbox!AQ4AQFakeSessionToken.sandbox0000000000"
    static let chargebeeKey = "test_sandboxChargebeeKey7f3a9c0d2e1b"

    init(accounts: Int = 200) throws {
        process.executableURL = try ScorebookProcess.binary
        process.arguments = ["sandbox", "--port", "0", "--accounts", String(accounts), "--seed", "5"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("\n"), Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
            let port = Int(text[range].split(separator: ":").last ?? "")
        else {
            process.terminate()
            throw CocoaError(
                .fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the sandbox did not say its port: \(text)"]
            )
        }
        self.port = port
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Calls a control endpoint and returns its JSON object.
    @discardableResult
    func control(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> [String: Any] {
        let client = try HTTPClient(options: HTTPOptions(), requestsPerSecond: 0)
        let request = HTTPRequest(
            method: method, url: baseURL + path, headers: [("Content-Type", "application/json")],
            body: try body.map { [UInt8](try JSONSerialization.data(withJSONObject: $0)) })
        let response = try client.send(request, what: "sandbox \(path)") { _ in .accept }
        return response.jsonObject ?? [:]
    }

    /// A configuration pointing both sources at this Sandbox (HubSpot's searches at 1000 a second unless asked; nil
    /// leaves them at Scorebook's default pace).
    func configuration(pageSize: Int = 100, searchesPerSecond: Int? = 1000) -> String {
        """
        sources:
          hubspot:
            kind: hubspot
            base_url: \(baseURL)
            token_env: HUBSPOT_TOKEN
            requests_per_second: 1000
            page_size: \(pageSize)
            search_lag_ms: 0
            \(searchesPerSecond.map { "search_requests_per_second: \($0)" } ?? "")
          stripe:
            kind: stripe
            base_url: \(baseURL)
            token_env: STRIPE_API_KEY
            requests_per_second: 1000
            page_size: \(pageSize)
        scores:
          rfm:
            module: value
        """
    }

    /// A configuration pointing Salesforce and Chargebee at this Sandbox (Chargebee linking by
    /// `cf_salesforce_account_id`).
    func salesforceChargebeeConfiguration(pageSize: Int = 100) -> String {
        """
        sources:
          salesforce:
            kind: salesforce
            base_url: \(baseURL)
            token_env: SALESFORCE_TOKEN
            requests_per_second: 1000
            page_size: \(pageSize)
          chargebee:
            kind: chargebee
            base_url: \(baseURL)
            token_env: CHARGEBEE_API_KEY
            requests_per_second: 1000
            page_size: \(pageSize)
            crm_link_field: cf_salesforce_account_id
        scores:
          rfm:
            module: value
        """
    }

    static let environment = [
        "STRIPE_API_KEY": stripeToken, "HUBSPOT_TOKEN": hubspotToken,
        "SALESFORCE_TOKEN": salesforceToken, "CHARGEBEE_API_KEY": chargebeeKey,
    ]
}
