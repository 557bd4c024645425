import Connectors
import Store

/// What a delivery says about the account: the webhook's JSON body, a CSV row, a task's text.
///
/// Stored with the delivery before it is sent, so a delivery sent again carries the very same body.
struct ActionPayload {
    let score: String
    let runID: Int64
    let asOf: String
    let accountID: String
    let name: String
    let value: Double
    let band: String
    let previousBand: String?
    let contactWarning: String?
    let deliveryID: String

    init(score: NamedScore, run: ScoreRun, transition: ActionStore.Transition, warning: String?, deliveryID: String) {
        self.score = score.name
        self.runID = run.id
        self.asOf = run.asOf
        self.accountID = transition.accountID
        self.name = transition.name
        self.value = transition.value
        self.band = transition.band
        self.previousBand = transition.previousBand
        self.contactWarning = warning
        self.deliveryID = deliveryID
    }

    /// Reads a stored payload back (fields it lacks are empty).
    ///
    /// With `JSONReader`, whose numbers are exact: `JSONSerialization` reads one of 17 significant digits as an
    /// `NSDecimalNumber` whose `doubleValue` can be off in the last digit (0.30000000000000004 became
    /// 0.3000000000000001), and the CSV row would then not say what the webhook said.
    init(json: String) {
        let object = JSONReader.object(Array(json.utf8)) ?? [:]
        score = object["score"] as? String ?? ""
        runID = JSONNumber.int64(object["run"]) ?? 0
        asOf = object["as_of"] as? String ?? ""
        accountID = object["account_id"] as? String ?? ""
        name = object["name"] as? String ?? ""
        value = JSONNumber.double(object["value"]) ?? 0
        band = object["band"] as? String ?? ""
        previousBand = object["previous_band"] as? String
        contactWarning = object["contact_warning"] as? String
        deliveryID = object["delivery_id"] as? String ?? ""
    }

    /// The JSON body, keys in code-point order (the order `JSONSerialization`'s `.sortedKeys` gave them when it wrote
    /// bodies); a non-finite value is null.
    var json: String {
        func text(_ value: String?) -> String { value.map(JSONText.string) ?? "null" }
        return JSONText.object([
            ("account_id", text(accountID)), ("as_of", text(asOf)), ("band", text(band)),
            ("contact_warning", text(contactWarning)), ("delivery_id", text(deliveryID)), ("name", text(name)),
            ("previous_band", text(previousBand)), ("run", String(runID)), ("score", text(score)),
            ("value", JSONText.number(value)),
        ])
    }

    /// The CSV export's columns.
    static let csvHeader = [
        "score", "run", "as_of", "account_id", "name", "value", "band", "previous_band", "contact_warning",
        "delivery_id",
    ]

    /// The CSV export's cells.
    var csvCells: [String] {
        [
            score, String(runID), asOf, accountID, name, JSONText.number(value), band, previousBand ?? "",
            contactWarning ?? "",
            deliveryID,
        ]
    }
}
