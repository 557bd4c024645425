import Foundation
import Testing

@testable import LifetimeValueScore

@Test func theSearchEndsWhereTheCallerSaysAndCountsAsConverged() {
    // Unbounded below along x: without an end the search would run every iteration of every restart.
    let endless = NelderMead().minimise({ -$0[0] }, from: [0])
    #expect(!endless.converged)
    let ended = NelderMead(endsAt: { $0[0] > 10 }).minimise({ -$0[0] }, from: [0])
    #expect(ended.converged)
    #expect(ended.point[0] > 10 && ended.point[0] < 100, "\(ended.point)")
}

@Test func aRunawaySpendFitStopsAtTheEdgeAndStaysDegenerate() {
    // Spend differs between accounts but never within one: every purchase count has the same 25 mean spends, so
    // nothing of the spread shrinks with more purchases and p, the shape of spend within an account, grows without
    // bound; each account's own mean spend is the estimate.
    let steady = (0..<300).map { index in
        let frequency = Double(1 + index % 12)
        let price = 20 * pow(1.3, Double(index / 12)) * 12 / frequency
        return PurchaseSummary(frequency: frequency, recency: frequency * 30, age: frequency * 30 + 20, monetary: price)
    }
    let fit = GammaGammaModel.fit(steady)
    #expect(fit.converged)
    #expect(fit.model.isDegenerate)
    #expect(fit.model.p < 1e8, "p \(fit.model.p), q \(fit.model.q), gamma \(fit.model.gamma)")
    for customer in steady {
        let average = fit.model.expectedAverageValue(customer)
        #expect(abs(average - customer.monetary) < 1e-3 * customer.monetary, "\(average) for \(customer.monetary)")
    }
}
