/// Rows in PostgreSQL's `COPY ... FROM STDIN` text format: tab between fields, a newline after each row, `\N` for
/// NULL, and backslash, tab, newline and carriage return escaped in text.
struct CopyRows {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0
    private var fieldsInRow = 0

    /// Appends one field.
    mutating func append(_ value: SQLValue) {
        separate()
        guard let text = value.postgresText else {
            bytes += [UInt8(ascii: "\\"), UInt8(ascii: "N")]
            return
        }
        appendEscaped(text.utf8)
    }

    /// Appends one text field given as UTF-8 bytes.
    mutating func append<Bytes: Collection<UInt8>>(utf8 text: Bytes) {
        separate()
        appendEscaped(text)
    }

    /// Ends the current row.
    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        fieldsInRow = 0
        count += 1
    }

    /// Forgets every row, keeping the buffer's capacity.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        count = 0
        fieldsInRow = 0
    }

    private mutating func separate() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: "\t")) }
        fieldsInRow += 1
    }

    private mutating func appendEscaped<Bytes: Collection<UInt8>>(_ text: Bytes) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            default: bytes.append(byte)
            }
        }
    }
}
