extension SQLValue {
    /// The value as PostgreSQL reads it in a text parameter or a `COPY` field, or nil for NULL; a number's special
    /// values in PostgreSQL's spelling.
    var postgresText: String? {
        switch self {
        case .null: return nil
        case .integer(let number): return String(number)
        case .real(let number):
            if number.isNaN { return "NaN" }
            if number.isInfinite { return number > 0 ? "Infinity" : "-Infinity" }
            return "\(number)"
        case .text(let text): return text
        }
    }
}
