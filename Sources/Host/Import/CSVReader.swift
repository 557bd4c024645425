/// A streaming RFC 4180 CSV reader over bytes: quoted fields, doubled quotes, CRLF, newlines inside quotes.
///
/// It scans each chunk through a buffer pointer with a small state machine, so a quote split across two chunks
/// needs no look-ahead, and unquoted fields are copied in one slice.
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
    private(set) var header: [String] = []

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
                throw ImportError(file: displayName, line: line, reason: "\(fields.count) fields, the header has \(header.count)")
            }
            return Record(line: line, fields: fields, originalJSON: nil)
        }
        return nil
    }

    private func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
    }

    /// The next record's fields and starting line, or nil at the end of the file.
    private func nextFields() throws -> (line: Int, fields: [String])? {
        let start = line
        fields.removeAll(keepingCapacity: true)
        var sawAny = false
        while true {
            if position == chunk.count {
                guard let next = try file.next() else { break }
                chunk = next
                position = 0
            }
            sawAny = true
            let finished = chunk.withUnsafeBufferPointer { buffer -> Bool in
                var index = position
                defer { position = index }
                while index < buffer.count {
                    let byte = buffer[index]
                    switch state {
                    case .fieldStart where byte == UInt8(ascii: "\""):
                        state = .quoted
                        index += 1
                    case .fieldStart, .unquoted:
                        // Copy the run up to the next delimiter in one go.
                        var end = index
                        while end < buffer.count {
                            let next = buffer[end]
                            if next == UInt8(ascii: ",") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r") { break }
                            end += 1
                        }
                        field.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<end]))
                        index = end
                        state = .unquoted
                        guard end < buffer.count else { return false }
                        index += 1
                        switch buffer[end] {
                        case UInt8(ascii: ","): endField()
                        case UInt8(ascii: "\n"):
                            line += 1
                            endField()
                            return true
                        default: break  // a carriage return is dropped
                        }
                    case .quoted:
                        if byte == UInt8(ascii: "\"") {
                            state = .quoteInQuoted
                        } else {
                            if byte == UInt8(ascii: "\n") { line += 1 }
                            field.append(byte)
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
            throw ImportError(file: displayName, line: start, reason: "a quoted field is not closed before the end of the file")
        }
        guard sawAny, !(fields.isEmpty && field.isEmpty && state == .fieldStart) else { return nil }
        endField()
        return (start, fields)
    }
}
