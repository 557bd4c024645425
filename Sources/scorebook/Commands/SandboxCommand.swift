import ArgumentParser
import Dispatch
import Foundation
import Generator
import Host
import Sandbox

/// `scorebook sandbox`: serve fake Stripe, HubSpot, Salesforce and Chargebee APIs on 127.0.0.1 from generated data.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract:
            "Serve local Stripe, HubSpot, Salesforce and Chargebee APIs from generated data, with switchable faults.",
        discussion: "Prints the port and the tokens it accepts, then serves until stopped. Faults: rate_limit, "
            + "rate_limit_no_retry_after, server_error, slow, cut_off, invalid_json, expired_token, daily_cap, "
            + "request_limit, "
            + "invalid_locator, empty_page and not_found (Stripe).")

    @Option(help: "The port (0 picks a free one).")
    var port: UInt16 = 8_765

    @Option(help: "Accounts to generate.")
    var accounts: Int = 1_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(name: .customLong("fault"), help: "A fault to apply: KIND:PATH[:TIMES], e.g. rate_limit:/v1/invoices:2.")
    var faults: [String] = []

    @Option(help: "APIs to serve, comma-separated; HubSpot and Stripe always are, Salesforce and Chargebee add data.")
    var apis = SandboxAPI.allCases.map(\.rawValue).joined(separator: ",")

    @Option(
        help: "HubSpot's rolling rate-limit window, MAX/MILLISECONDS (190/10000 is a Pro account's); off by default.")
    var hubspotRateLimit: String?

    @Flag(help: "Print a line for every connection and request.")
    var logRequests = false

    func run() throws {
        var chosen = Set<SandboxAPI>()
        for name in apis.split(separator: ",") {
            guard let api = SandboxAPI(rawValue: String(name)) else {
                let known = SandboxAPI.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("unknown API \"\(name)\" (known: \(known))")
            }
            chosen.insert(api)
        }
        let server = try SandboxServer(
            port: port, options: DataGenerator.Options(accounts: accounts, seed: seed), faults: faults, apis: chosen,
            logRequests: logRequests)
        if let window = hubspotRateLimit {
            let parts = window.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 2, parts[0] > 0, parts[1] > 0 else {
                throw ValidationError("--hubspot-rate-limit takes MAX/MILLISECONDS, e.g. 190/10000 (got \"\(window)\")")
            }
            server.limitHubSpot(to: parts[0], per: parts[1])
        }
        let listening = try server.startBlocking()
        print("sandbox listening on http://127.0.0.1:\(listening)")
        print("stripe:  base_url http://127.0.0.1:\(listening)  token \(server.credentials.stripe)")
        print("hubspot: base_url http://127.0.0.1:\(listening)  token \(server.credentials.hubspot)")
        print("salesforce: base_url http://127.0.0.1:\(listening)  token \(server.credentials.salesforce)")
        print("chargebee: base_url http://127.0.0.1:\(listening)  token \(server.credentials.chargebee)")
        fflush(stdout)
        dispatchMain()
    }
}
