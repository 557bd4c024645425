import Testing

@testable import Host

/// A listing with a long free-text cell, wider than 40 columns as a table.
private func wideListing() -> Listing {
    var listing = Listing(columns: ["account_id", "name", "score"], numeric: [2])
    listing.rows = [["acc-000001", "A very long company name indeed, Incorporated", "99.5"]]
    return listing
}

@Test func aListingIsFittedToTheWidthItIsGiven() {
    let fitted = wideListing().render(.table, width: 40)
    #expect(fitted.split(separator: "\n").allSatisfy { $0.count <= 40 })
    #expect(fitted.contains("~"))
}

@Test func withoutAWidthNothingIsCut() {
    #expect(wideListing().render(.table).contains("Incorporated"))
    #expect(wideListing().render(.table, width: nil).contains("Incorporated"))
}

@Test func csvAndJSONIgnoreTheWidth() {
    for format in [OutputFormat.csv, .json] {
        #expect(wideListing().render(format, width: 20) == wideListing().render(format))
    }
}
