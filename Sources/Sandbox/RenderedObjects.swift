import enum Connectors.CanonicalJSON

/// The JSON bytes of each served object, kept while the object stays the same, so a page is mostly copied rather
/// than built: rendering every object of every page took most of the Sandbox's time under a sync.
///
/// An object is re-rendered when it differs from the value its bytes were made from, so no mutation path needs to
/// remember to invalidate anything. Used only under the data's lock.
final class RenderedObjects<Value: Equatable> {
    private var rendered: [String: (value: Value, bytes: [UInt8])] = [:]
    private let render: (Value) -> Any

    /// A cache that renders with `render` (an object made of dictionaries, arrays and scalars).
    init(render: @escaping (Value) -> Any) { self.render = render }

    /// The bytes of `value`, whose id is `id`.
    func bytes(_ value: Value, id: String) -> [UInt8] {
        if let kept = rendered[id], kept.value == value { return kept.bytes }
        let bytes = CanonicalJSON.bytes(render(value))
        rendered[id] = (value, bytes)
        return bytes
    }
}

extension StripeJSON {
    /// A Stripe list envelope around already-rendered objects, keys in the same order `CanonicalJSON` writes them.
    static func list(url: String, rendered: [[UInt8]], hasMore: Bool) -> [UInt8] {
        var body = Array(#"{"data":["#.utf8)
        body.reserveCapacity(rendered.reduce(64 + url.utf8.count) { $0 + $1.count + 1 })
        for (index, object) in rendered.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(contentsOf: object)
        }
        body.append(contentsOf: Array(#"],"has_more":\#(hasMore),"object":"list","url":"#.utf8))
        body.append(contentsOf: CanonicalJSON.bytes(url))
        body.append(UInt8(ascii: "}"))
        return body
    }
}
