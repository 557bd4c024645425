/// A streaming RFC 4180 CSV reader over bytes: quoted fields, doubled quotes, CRLF, newlines inside quotes.
final class CSVReader: RecordReader {
    private let file: ChunkedFile
    private let displayName: String
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private(set) var header: [String] = []

    init(path: String, displayName: String) throws {
        self.file = try ChunkedFile(path: path, displayName: displayName)
        self.displayName = displayName
        guard let names = try nextFields()?.fields else {
            throw ImportError(file: displayName, line: 1, reason: "the file is empty; it needs a header row")
        }
        var first = names
        if let firstName = first.first, firstName.hasPrefix("\u{FEFF}") { first[0] = String(firstName.dropFirst()) }
        header = first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
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

    private func nextByte() throws -> UInt8? {
        if position == chunk.count {
            guard !atEnd, let next = try file.next() else {
                atEnd = true
                return nil
            }
            chunk = next
            position = 0
        }
        defer { position += 1 }
        return chunk[position]
    }

    private func peekByte() throws -> UInt8? {
        guard let byte = try nextByte() else { return nil }
        position -= 1
        return byte
    }

    private func nextFields() throws -> (line: Int, fields: [String])? {
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var inQuotes = false
        var sawAny = false
        while let byte = try nextByte() {
            sawAny = true
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if try peekByte() == UInt8(ascii: "\"") {
                        position += 1
                        field.append(byte)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\""):
                if field.isEmpty { inQuotes = true } else { field.append(byte) }
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\n"):
                line += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return (start, fields)
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw ImportError(file: displayName, line: start, reason: "a quoted field is not closed before the end of the file")
        }
        guard sawAny else { return nil }
        fields.append(String(decoding: field, as: UTF8.self))
        return (start, fields)
    }
}
