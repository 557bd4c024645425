/// SQLite's parameter marks in PostgreSQL's spelling: `?` and `?NNN` become `$n`, outside quotes and comments.
///
/// A bare `?` takes the number after the largest one so far, as SQLite numbers it, so `?1 ... ? ...` gives
/// `$1 ... $2`. Everything else in the text is left as written: SQL that only one engine accepts is chosen by the
/// caller (`Database.engine`), never rewritten here.
enum PostgresSQL {
    static func translate(_ sql: String) -> (text: String, parameterCount: Int) {
        let bytes = Array(sql.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var largest = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let end = closing(byte, in: bytes, from: index + 1)
                output += bytes[index..<end]
                index = end
            case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "-"):
                let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                output += bytes[index..<end]
                index = end
            case UInt8(ascii: "?"):
                var end = index + 1
                var number = 0
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                    number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                if end == index + 1 { number = largest + 1 }
                largest = max(largest, number)
                output += Array("$\(number)".utf8)
                index = end
            default:
                output.append(byte)
                index += 1
            }
        }
        return (String(decoding: output, as: UTF8.self), largest)
    }

    /// The index just past the quote closing one opened before `start` (a doubled quote is an escaped one).
    private static func closing(_ quote: UInt8, in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == quote {
                if index + 1 < bytes.count && bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }
}
