import Foundation

@testable import Connectors

/// A Stripe object from `Fixtures/stripe-basil` (Stripe's published basil fixtures; see the README there), parsed
/// as the sources parse bodies.
func stripeFixture(_ name: String) throws -> [String: Any] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/stripe-basil/\(name).json")
    guard let object = try JSONReader.parse(Array(try Data(contentsOf: url))) as? [String: Any] else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(name).json is not an object"])
    }
    return object
}

/// `object` with the value at `path` (keys, and indexes of arrays written as numbers) replaced by `json`'s value.
func setting(_ object: [String: Any], _ path: [String], json: String) throws -> [String: Any] {
    let value = try JSONReader.parse(Array(json.utf8))
    func set(_ node: Any, _ rest: ArraySlice<String>) -> Any {
        guard let key = rest.first else { return value }
        if var array = node as? [Any], let index = Int(key), array.indices.contains(index) {
            array[index] = set(array[index], rest.dropFirst())
            return array
        }
        var dictionary = node as? [String: Any] ?? [:]
        dictionary[key] = set(dictionary[key] ?? [String: Any](), rest.dropFirst())
        return dictionary
    }
    return set(object, path[...]) as? [String: Any] ?? object
}
