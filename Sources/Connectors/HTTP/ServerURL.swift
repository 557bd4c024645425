import Foundation

/// URLs built from what a server says (a next-page URL, a cursor), kept on the configured instance.
///
/// A path the server gives is appended to the instance's origin only when it is an absolute path (one leading `/`,
/// no `\`, no control characters or spaces) and the URL made of it still has the instance's scheme, host and port: a
/// `nextRecordsUrl` of `@other-host/...` or `//other-host/...` would otherwise carry the bearer token elsewhere.
public enum ServerURL {
    /// `base` + `path`, or an error naming what the server sent.
    public static func resolve(base: String, path: String) throws -> String {
        guard let origin = URLComponents(string: base), origin.host != nil else {
            throw SyncError(what: "configuration", reason: "base_url \(base) is not a URL")
        }
        let isPlainPath =
            path.hasPrefix("/") && !path.hasPrefix("//")
            && !path.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "\\" }
        let url = base + path
        guard isPlainPath, let resolved = URLComponents(string: url), resolved.scheme == origin.scheme,
            resolved.host == origin.host, resolved.port == origin.port, resolved.user == nil, resolved.password == nil
        else {
            throw SyncError(
                what: "server URL",
                reason: "refusing \(path.prefix(120)): it leaves \(origin.host ?? base) (the token goes nowhere else)")
        }
        return url
    }

    /// A value for a query string, every byte but the unreserved ones (`A-Z a-z 0-9 - . _ ~`) percent-encoded: a cursor
    /// from a server cannot add parameters of its own.
    public static func queryValue(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved: CharacterSet = {
        var allowed = CharacterSet()
        allowed.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return allowed
    }()
}
