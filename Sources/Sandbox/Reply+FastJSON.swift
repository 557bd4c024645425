import Connectors
import Foundation

extension Reply {
    /// A JSON reply written by `CanonicalJSON` (keys sorted by code point), several times faster than
    /// `JSONSerialization`'s `.sortedKeys`; the Salesforce and Chargebee routes answer with it.
    static func fastJSON(_ status: Int, _ object: Any, headers: [String: String] = [:]) -> Reply {
        var all = headers
        all["Content-Type"] = "application/json"
        return Reply(status: status, headers: all, body: Data(CanonicalJSON.bytes(object)))
    }
}
