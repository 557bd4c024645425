import Generator
import ScoreKit
import Store

/// Turns a record into a canonical row: its key, its checked values in column order, and its raw JSON.
final class RecordMapper {
    struct Row {
        let externalID: String
        let values: [SQLValue]
        /// The original record as JSON, in UTF-8.
        let raw: [UInt8]
    }

    private let kind: ImportKind
    private let file: String
    private let accounts: [String: Int64]
    private let fields: [ImportField]
    private var headerCount = -1
    private var fieldIndex: [Int?] = []
    private var idIndex: Int?
    private var naturalKeyIndex: [Int?] = []
    /// Per header position: whether the column is mapped (or the id), so its text is not repeated in the raw JSON.
    private var isMapped: [Bool] = []
    private var rawWriter = JSONWriter()

    init(kind: ImportKind, file: String, accounts: [String: Int64]) {
        self.kind = kind
        self.file = file
        self.accounts = accounts
        self.fields = kind.fields
    }

    func map(_ record: Record, header: [String]) throws -> Row {
        if header.count != headerCount { resolve(header) }
        func field(_ index: Int?) -> String? {
            guard let index, index < record.fields.count, let value = record.fields[index] else { return nil }
            let trimmed = value.trimmingASCIISpaces()
            return trimmed.isEmpty ? nil : trimmed
        }
        var values: [SQLValue] = []
        values.reserveCapacity(fields.count)
        for (position, spec) in fields.enumerated() {
            guard let text = field(fieldIndex[position]) else {
                if spec.isRequired {
                    throw ImportError(file: file, line: record.line, column: spec.name, reason: "a value is required")
                }
                values.append(.null)
                continue
            }
            if case .account = spec.kind {
                guard let rowID = accounts[text] else {
                    throw ImportError(
                        file: file, line: record.line, column: spec.name,
                        reason: "unknown account \"\(text)\" (import accounts first)")
                }
                values.append(.integer(rowID))
                continue
            }
            switch spec.kind.parse(text) {
            case .success(let value): values.append(value)
            case .failure(let problem):
                throw ImportError(file: file, line: record.line, column: spec.name, reason: problem.reason)
            }
        }
        if kind == .invoices { fillInvoiceDefaults(&values) }
        let externalID: String
        if let id = field(idIndex) {
            externalID = id
        } else if kind == .accounts {
            throw ImportError(file: file, line: record.line, column: "account_id", reason: "a value is required")
        } else if !naturalKeyIndex.isEmpty {
            externalID = naturalKeyIndex.map { field($0) ?? "" }.joined(separator: "|")
        } else {
            externalID = Fingerprint.hex(of: record.fields.map { $0 ?? "" }.joined(separator: "\u{1F}"))
        }
        return Row(externalID: externalID, values: values, raw: raw(record, header: header))
    }

    /// A JSON Lines record keeps its line; a CSV record becomes an object of its other columns as text (the mapped
    /// ones and the id are in their own columns already; an invoices file with only those gets `{}`).
    private func raw(_ record: Record, header: [String]) -> [UInt8] {
        if let original = record.originalJSON { return Array(original.utf8) }
        rawWriter.reset()
        rawWriter.raw("{")
        var first = true
        for (position, (key, value)) in zip(header, record.fields).enumerated() {
            guard let value, !isMapped[position] else { continue }
            if !first { rawWriter.raw(",") }
            first = false
            rawWriter.string(key)
            rawWriter.raw(":")
            rawWriter.string(value)
        }
        rawWriter.raw("}")
        return rawWriter.bytes
    }

    /// An invoice without a status is paid when it has a paid date, else open; a paid one without an amount paid
    /// was paid in full.
    private func fillInvoiceDefaults(_ values: inout [SQLValue]) {
        let (paidDate, amountDue, amountPaid, status) = Self.invoicePositions
        if values[status] == .null {
            values[status] = values[paidDate] == .null ? "open" : "paid"
        }
        if values[amountPaid] == .null {
            values[amountPaid] = values[status] == "paid" ? values[amountDue] : 0
        }
    }

    /// Where the invoice defaults' columns are among the values, found by name.
    private static let invoicePositions = {
        let columns = CanonicalTable.invoices.columns
        func position(_ name: String) -> Int {
            guard let position = columns.firstIndex(of: name) else { preconditionFailure("invoices has no \(name)") }
            return position
        }
        return (position("paid_date"), position("amount_due_cents"), position("amount_paid_cents"), position("status"))
    }()

    private func resolve(_ header: [String]) {
        headerCount = header.count
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        fieldIndex = fields.map { index[$0.name] }
        idIndex = kind.idColumn.flatMap { index[$0] }
        naturalKeyIndex = kind.naturalKey.map { index[$0] }
        let mapped = Set(fields.map(\.name) + [kind.idColumn].compactMap { $0 })
        isMapped = header.map(mapped.contains)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs; the common case (none) allocates nothing.
    func trimmingASCIISpaces() -> String {
        let utf8 = self.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
        let bytes = utf8.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        return String(decoding: Array(bytes), as: UTF8.self)
    }
}
