import Foundation
import Testing

/// Salesforce sessions expire; with the refresh-token flow configured a sync renews its session once and goes on.
private func refreshConfiguration(_ sandbox: SandboxProcess) -> String {
    let flow = [
        "token_url: \(sandbox.baseURL)/services/oauth2/token", "client_id_env: SF_CLIENT_ID",
        "client_secret_env: SF_CLIENT_SECRET", "refresh_token_env: SF_REFRESH_TOKEN",
    ].map { "    " + $0 + "\n" }.joined()
    return sandbox.salesforceChargebeeConfiguration(pageSize: 50).replacingOccurrences(
        of: "    token_env: SALESFORCE_TOKEN\n", with: "    token_env: SALESFORCE_TOKEN\n" + flow)
}

private let refreshEnvironment = SandboxProcess.environment.merging([
    "SF_CLIENT_ID": "3MVG9sandbox.client.id", "SF_CLIENT_SECRET": "sandbox-client-secret-5c1e",
    "SF_REFRESH_TOKEN": "5Aep861sandbox.refresh.token",
]) { $1 }

@Test func anExpiredSessionIsRenewedOnceAndTheSyncGoesOn() throws {
    let sandbox = try SandboxProcess(accounts: 120)
    let scorebook = try ScorebookProcess()
    try refreshConfiguration(sandbox).write(toFile: scorebook.path("sf.yml"), atomically: true, encoding: .utf8)
    #expect(refreshConfiguration(sandbox).contains("refresh_token_env"), "the configuration was rewritten")
    let common = ["salesforce", "--db", scorebook.path("sf.db"), "--config", scorebook.path("sf.yml")]
    try sandbox.control("POST", "/_sandbox/salesforce/expire_session")
    let synced = try scorebook.run(["sync"] + common, environment: refreshEnvironment)
    #expect(synced.status == 0, "\(synced.stderr)")
    #expect(try sandbox.control("GET", "/_sandbox/salesforce/sessions")["issued"] as? Int == 1)
    let summary = try sandbox.control("GET", "/_sandbox/summary?apis=salesforce")
    let accounts = try scorebook.run(["accounts", "--format", "json", "--limit", "1000"] + common.dropFirst())
    let listed =
        (try JSONSerialization.jsonObject(with: Data(accounts.stdout.utf8)) as? [String: Any])?["rows"] as? [Any]
    #expect(listed?.count == summary["salesforce_accounts"] as? Int, "every account synced after the renewal")

    // The renewed session expires in turn: the next sync renews again, with no token in what it prints.
    try sandbox.control("POST", "/_sandbox/salesforce/expire_session")
    let again = try scorebook.run(["sync"] + common, environment: refreshEnvironment)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try sandbox.control("GET", "/_sandbox/salesforce/sessions")["issued"] as? Int == 2)
    for secret in ["sandbox-client-secret-5c1e", "5Aep861sandbox.refresh.token", "RenewedSession"] {
        #expect(!(again.stdout + again.stderr + synced.stdout + synced.stderr).contains(secret))
    }
}

@Test func withoutARefreshOrWithABadOneAnExpiredSessionStopsTheSyncInOneLine() throws {
    let sandbox = try SandboxProcess(accounts: 20)
    let scorebook = try ScorebookProcess()
    try sandbox.salesforceChargebeeConfiguration().write(
        toFile: scorebook.path("plain.yml"), atomically: true, encoding: .utf8)
    try refreshConfiguration(sandbox).write(toFile: scorebook.path("sf.yml"), atomically: true, encoding: .utf8)
    try sandbox.control("POST", "/_sandbox/salesforce/expire_session")
    let plain = try scorebook.run(
        ["sync", "salesforce", "--db", scorebook.path("a.db"), "--config", scorebook.path("plain.yml")],
        environment: SandboxProcess.environment)
    #expect(plain.status == 1, "\(plain.stdout)")
    #expect(plain.stderr.contains("HTTP 401 INVALID_SESSION_ID"), "\(plain.stderr)")
    var wrong = refreshEnvironment
    wrong["SF_REFRESH_TOKEN"] = "5Aep861revoked.refresh.token"
    let refused = try scorebook.run(
        ["sync", "salesforce", "--db", scorebook.path("b.db"), "--config", scorebook.path("sf.yml")], environment: wrong
    )
    #expect(refused.status == 1)
    #expect(
        refused.stderr.contains("the token endpoint answered HTTP 400 invalid_grant: expired access/refresh token"),
        "\(refused.stderr)")
    #expect(!refused.stderr.contains("5Aep861revoked") && !refused.stderr.contains("sandbox-client-secret"))
    #expect(try sandbox.control("GET", "/_sandbox/salesforce/sessions")["issued"] as? Int == 0)
}
