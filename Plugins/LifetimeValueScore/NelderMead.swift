import Foundation

/// Nelder-Mead simplex minimisation (Lagarias et al.
///
/// 1998 coefficients), restarted from its best point until two runs agree, which guards against the simplex collapsing
/// early.
struct NelderMead {
    /// Where the search may end early: once the best point lies there the caller has its answer (a fit run off to an
    /// edge of the parameter space, say) and following the minimum further only costs time.
    ///
    /// Ending there counts as converged.
    var endsAt: ([Double]) -> Bool = { _ in false }
    /// Iterations per run.
    var maxIterations = 4_000
    /// Stop when the simplex's values differ by less than this.
    var tolerance = 1e-9
    /// Runs at most; the last must move the optimum by less than the tolerance.
    var maxRestarts = 8

    /// The minimum found, its value, and whether successive restarts agreed (convergence).
    func minimise(_ f: ([Double]) -> Double, from start: [Double]) -> (point: [Double], value: Double, converged: Bool)
    {
        var best = start
        var bestValue = f(start)
        for _ in 0..<maxRestarts {
            let (point, value) = run(f, from: best)
            let improvement = bestValue - value
            best = point
            bestValue = value
            if endsAt(best) { return (best, bestValue, true) }
            if improvement.isFinite && abs(improvement) < 1e-9 * max(1, abs(value)) { return (best, bestValue, true) }
        }
        return (best, bestValue, false)
    }

    private func run(_ f: ([Double]) -> Double, from start: [Double]) -> ([Double], Double) {
        let n = start.count
        var simplex = [start]
        for index in 0..<n {
            var vertex = start
            vertex[index] += vertex[index] == 0 ? 0.25 : 0.25 * abs(vertex[index]) + 0.1
            simplex.append(vertex)
        }
        var values = simplex.map(f)
        for _ in 0..<maxIterations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            if endsAt(simplex[0]) { break }
            if abs(values[n] - values[0]) <= tolerance * max(1, abs(values[0])) { break }
            let centroid = (0..<n).map { dimension in simplex[0..<n].reduce(0) { $0 + $1[dimension] } / Double(n) }
            func toward(_ factor: Double) -> [Double] {
                (0..<n).map { centroid[$0] + factor * (simplex[n][$0] - centroid[$0]) }
            }
            let reflected = toward(-1)
            let reflectedValue = f(reflected)
            if reflectedValue < values[0] {
                let expanded = toward(-2)
                let expandedValue = f(expanded)
                if expandedValue < reflectedValue {
                    (simplex[n], values[n]) = (expanded, expandedValue)
                } else {
                    (simplex[n], values[n]) = (reflected, reflectedValue)
                }
            } else if reflectedValue < values[n - 1] {
                (simplex[n], values[n]) = (reflected, reflectedValue)
            } else {
                let outside = reflectedValue < values[n]
                let contracted = toward(outside ? -0.5 : 0.5)
                let contractedValue = f(contracted)
                if contractedValue < (outside ? reflectedValue : values[n]) {
                    (simplex[n], values[n]) = (contracted, contractedValue)
                } else {
                    for index in 1...n {
                        simplex[index] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[index][$0] - simplex[0][$0]) }
                        values[index] = f(simplex[index])
                    }
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
        return (simplex[bestIndex], values[bestIndex])
    }
}
