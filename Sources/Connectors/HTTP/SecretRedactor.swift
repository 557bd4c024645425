import Foundation

/// Every token this process sends, in every form it is sent, kept so that no text leaves with one in it.
///
/// A server may echo the `Authorization` header in an error body (Chargebee's as Basic base64); that body becomes a
/// sync error, a `sync_log` row and a line on stderr. `HTTPClient` registers the credentials of every request it
/// sends; `scrub` replaces each form (the token, its Basic base64, the decoded user and password, percent-encoded
/// and JSON-escaped copies) with `[redacted]`.
public enum SecretRedactor {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var secrets: Set<String> = []
    nonisolated(unsafe) private static var ordered: [String] = []
    /// `Authorization` values already taken apart: every request of a sync carries the same one.
    nonisolated(unsafe) private static var headers: Set<String> = []

    /// Registers a token and the forms it travels in; tokens under 6 characters are not worth hiding (and would
    /// scrub common words).
    public static func register(_ token: String) {
        var forms = [token, Data(token.utf8).base64EncodedString(), Data((token + ":").utf8).base64EncodedString()]
        forms.append(token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token)
        forms.append(token.replacingOccurrences(of: "/", with: "\\/"))
        lock.lock()
        defer { lock.unlock() }
        var changed = false
        for form in forms where form.count >= 6 && secrets.insert(form).inserted { changed = true }
        if changed { ordered = secrets.sorted { $0.count > $1.count } }
    }

    /// Registers what an `Authorization` header carries: a bearer token, or Basic's base64 and what it decodes to.
    public static func register(authorization value: String) {
        lock.lock()
        let isKnown = !headers.insert(value).inserted
        lock.unlock()
        guard !isKnown else { return }
        let parts = value.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return register(value) }
        register(parts[1])
        if parts[0].lowercased() == "basic",
            let decoded = Data(base64Encoded: parts[1]).map({ String(decoding: $0, as: UTF8.self) })
        {
            register(decoded)
            for half in decoded.split(separator: ":", omittingEmptySubsequences: true) { register(String(half)) }
        }
    }

    /// The text with every registered form of every token replaced by `[redacted]`.
    public static func scrub(_ text: String) -> String {
        lock.lock()
        let forms = ordered
        lock.unlock()
        guard !forms.isEmpty else { return text }  // a command that sent no token (show, explain) pays nothing
        var result = text
        for form in forms where result.contains(form) {
            result = result.replacingOccurrences(of: form, with: "[redacted]")
        }
        return result
    }
}
