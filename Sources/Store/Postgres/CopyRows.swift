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

    /// Appends `text` escaped, in runs: the bytes between two that need escaping go in at once.
    private mutating func appendEscaped<Bytes: Collection<UInt8>>(_ text: Bytes) {
        let appended: Void? = text.withContiguousStorageIfAvailable { appendEscaped(contiguous: $0) }
        if appended == nil { Array(text).withUnsafeBufferPointer { appendEscaped(contiguous: $0) } }
    }

    private mutating func appendEscaped(contiguous text: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for (index, byte) in text.enumerated() {
            let escaped: UInt8
            switch byte {
            case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(escaped)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }
}
