import CFuzzMain
import Foundation
import ScoreKit

@testable import Connectors
@testable import Host
@testable import Store

/// The parsers that read what Scorebook is given, each as a libFuzzer target: the configuration, CSV and JSON Lines
/// imports, JSONReader, each source's page mapping, and the readers of a run's stored results (a database file is
/// outside data too).
///
/// A thrown error is an answer; a trap or an ASan report is a bug. `scripts/fuzz` builds this with
/// `-sanitize=fuzzer,address` and runs each target with its seed corpus.
enum FuzzTarget: String, CaseIterable {
    case configuration, csv, jsonLines = "jsonlines", jsonReader = "jsonreader"
    case stripePage = "stripe-page", hubspotPage = "hubspot-page", salesforcePage = "salesforce-page"
    case chargebeePage = "chargebee-page", storedResults = "stored-results"

    /// Feeds one input to the target.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .configuration:
            _ = try? ScorebookConfiguration.parse(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yml")
        case .csv, .jsonLines:
            let path = Self.scratch + (self == .csv ? ".csv" : ".jsonl")
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            guard
                let reader: RecordReader = try?
                    (self == .csv
                    ? CSVReader(path: path, displayName: "fuzz") : JSONLinesReader(path: path, displayName: "fuzz"))
            else { return }
            let mapper = RecordMapper(kind: .invoices, file: "fuzz", accounts: ["acme": 1, "beta": 2])
            for _ in 0..<10_000 {
                guard let record = try? reader.next() else { return }
                _ = try? mapper.map(record, header: reader.header)
            }
        case .jsonReader:
            _ = try? JSONReader.parse(bytes)
            _ = try? JSONReader.list(bytes, listKey: "data")
        case .stripePage:
            // As a listing maps a page: its invoice payments noted, then every record's invoice looked up at once.
            let records = Self.records(bytes, "data")
            let links = StripeInvoiceLinks()
            _ = try? links.add(contentsOf: records)
            let found = links.invoices(of: records, waiting: false)
            for (record, invoice) in zip(records, found.invoices) { _ = try? StripeRows.of(record, invoice: invoice) }
        case .hubspotPage:
            for record in Self.records(bytes, "results") {
                let properties = record["properties"] as? [String: Any] ?? record
                _ = try? HubSpotMapping.deal(properties, account: 1)
                _ = try? HubSpotMapping.ticket(properties, account: 1)
            }
        case .salesforcePage:
            for record in Self.records(bytes, "records") {
                _ = try? SalesforceMapping.contact(record, account: 1)
                _ = try? SalesforceMapping.opportunity(record, account: 1)
                _ = try? SalesforceMapping.case(record, account: 1)
            }
        case .storedResults:
            let text = String(decoding: bytes, as: UTF8.self)
            let template =
                CompactComponents.template(text) ?? [
                    Component(signal: "recency", raw: nil, normalised: 0, weight: 60),
                    Component(signal: "frequency", raw: nil, normalised: 0, weight: 40, isManual: true),
                ]
            for layout: Int64 in 0...3 {
                _ = CompactComponents.read(text, layout: layout, template: template)
            }
            _ = StoredDetails.read(text)
        case .chargebeePage:
            for entry in Self.records(bytes, "list") {
                for object in entry.values.compactMap({ $0 as? [String: Any] }) + [entry] {
                    _ = try? ChargebeeMapping.account(object, linkField: "cf_salesforce_account_id")
                    _ = try? ChargebeeMapping.invoice(object, account: 1)
                    _ = try? ChargebeeMapping.mrrChanges(object, account: 1)
                }
            }
        }
    }

    /// The objects of a page's list, parsed as the connectors parse them.
    private static func records(_ bytes: [UInt8], _ listKey: String) -> [[String: Any]] {
        guard let (object, _) = try? JSONReader.list(bytes, listKey: listKey) else { return [] }
        return (object[listKey] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
    }

    /// A file per process for the readers, which read files.
    private static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
        "scorebook-fuzz-\(getpid())"
    ).path
}

/// The target named by `SCOREBOOK_FUZZ_TARGET`, chosen once.
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["SCOREBOOK_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError(
            "SCOREBOOK_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
}()

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    target.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
