/// A record the API sent without a field its canonical row needs; the source reports it as one line naming itself
/// and the stream.
struct MissingField: Error, CustomStringConvertible {
    /// `charge ch_123`.
    let record: String
    /// `created`.
    let field: String

    var description: String { "\(record) has no `\(field)`" }
}
