/// An `invoices` row: days as `YYYY-MM-DD`, amounts in integer minor units.
public struct InvoiceRow: AccountFiledRow, Equatable {
    public static let table = CanonicalTable.invoices
    public var accountID: Int64
    public var issuedDate: String
    public var dueDate: String?
    public var paidDate: String?
    public var amountDueCents: Int64
    public var amountPaidCents: Int64
    public var currency: String?
    /// paid, open, uncollectible, void, draft, or deleted (a billing source's deleted invoice keeps its row).
    public var status: String
    public var product: String?

    /// An invoice under an account's row.
    public init(
        accountID: Int64, issuedDate: String, dueDate: String?, paidDate: String?, amountDueCents: Int64,
        amountPaidCents: Int64, currency: String?, status: String, product: String?
    ) {
        self.accountID = accountID
        self.issuedDate = issuedDate
        self.dueDate = dueDate
        self.paidDate = paidDate
        self.amountDueCents = amountDueCents
        self.amountPaidCents = amountPaidCents
        self.currency = currency
        self.status = status
        self.product = product
    }

    public var values: [SQLValue] {
        [
            .integer(accountID), .text(issuedDate), dueDate.sqlValue, paidDate.sqlValue, .integer(amountDueCents),
            .integer(amountPaidCents), currency.sqlValue, .text(status), product.sqlValue,
        ]
    }
}

/// An `mrr_changes` row: the monthly recurring revenue from a day on (`new`, or 0 on `churn`).
public struct MRRChangeRow: AccountFiledRow, Equatable {
    public static let table = CanonicalTable.mrrChanges
    public var accountID: Int64
    public var effectiveDate: String
    public var mrrCents: Int64
    public var changeType: String?

    /// A change under an account's row.
    public init(accountID: Int64, effectiveDate: String, mrrCents: Int64, changeType: String?) {
        self.accountID = accountID
        self.effectiveDate = effectiveDate
        self.mrrCents = mrrCents
        self.changeType = changeType
    }

    public var values: [SQLValue] {
        [.integer(accountID), .text(effectiveDate), .integer(mrrCents), changeType.sqlValue]
    }
}

/// A `payments` row: one charge, the invoice it pays (if known), and whether it failed, was disputed or refunded.
public struct PaymentRow: AccountFiledRow, Equatable {
    public static let table = CanonicalTable.payments
    public var accountID: Int64
    public var invoiceExternalID: String?
    public var createdDate: String
    public var amountCents: Int64
    public var currency: String?
    /// succeeded, pending or failed.
    public var status: String
    public var failureCode: String?
    public var disputed: Bool
    public var refundedCents: Int64

    /// A charge under an account's row.
    public init(
        accountID: Int64, invoiceExternalID: String?, createdDate: String, amountCents: Int64, currency: String?,
        status: String, failureCode: String?, disputed: Bool, refundedCents: Int64
    ) {
        self.accountID = accountID
        self.invoiceExternalID = invoiceExternalID
        self.createdDate = createdDate
        self.amountCents = amountCents
        self.currency = currency
        self.status = status
        self.failureCode = failureCode
        self.disputed = disputed
        self.refundedCents = refundedCents
    }

    public var values: [SQLValue] {
        [
            .integer(accountID), invoiceExternalID.sqlValue, .text(createdDate), .integer(amountCents),
            currency.sqlValue, .text(status), failureCode.sqlValue, .integer(disputed ? 1 : 0),
            .integer(refundedCents),
        ]
    }
}
