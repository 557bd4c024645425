import Connectors
import Foundation
import Testing

/// A GET on the Sandbox with a token, as the vendors' official clients send it; the status and JSON body.
private func get(_ sandbox: SandboxProcess, _ path: String, token: String) throws -> (status: Int, body: Any?) {
    let client = try HTTPClient(options: HTTPOptions(), requestsPerSecond: 0)
    let request = HTTPRequest(
        method: "GET", url: sandbox.baseURL + path, headers: [("Authorization", "Bearer \(token)")])
    let response = try client.send(request, what: "sandbox \(path)") { _ in .accept }
    return (response.status, try? JSONSerialization.jsonObject(with: Data(response.body)))
}

@Test func hubSpotReadsArchivedTrueAsThePythonClientWritesIt() throws {
    let sandbox = try SandboxProcess(accounts: 40)
    try sandbox.control("POST", "/_sandbox/mutate", ["archived": 2])
    for spelling in ["true", "True"] {
        let (status, body) = try get(
            sandbox, "/crm/v3/objects/companies?limit=100&archived=\(spelling)", token: SandboxProcess.hubspotToken)
        let results = (body as? [String: Any])?["results"] as? [[String: Any]] ?? []
        #expect(
            status == 200 && results.count == 2 && results.allSatisfy { $0["archived"] as? Bool == true }, "\(spelling)"
        )
    }
}

@Test func hubSpotReturnsOnlyThePropertiesAskedForOrItsDefaults() throws {
    let sandbox = try SandboxProcess(accounts: 40)
    func keys(_ query: String) throws -> Set<String> {
        let (_, body) = try get(
            sandbox, "/crm/v3/objects/companies?limit=1\(query)", token: SandboxProcess.hubspotToken)
        let first = ((body as? [String: Any])?["results"] as? [[String: Any]])?.first
        return Set((first?["properties"] as? [String: Any] ?? [:]).keys)
    }
    let always: Set = ["hs_object_id", "createdate", "hs_lastmodifieddate"]
    #expect(try keys("&properties=industry,country") == always.union(["industry", "country"]))
    #expect(try keys("") == always.union(["name", "domain"]))
    #expect(try keys("&properties=no_such_property") == always.union(["no_such_property"]))
}

@Test func salesforceDecodesPlusAsASpaceInSOQL() throws {
    let sandbox = try SandboxProcess(accounts: 40)
    let (status, body) = try get(
        sandbox, "/services/data/v62.0/query?q=SELECT+Id%2C+Name+FROM+Account+LIMIT+5",
        token: SandboxProcess.salesforceToken)
    let records = (body as? [String: Any])?["records"] as? [[String: Any]] ?? []
    #expect(
        status == 200 && records.count == 5 && records.allSatisfy { $0["Name"] is String },
        "\(String(describing: body))")
}

@Test func stripePagesAreFilledPastDeletedCustomersAndCanceledSubscriptions() throws {
    let sandbox = try SandboxProcess(accounts: 40)
    // The newest customers are deleted first, so a page cut from positions alone would be empty yet say has_more.
    try sandbox.control("POST", "/_sandbox/mutate", ["deleted": 4])
    let summary = try sandbox.control("GET", "/_sandbox/summary")
    for (path, total) in [
        ("/v1/customers", summary["customers"] as? Int ?? -1),
        (
            "/v1/subscriptions",
            (summary["subscriptions"] as? Int ?? -1) - (summary["canceled_subscriptions"] as? Int ?? 0)
        ),
    ] {
        var seen = 0
        var after = ""
        while true {
            let (_, body) = try get(sandbox, "\(path)?limit=3\(after)", token: SandboxProcess.stripeToken)
            let page = body as? [String: Any] ?? [:]
            let data = page["data"] as? [[String: Any]] ?? []
            let hasMore = page["has_more"] as? Bool ?? false
            #expect(!data.isEmpty || !hasMore, "\(path): an empty page said has_more")
            seen += data.count
            guard hasMore, let last = data.last?["id"] as? String else { break }
            after = "&starting_after=\(last)"
        }
        #expect(seen == total, "\(path)")
    }
}

@Test func theSandboxServesTheVendorsIndustriesAndCountryNames() throws {
    let sandbox = try SandboxProcess(accounts: 40)
    let (_, hubspot) = try get(
        sandbox, "/crm/v3/objects/companies?limit=100&properties=industry,country", token: SandboxProcess.hubspotToken)
    let companies = ((hubspot as? [String: Any])?["results"] as? [[String: Any]] ?? []).compactMap {
        $0["properties"] as? [String: Any]
    }
    let industries = Set(companies.compactMap { $0["industry"] as? String })
    #expect(industries.contains("COMPUTER_SOFTWARE") || industries.contains("FINANCIAL_SERVICES"), "\(industries)")
    #expect(!industries.contains("SOFTWARE"))
    #expect(companies.contains { $0["country"] as? String == "United States" }, "\(companies.prefix(3))")
    let (_, salesforce) = try get(
        sandbox, "/services/data/v60.0/query?q=SELECT+Id,Industry,BillingCountry+FROM+Account",
        token: SandboxProcess.salesforceToken)
    let accounts = (salesforce as? [String: Any])?["records"] as? [[String: Any]] ?? []
    let picklist: Set = [
        "Technology", "Finance", "Healthcare", "Retail", "Manufacturing", "Transportation", "Education", "Media",
    ]
    #expect(Set(accounts.compactMap { $0["Industry"] as? String }).isSubset(of: picklist) && !accounts.isEmpty)
    #expect(!accounts.contains { ($0["BillingCountry"] as? String)?.count == 2 })
}
