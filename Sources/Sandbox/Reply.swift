import enum Connectors.CanonicalJSON
import FlyingFox
import Foundation

/// A response the Sandbox is about to send, before faults are applied.
struct Reply {
    var status: Int
    var headers: [String: String] = [:]
    var body: Data

    /// A JSON reply, written by `CanonicalJSON` (keys in code-point order; much faster than JSONSerialization's
    /// `.sortedKeys`, which compares keys through a locale).
    static func json(_ status: Int, _ object: Any, headers: [String: String] = [:]) -> Reply {
        var all = headers
        all["Content-Type"] = "application/json"
        return Reply(status: status, headers: all, body: Data(Connectors.CanonicalJSON.bytes(object)))
    }

    /// The FlyingFox response.
    var response: HTTPResponse {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields[HTTPHeader(name)] = value }
        return HTTPResponse(
            statusCode: HTTPStatusCode(status, phrase: Self.phrase(status)), headers: fields, body: body)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        default: return "Status"
        }
    }
}

extension HTTPRequest {
    /// A query parameter's value, decoded as an HTML form is (`+` a space, then percent escapes), as the vendors'
    /// official clients encode queries: simple-salesforce's SOQL comes as `q=SELECT+Id+FROM+Account`.
    func parameter(_ name: String) -> String? { parameters(name).first }

    /// Every value a query parameter has, in order: hubspot-api-client repeats a list
    /// (`properties=name&properties=domain`) where the connectors join it with commas.
    func parameters(_ name: String) -> [String] {
        target.query().split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard Self.formDecoded(parts[0]) == name else { return nil }
            return parts.count > 1 ? Self.formDecoded(parts[1]) : ""
        }
    }

    /// A query's name or value, form-decoded.
    static func formDecoded(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// A header's value.
    func header(_ name: String) -> String? {
        headers[HTTPHeader(name)]
    }
}
