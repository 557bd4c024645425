/// The kinds of file `scorebook import` reads and the generator writes, one per canonical table.
///
/// The kinds alone live here, below the host and the Sandbox, so both speak of the same files; the host adds how each
/// kind is read and where it is written (`ImportKind+Fields.swift` in Host).
public enum ImportKind: String, Sendable, CaseIterable {
    case accounts, invoices, mrr, usage, tickets, nps, assessments, outcomes, contacts
}
