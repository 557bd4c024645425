import Connectors
import Foundation

/// Reads JSON Lines: one object per line; its keys become columns (values as text), the line itself is kept as raw.
final class JSONLinesReader: RecordReader {
    private let file: ChunkedFile
    private let displayName: String
    private var pending: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 0
    private var columnIndex: [String: Int] = [:]
    private(set) var header: [String] = []
    var bytesRead: Int { file.bytesRead }

    init(path: String, displayName: String) throws {
        self.file = try ChunkedFile(path: path, displayName: displayName)
        self.displayName = displayName
    }

    func next() throws -> Record? {
        while let bytes = try nextLine() {
            line += 1
            guard !bytes.contains(0) else {
                throw ImportError(file: displayName, line: line, reason: "the line holds a NUL byte")
            }
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                throw ImportError(file: displayName, line: line, reason: "the line is not UTF-8 text")
            }
            let text = decoded.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw ImportError(file: displayName, line: line, reason: "not a JSON object")
            }
            var fields = Array<String?>(repeating: nil, count: header.count)
            for (key, value) in object {
                let name = key.lowercased()
                let index: Int
                if let known = columnIndex[name] {
                    index = known
                } else {
                    index = header.count
                    columnIndex[name] = index
                    header.append(name)
                    fields.append(nil)
                }
                fields[index] = Self.text(value)
                if fields[index]?.utf8.contains(0) == true {
                    throw ImportError(
                        file: displayName, line: line, column: name, reason: "the text holds a NUL character")
                }
                if let field = fields[index], field.utf8.count > ImportLimits.fieldBytes {
                    throw ImportError(
                        file: displayName, line: line, column: name,
                        reason: "longer than \(ImportLimits.fieldBytes >> 20) MiB; nothing was imported")
                }
            }
            return Record(line: line, fields: fields, originalJSON: text)
        }
        return nil
    }

    private static func text(_ value: Any) -> String? {
        switch value {
        case is NSNull: return nil
        case let string as String: return string
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        default:
            // An array or object: its JSON with keys in code-point order, the same text whatever order it was read in.
            return String(decoding: CanonicalJSON.bytes(value), as: UTF8.self)
        }
    }

    private func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = pending[position...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { position = newline + 1 }
                return pending[position..<newline]
            }
            if atEnd {
                guard position < pending.count else { return nil }
                defer { position = pending.count }
                return pending[position...]
            }
            if pending.count - position > ImportLimits.recordBytes {
                throw ImportError(
                    file: displayName, line: line + 1,
                    reason: "the line is longer than \(ImportLimits.recordBytes >> 20) MiB; nothing was imported")
            }
            if let chunk = try file.next() {
                pending = Array(pending[position...]) + chunk
                position = 0
            } else {
                atEnd = true
            }
        }
    }
}
