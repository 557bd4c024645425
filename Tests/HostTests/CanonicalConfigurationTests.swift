import Testing

@testable import Host

/// A score's canonical settings and their fingerprint are the bytes databases already hold.
///
/// Each run stores both; `runs` and `check` show the fingerprint, and `check` gives a run's empty bands only when its
/// fingerprint is the configuration's. `JSONEncoder` writes the settings (keys in code-point order, `/` as `\/`), not
/// `JSONWriter`, so that they stay these bytes.
@Test func aScoresCanonicalSettingsAndFingerprintAreTheBytesRunsStored() throws {
    let configuration = try ScorebookConfiguration.parse(
        yaml: """
            scores:
              rfm:
                module: value
              clv:
                module: clv
                discount_rate_yearly: 0.30000000000000004
                band_floors: {"High/VIP": 1000.5, "low": 0, "Medium": 100, "Zoë": 10, "a10": 1, "a9": 2, "B": 3}
            """, file: "t.yml")
    let rfm = try configuration.score(named: "rfm")
    #expect(
        rfm.canonicalConfiguration
            == #"{"answers":"yes_no","items":["profile_fit","need_fit","low_effort","revenue_potential"],"#
            + #""method":"rfm","normalisation":"min-max","segments":[{"f":"5","m":"4-5","name":"Champion","r":"4-5"},"#
            + #"{"f":"4-5","m":"1-5","name":"Loyal","r":"3-5"},"#
            + #"{"f":"4-5","m":"4-5","name":"Can't Lose Them","r":"1-2"},"#
            + #"{"f":"1","m":"1-5","name":"New Customer","r":"5"},"#
            + #"{"f":"2-3","m":"1-5","name":"Potential Loyalist","r":"4-5"},"#
            + #"{"f":"1","m":"1-5","name":"Promising","r":"4"},{"f":"2-3","m":"1-5","name":"Needs Attention","r":"3"},"#
            + #"{"f":"1","m":"1-5","name":"About to Sleep","r":"3"},{"f":"2-5","m":"1-5","name":"At Risk","r":"2"},"#
            + #"{"f":"1-2","m":"1-5","name":"Lost","r":"1"},{"f":"1-5","m":"1-5","name":"Hibernating","r":"1-2"}],"#
            + #""window_days":365}"#)
    #expect(rfm.configurationHash == "13943c70775397d7")
    let clv = try configuration.score(named: "clv")
    #expect(
        clv.canonicalConfiguration
            == #"{"band_floors":{"B":3,"High\/VIP":1000.5,"Medium":100,"Zoë":10,"a10":1,"a9":2,"low":0},"#
            + #""discount_rate_yearly":0.30000000000000004,"horizon_days":90,"min_repeat_accounts":200}"#)
    #expect(clv.configurationHash == "866ec5aa3aa3aa84")
}
