/// How Chargebee's answers are classified: error bodies `{"message", "type", "api_error_code", "param",
/// "http_status_code"}`.
///
/// 429 `api_request_limit_exceeded` (the per-minute or concurrency limit) and 5xx are retried, honouring
/// `Retry-After` when Chargebee sends it; everything else fails with Chargebee's own code and message.
public enum ChargebeeErrors {
    /// The verdict for a response.
    public static func classify(_ response: HTTPResponse) -> ResponseVerdict {
        if (200..<300).contains(response.status) { return .accept }  // the body is parsed once, by the caller
        let body = response.jsonObject
        let code = body?["api_error_code"] as? String ?? body?["error_code"] as? String
        let message = body?["message"] as? String ?? body?["error_msg"] as? String
        let param = (body?["param"] as? String).map { "(\($0))" }
        let detail = [code, message, param].compactMap { $0 }.joined(separator: ": ")
        switch response.status {
        case 200..<300:
            return .accept
        case 429, 500...:
            return .retry(
                after: HTTPClient.retryAfter(response),
                reason: "HTTP \(response.status) \(detail.isEmpty ? "server error" : detail)")
        default:
            return .fail("HTTP \(response.status) \(detail.isEmpty ? "no error body" : detail)")
        }
    }

    /// Chargebee invoice statuses in the canonical vocabulary (Stripe's): paid, open, uncollectible, void, draft.
    public static func invoiceStatus(_ status: String?, deleted: Bool) -> String {
        if deleted { return "deleted" }
        switch status {
        case "paid": return "paid"
        case "payment_due", "posted": return "open"
        case "not_paid": return "uncollectible"
        case "voided": return "void"
        case "pending": return "draft"
        default: return status ?? "unknown"
        }
    }
}
