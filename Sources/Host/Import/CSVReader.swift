/// A streaming RFC 4180 CSV reader over bytes: quoted fields, doubled quotes, CRLF, LF or CR-only line ends, newlines
/// inside quotes.
///
/// It scans each chunk through a buffer pointer with a small state machine, so a quote split across two chunks
/// needs no look-ahead, and unquoted fields are copied in one slice. What no spreadsheet writes is refused with its
/// line: a NUL byte, text that is not UTF-8, a field over `ImportLimits.fieldBytes` or a record over
/// `ImportLimits.recordBytes` (so `/dev/zero` or a runaway quote cannot fill memory).
final class CSVReader: RecordReader {
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private let file: ChunkedFile
    private let displayName: String
    private var chunk: [UInt8] = []
    private var position = 0
    private var line = 1
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var recordBytes = 0
    /// A CR ended the last record: a LF right after it is the same line end.
    private var skipLineFeed = false
    private(set) var header: [String] = []
    var bytesRead: Int { file.bytesRead }

    init(path: String, displayName: String) throws {
        self.file = try ChunkedFile(path: path, displayName: displayName)
        self.displayName = displayName
        guard let names = try nextFields()?.fields else {
            throw ImportError(file: displayName, line: 1, reason: "the file is empty; it needs a header row")
        }
        var first = names
        if let firstName = first.first, firstName.hasPrefix("\u{FEFF}") { first[0] = String(firstName.dropFirst()) }
        header = first.map { $0.trimmingASCIISpaces().lowercased() }
        if let duplicate = Dictionary(grouping: header, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw ImportError(file: displayName, line: 1, reason: "column \"\(duplicate)\" appears twice in the header")
        }
    }

    func next() throws -> Record? {
        while let (line, fields) = try nextFields() {
            if fields.count == 1 && fields[0].isEmpty { continue }  // a blank line
            guard fields.count == header.count else {
                throw ImportError(
                    file: displayName, line: line, reason: "\(fields.count) fields, the header has \(header.count)")
            }
            return Record(line: line, fields: fields, originalJSON: nil)
        }
        return nil
    }

    private func endField() throws {
        // ASCII is UTF-8 as it is, and checking for it is a tight loop: `String(validating:)` was 7% of an invoices
        // import's time on M, nearly every field of which is ASCII. Anything else is validated in full.
        let text: String
        if !field.contains(where: { $0 >= 0x80 }) {
            text = String(decoding: field, as: UTF8.self)
        } else if let validated = String(validating: field, as: UTF8.self) {
            text = validated
        } else {
            throw ImportError(file: displayName, line: line, reason: "field \(fields.count + 1) is not UTF-8 text")
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    private func checkSizes(adding count: Int) throws {
        recordBytes += count
        if field.count > ImportLimits.fieldBytes {
            throw ImportError(
                file: displayName, line: line,
                reason:
                    "field \(fields.count + 1) is longer than \(ImportLimits.fieldBytes >> 20) MiB; nothing was "
                    + "imported"
            )
        }
        if recordBytes > ImportLimits.recordBytes {
            throw ImportError(
                file: displayName, line: line,
                reason:
                    "the record is longer than \(ImportLimits.recordBytes >> 20) MiB (an unclosed quote?); "
                    + "nothing was imported"
            )
        }
    }

    private func nul() -> ImportError {
        ImportError(file: displayName, line: line, reason: "field \(fields.count + 1) holds a NUL byte; text may not")
    }

    /// The next record's fields and starting line, or nil at the end of the file.
    private func nextFields() throws -> (line: Int, fields: [String])? {
        let start = line
        fields.removeAll(keepingCapacity: true)
        recordBytes = 0
        var sawAny = false
        while true {
            if position == chunk.count {
                guard let next = try file.next() else { break }
                chunk = next
                position = 0
            }
            sawAny = true
            let finished = try chunk.withUnsafeBufferPointer { buffer -> Bool in
                var index = position
                defer { position = index }
                while index < buffer.count {
                    let byte = buffer[index]
                    if skipLineFeed {
                        skipLineFeed = false
                        if byte == UInt8(ascii: "\n") {
                            index += 1
                            continue
                        }
                    }
                    if byte == 0 { throw nul() }
                    switch state {
                    case .fieldStart where byte == UInt8(ascii: "\""):
                        state = .quoted
                        index += 1
                    case .fieldStart, .unquoted:
                        // Copy the run up to the next delimiter in one go.
                        var end = index
                        while end < buffer.count {
                            let next = buffer[end]
                            if next == UInt8(ascii: ",") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r")
                                || next == 0
                            {
                                break
                            }
                            end += 1
                        }
                        field.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<end]))
                        try checkSizes(adding: end - index + 1)  // the delimiter too
                        index = end
                        state = .unquoted
                        guard end < buffer.count else { return false }
                        switch buffer[end] {
                        case 0: throw nul()
                        case UInt8(ascii: ","):
                            index += 1
                            try endField()
                        default:
                            // A line end: LF, CR LF, or a lone CR (old Mac files).
                            index += 1
                            skipLineFeed = buffer[end] == UInt8(ascii: "\r")
                            try endField()
                            line += 1
                            return true
                        }
                    case .quoted:
                        if byte == UInt8(ascii: "\"") {
                            state = .quoteInQuoted
                        } else {
                            if byte == UInt8(ascii: "\n") { line += 1 }
                            field.append(byte)
                            try checkSizes(adding: 1)
                        }
                        index += 1
                    case .quoteInQuoted:
                        if byte == UInt8(ascii: "\"") {
                            field.append(byte)
                            state = .quoted
                            index += 1
                        } else {
                            state = .unquoted  // the quote closed the field; what follows is read as usual
                        }
                    }
                }
                return false
            }
            if finished { return (start, fields) }
        }
        if state == .quoted {
            throw ImportError(
                file: displayName, line: start, reason: "a quoted field is not closed before the end of the file")
        }
        guard sawAny, !(fields.isEmpty && field.isEmpty && state == .fieldStart) else { return nil }
        try endField()
        return (start, fields)
    }
}
