import Foundation
import ScoreKit

/// Lifetime and contract metrics (seed 003), each normalised across the base and weighted.
///
/// ACV is the current MRR x 12 when MRR changes are known, else the paid amount of the last 365 days.
/// CAGR compares the last year's spend with the first year's, over the years between them (needs two years of tenure).
/// ACV margin and LTV:CAC need a cost to serve and an acquisition cost on the account; a missing metric scores 0.
struct ContractScorer {
    let configuration: ValueConfiguration

    static let facts: [FactKey] = [
        .lifetimeRevenue, .currentMRR, .paidAmount(windowDays: 365), .firstYearRevenue, .tenureDays,
        .distinctProducts(windowDays: 365), .yearlyCostToServe, .acquisitionCost,
    ]

    func score(_ facts: FactTable) -> [ScoredAccount] {
        let lifetime = facts.column(.lifetimeRevenue)
        let base = lifetime.indices.filter { (lifetime[$0] ?? 0) > 0 }
        let mrr = facts.column(.currentMRR)
        let lastYear = facts.column(.paidAmount(windowDays: 365))
        let firstYear = facts.column(.firstYearRevenue)
        let tenure = facts.column(.tenureDays)
        let products = facts.column(.distinctProducts(windowDays: 365))
        let cost = facts.column(.yearlyCostToServe)
        let acquisition = facts.column(.acquisitionCost)

        var raw: [ContractSignal: [Double?]] = [:]
        raw[.lifetimeRevenue] = base.map { lifetime[$0] }
        let acv: [Double?] = base.map { index in
            if let monthly = mrr[index], monthly > 0 { return monthly * 12 }
            return lastYear[index] ?? 0
        }
        raw[.acv] = acv
        raw[.acvMargin] = zip(base, acv).map { index, acv in
            guard let cost = cost[index], let acv, acv > 0 else { return nil }
            return (acv - cost) / acv
        }
        raw[.cagr] = base.map { index in
            guard let days = tenure[index], days >= 730, let first = firstYear[index], first > 0,
                let last = lastYear[index], last > 0
            else { return nil }
            let years = Double(days - 365) / 365
            return pow(last / first, 1 / years) - 1
        }
        raw[.productDensity] = base.map { products[$0] ?? 0 }
        raw[.ltvToCAC] = base.map { index in
            guard let cac = acquisition[index], cac > 0, let revenue = lifetime[index] else { return nil }
            return revenue / cac
        }
        let signals = ContractSignal.allCases
        let none = Array<Double?>(repeating: nil, count: base.count)
        let rawColumns = signals.map { raw[$0] ?? none }
        // A missing metric (no cost known, too young for a CAGR) scores 0.
        let columns = SignalColumns(
            weights: configuration.effectiveWeights, raw: rawColumns,
            scaled: rawColumns.map { Normaliser.scale($0, by: configuration.normalisation) }, missing: 0)
        let bands = configuration.effectiveBands

        return base.indices.map { row in
            let components = columns.components(row: row)
            let value = components.total
            return ScoredAccount(
                accountID: facts.accounts[base[row]].id, value: value, band: bands.label(for: value),
                components: components)
        }
    }
}
