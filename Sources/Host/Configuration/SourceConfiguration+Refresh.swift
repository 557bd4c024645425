import Connectors
import Yams

extension SourceConfiguration {
    /// Salesforce's token endpoint when none is configured.
    static let salesforceTokenURL = "https://login.salesforce.com/services/oauth2/token"

    /// The refresh-token flow's settings: all three variables or none; `token_url` must be https (or loopback http,
    /// for the Sandbox), and only Salesforce has the flow.
    static func refresh(
        _ settings: Node.Mapping, kind: SourceSettings.Kind, baseURL: String, fail: (String, Node?) -> ConfigError
    ) throws -> (tokenURL: String, clientIDVariable: String, clientSecretVariable: String, refreshVariable: String)? {
        let keys = ["client_id_env", "client_secret_env", "refresh_token_env"]
        let given = keys.compactMap { key in settings[key]?.string.map { (key, $0) } }
        guard !given.isEmpty || settings["token_url"] != nil else { return nil }
        guard kind == .salesforce else {
            throw fail(
                "the refresh-token flow (\(keys.joined(separator: ", "))) is Salesforce's only", settings["token_url"])
        }
        guard given.count == keys.count, given.allSatisfy({ !$0.1.isEmpty }) else {
            throw fail(
                "the refresh-token flow needs all of \(keys.joined(separator: ", "))",
                settings[given.first?.0 ?? "token_url"])
        }
        let url = settings["token_url"]?.string ?? salesforceTokenURL
        let isLoopback = url.hasPrefix("http://127.0.0.1") || url.hasPrefix("http://localhost")
        guard url.hasPrefix("https://") || isLoopback else {
            throw fail(
                "token_url must be an https URL (the client secret goes to it), got \(url)", settings["token_url"])
        }
        let variables = Dictionary(uniqueKeysWithValues: given)
        return (
            url, variables["client_id_env"] ?? "", variables["client_secret_env"] ?? "",
            variables["refresh_token_env"] ?? ""
        )
    }
}
