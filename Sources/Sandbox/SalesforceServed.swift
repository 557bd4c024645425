import Foundation

/// What the SOQL routes read of a record of any sObject the Sandbox serves.
protocol SalesforceServed {
    var id: String { get }
    var modstampMilliseconds: Int64 { get }
    var isDeleted: Bool { get }
    /// Gone from the recycle bin too: no query returns it.
    var isPurged: Bool { get }
    /// A field's wire value; NSNull when unset or unknown.
    func value(_ field: String) -> Any
}

extension SandboxSalesforceAccount: SalesforceServed {
    func value(_ field: String) -> Any {
        switch field {
        case "Id": return id
        case "Name": return name
        case "Website": return website
        case "Industry": return industry
        case "NumberOfEmployees": return employees.map { $0 as Any } ?? NSNull()
        case "BillingCountry": return country
        case "CreatedDate": return SalesforceJSON.datetime(createdMilliseconds)
        case "LastModifiedDate", "SystemModstamp": return SalesforceJSON.datetime(modstampMilliseconds)
        case "IsDeleted": return isDeleted
        default: return NSNull()
        }
    }
}

extension SandboxSalesforceRecord: SalesforceServed {
    func value(_ field: String) -> Any {
        switch field {
        case "Id": return id
        case "AccountId": return accountID
        case "LastModifiedDate", "SystemModstamp": return SalesforceJSON.datetime(modstampMilliseconds)
        case "IsDeleted": return isDeleted
        default: return fields[field] ?? NSNull()
        }
    }
}

extension SandboxData {
    /// The records of an sObject type, in the order positions refer to.
    func salesforceRows(_ type: String) -> [any SalesforceServed] {
        type == "Account" ? salesforceAccounts : salesforceRecords[type] ?? []
    }
}
