/// One record of an imported file: where it starts and its fields, aligned with the reader's header.
struct Record {
    /// The 1-based line where the record starts.
    let line: Int
    /// Field values by header position; nil when the record has no such field.
    let fields: [String?]
    /// The original record as JSON, when the file is JSON Lines.
    let originalJSON: String?
}

/// A source of records: CSV or JSON Lines.
protocol RecordReader: AnyObject {
    /// Column names; a JSON Lines reader may add names as new keys appear.
    var header: [String] { get }
    /// The next record, or nil at the end of the file.
    func next() throws -> Record?
    /// Bytes of the file read so far.
    var bytesRead: Int { get }
}
