import Connectors
import Testing

@testable import Host

private func parse(_ sources: String) throws -> ScorebookConfiguration {
    try ScorebookConfiguration.parse(
        yaml: "sources:\n" + sources + "scores:\n  rfm:\n    module: value\n", file: "test.yml")
}

private func refusal(_ sources: String) -> String {
    do {
        _ = try parse(sources)
        return "accepted"
    } catch {
        return "\(error)"
    }
}

@Test func salesforceAndChargebeeNeedTheirOwnHost() {
    #expect(
        refusal("  sf:\n    kind: salesforce\n    token_env: SF\n")
            == #"test.yml:2: source "sf": no `base_url:`; salesforce has no common host, name yours (https://MYDOMAIN.my.salesforce.com)"#
    )
    #expect(
        refusal("  cb:\n    kind: chargebee\n    token_env: CB\n")
            == #"test.yml:2: source "cb": no `base_url:`; chargebee has no common host, name yours (https://SITE.chargebee.com)"#
    )
}

@Test func salesforceBatchesGoTo2000AndOthersTo100() throws {
    let configuration = try parse(
        "  sf:\n    kind: salesforce\n    base_url: https://x.my.salesforce.com\n    token_env: SF\n    "
            + "page_size: 2000\n"
    )
    #expect(configuration.sources.first?.pageSize == 2_000)
    #expect(
        refusal(
            "  cb:\n    kind: chargebee\n    base_url: https://x.chargebee.com\n    token_env: CB\n    page_size: 200\n"
        )
            == #"test.yml:6: source "cb": page_size must be 1-100"#)
}

@Test func chargebeeLinksThroughTheConfiguredFieldAndIsBilling() throws {
    let defaults = try parse("  cb:\n    kind: chargebee\n    base_url: https://x.chargebee.com\n    token_env: CB\n")
    #expect(defaults.sources.first?.linkField == "cf_salesforce_account_id")
    #expect(defaults.sources.first?.kind.isBilling == true)
    let hubspot = try parse(
        "  cb:\n    kind: chargebee\n    base_url: https://x.chargebee.com\n    token_env: CB\n    "
            + "crm_link_field: cf_hubspot_company_id\n"
    )
    let settings = try hubspot.sources.first?.settings(environment: ["CB": "key"], file: "test.yml")
    #expect(settings?.linkField == "cf_hubspot_company_id")
    #expect(SourceSettings.Kind.salesforce.isBilling == false)
    #expect(
        refusal(
            "  sf:\n    kind: salesforce\n    base_url: https://x.my.salesforce.com\n    token_env: SF\n    "
                + "crm_link_field: x\n"
        )
            == #"test.yml:6: source "sf": crm_link_field names a Chargebee customer field (e.g. cf_salesforce_account_id)"#
    )
}

@Test func crmSourcesTakeIndustriesAndCountriesOverTheStandardTables() throws {
    let configuration = try parse(
        "  hubspot:\n    kind: hubspot\n    token_env: HS\n    industries:\n      COMPUTER_SOFTWARE: saas\n"
            + "    countries:\n      Atlantis: GR\n")
    let vocabulary = try #require(configuration.sources.first?.vocabulary)
    #expect(vocabulary.industry("COMPUTER_SOFTWARE") == "saas" && vocabulary.country("Atlantis") == "GR")
    #expect(vocabulary.country("United States") == "US")
    #expect(
        refusal("  hubspot:\n    kind: hubspot\n    token_env: HS\n    countries:\n      Atlantis: Atlantis\n")
            == #"test.yml:6: source "hubspot": countries: "Atlantis" must map to an ISO 3166-1 alpha-2 code (US, GB)"#)
    #expect(
        refusal("  stripe:\n    kind: stripe\n    token_env: ST\n    industries:\n      X: y\n")
            == #"test.yml:6: source "stripe": industries is for CRM sources (hubspot, salesforce)"#)
}
