import Foundation

extension HubSpotRoutes {
    /// `POST /crm/v3/objects/tasks/search` with `CONTAINS_TOKEN` or `EQ` filters on task properties: the tasks
    /// created through the API that match every filter of any group (as HubSpot combines them).
    func searchTasks(_ body: Data) -> Reply {
        let request = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        let groups = (request["filterGroups"] as? [[String: Any]] ?? []).map { $0["filters"] as? [[String: Any]] ?? [] }
        let tasks = data.locked { $0.tasks }
        let matching = tasks.filter { task in
            let properties = task["properties"] as? [String: Any] ?? [:]
            return groups.isEmpty
                || groups.contains { filters in
                    filters.allSatisfy { filter in
                        let value = "\(properties[filter["propertyName"] as? String ?? ""] ?? "")"
                        let wanted = filter["value"] as? String ?? ""
                        switch filter["operator"] as? String {
                        case "EQ": return value == wanted
                        case "CONTAINS_TOKEN":
                            return value.split(whereSeparator: \.isWhitespace).contains { $0 == wanted }
                        default: return false
                        }
                    }
                }
        }
        let limit = request["limit"] as? Int ?? 10
        let results = matching.prefix(limit).map {
            ["id": $0["id"] ?? "", "properties": $0["properties"] ?? [:], "archived": false]
        }
        return .json(200, ["total": matching.count, "results": Array(results)])
    }
}
