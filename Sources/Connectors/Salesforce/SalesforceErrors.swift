import Foundation

/// How Salesforce's answers are classified: its error bodies are a JSON array of `{"message", "errorCode"}`.
///
/// 403 `REQUEST_LIMIT_EXCEEDED` is the org's 24-hour quota (never a 429): retrying within minutes only burns more of
/// it, so the sync stops with a clear message. 401 `INVALID_SESSION_ID` fails; 5xx (and an undocumented 429) retry.
public enum SalesforceErrors {
    /// The verdict for a response.
    public static func classify(_ response: HTTPResponse) -> ResponseVerdict {
        if (200..<300).contains(response.status) { return .accept }  // the body is parsed once, by the caller
        let (code, message) = firstError(response)
        let detail = [code, message].compactMap { $0 }.joined(separator: ": ")
        switch response.status {
        case 200..<300:
            return .accept
        case 403 where code == "REQUEST_LIMIT_EXCEEDED":
            let usage = response.headers["sforce-limit-info"].map { " (\($0))" } ?? ""
            return .fail(
                "HTTP 403 REQUEST_LIMIT_EXCEEDED: the org's 24-hour API request limit is used up\(usage); "
                    + "the sync stops, run it again when the quota has recovered")
        case 429, 500...:
            return .retry(
                after: HTTPClient.retryAfter(response),
                reason: "HTTP \(response.status) \(detail.isEmpty ? "server error" : detail)")
        default:
            return .fail("HTTP \(response.status) \(detail.isEmpty ? "no error body" : detail)")
        }
    }

    /// The first error's code and message (on one line), when the body is Salesforce's error array.
    static func firstError(_ response: HTTPResponse) -> (code: String?, message: String?) {
        let first = (response.json as? [[String: Any]])?.first
        let message = (first?["message"] as? String).map {
            $0.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
        return (first?["errorCode"] as? String, message)
    }
}
