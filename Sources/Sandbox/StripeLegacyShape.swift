import Foundation

/// Objects as API versions before basil (`2025-03-31.basil`) render them, for events made before an upgrade.
extension StripeJSON {
    /// A basil object in the older shape: an invoice line's product under `price` (not `pricing.price_details`), a
    /// charge naming its `invoice`.
    ///
    /// Other objects are the same in both for what the Sandbox serves.
    static func beforeBasil(_ object: [String: Any]) -> [String: Any] {
        var old = object
        switch object["object"] as? String {
        case "invoice":
            guard var lines = object["lines"] as? [String: Any], let data = lines["data"] as? [[String: Any]] else {
                return old
            }
            lines["data"] = data.map { line in
                var line = line
                let details =
                    (line.removeValue(forKey: "pricing") as? [String: Any])?["price_details"] as? [String: Any]
                line["price"] = [
                    "id": details?["price"] ?? NSNull(), "object": "price", "product": details?["product"] ?? NSNull(),
                ]
                return line
            }
            old["lines"] = lines
        case "charge":
            if let intent = object["payment_intent"] as? String {
                old["invoice"] = SandboxInvoice.invoiceID(paymentIntent: intent)
            }
        default:
            break
        }
        return old
    }
}
