import Testing

@testable import LifetimeValueScore

/// Customers enough for the batch likelihood to sum its two halves on two threads, drawn from a fixed sequence.
private func customers(_ count: Int) -> [PurchaseSummary] {
    var state: UInt64 = 0x5C0_4EB0
    func draw(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    return (0..<count).map { _ in
        let age = Double(1 + draw(1_500))
        let frequency = Double(draw(4) == 0 ? 0 : draw(12))
        let recency = frequency == 0 ? 0 : Double(draw(Int(age)) + 1)
        return PurchaseSummary(frequency: frequency, recency: min(recency, age), age: age, monetary: 1)
    }
}

/// The batch likelihood, halves and caches included, is the sum of each customer's own log-likelihood.
@Test(arguments: [1_000, BetaGeometricModel.BatchLikelihood.halvedFrom + 1_001])
func theBatchLikelihoodIsTheSumOfEachCustomersOwn(count: Int) {
    let sample = customers(count)
    let model = BetaGeometricModel(r: 0.8, alpha: 40, a: 0.7, b: 3.5)
    let batch = BetaGeometricModel.BatchLikelihood(sample).total(model)
    let each = sample.reduce(0.0) { $0 + model.logLikelihood($1) }
    #expect(abs(batch - each) <= 1e-9 * abs(each), "batch \(batch), each \(each)")
    #expect(sample.contains { $0.frequency > 0 } && sample.contains { $0.frequency == 0 })
}
