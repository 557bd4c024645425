import Foundation

/// The company a deal or ticket is filed under. List pages carry it in `associations.companies.results[].id` (asked
/// for with `associations=companies`); search returns no associations, so a search page's ids go through one v4 batch
/// read, `POST /crm/v4/associations/{deals|tickets}/companies/batch/read`. The primary association wins (v3's
/// `deal_to_company` type rather than `deal_to_company_unlabeled`, v4's `Primary` label), else the first.
extension HubSpotSource {
    /// Each record's company id, by record id.
    func companyIDs(of records: [[String: Any]], _ object: HubSpotObject, listed: Bool, what: String) throws -> [String:
        String]
    {
        guard object.isAssociatedWithCompanies else { return [:] }
        if listed {
            var companies: [String: String] = [:]
            for record in records {
                if let id = record["id"] as? String, let company = Self.listedCompany(record, object) {
                    companies[id] = company
                }
            }
            return companies
        }
        let ids = records.compactMap { $0["id"] as? String }
        guard !ids.isEmpty else { return [:] }
        let page = try context.fetch(
            "/crm/v4/associations/\(object.rawValue)/companies/batch/read", method: "POST",
            body: ["inputs": ids.map { ["id": $0] }], headers: headers, what: what, classify: Self.classify)
        return Self.batchCompanies(page)
    }

    /// The company in a listed record's `associations`.
    static func listedCompany(_ record: [String: Any], _ object: HubSpotObject) -> String? {
        let companies = (record["associations"] as? [String: Any])?["companies"] as? [String: Any]
        let results = companies?["results"] as? [[String: Any]] ?? []
        let primaryType = "\(object.rawValue.dropLast())_to_company"
        return idText((results.first { $0["type"] as? String == primaryType } ?? results.first)?["id"])
    }

    /// Company ids by record id from a v4 batch read (`results[].from.id`, `to[].toObjectId`); records without a
    /// company come back in `errors` and are left out.
    static func batchCompanies(_ page: [String: Any]) -> [String: String] {
        var companies: [String: String] = [:]
        for result in page["results"] as? [[String: Any]] ?? [] {
            guard let from = idText((result["from"] as? [String: Any])?["id"]) else { continue }
            let targets = result["to"] as? [[String: Any]] ?? []
            let primary = targets.first { target in
                (target["associationTypes"] as? [[String: Any]] ?? []).contains { $0["label"] as? String == "Primary" }
            }
            if let company = idText((primary ?? targets.first)?["toObjectId"]) { companies[from] = company }
        }
        return companies
    }

    /// An id written as a string or a number.
    private static func idText(_ value: Any?) -> String? {
        if let text = value as? String { return text.isEmpty ? nil : text }
        return JSONNumber.int64(value).map { String($0) }
    }
}
