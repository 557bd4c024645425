import Foundation

/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares).
///
/// Minimises `sum(log-loss) + lambda / 2 x |coefficients|^2`; the intercept is not penalised. With `lambda = 1` this
/// is scikit-learn's `LogisticRegression(C=1)` on the same rows. The objective is strictly convex for `lambda > 0`, so
/// Newton steps converge in a handful of iterations on our few features.
public struct LogisticRegression: Sendable {
    /// The penalty on the coefficients.
    public let lambda: Double
    /// Newton iterations at most.
    public let maximumIterations: Int
    /// The largest step (in any parameter) at which the fit counts as converged.
    public let tolerance: Double

    /// The fitted intercept and coefficients, and how many Newton steps it took.
    public struct Fit: Sendable, Equatable {
        public let intercept: Double
        public let coefficients: [Double]
        public let iterations: Int
    }

    /// Creates a solver.
    public init(lambda: Double = 1, maximumIterations: Int = 100, tolerance: Double = 1e-10) {
        self.lambda = lambda
        self.maximumIterations = maximumIterations
        self.tolerance = tolerance
    }

    /// Fits rows `x` (one array of features per row) to labels `y` (0 or 1).
    public func fit(_ x: [[Double]], _ y: [Double]) throws -> Fit {
        guard !x.isEmpty, x.count == y.count else { throw TrainingError.noRows }
        let features = x[0].count
        let size = features + 1
        // Parameter 0 is the intercept, 1... the coefficients.
        var beta = Array(repeating: 0.0, count: size)
        for iteration in 1...maximumIterations {
            var gradient = Array(repeating: 0.0, count: size)
            var hessian = Array(repeating: Array(repeating: 0.0, count: size), count: size)
            for (row, label) in zip(x, y) {
                var logOdds = beta[0]
                for index in 0..<features { logOdds += beta[index + 1] * row[index] }
                let p = logOdds >= 0 ? 1 / (1 + exp(-logOdds)) : exp(logOdds) / (1 + exp(logOdds))
                let weight = p * (1 - p)
                let residual = p - label
                for a in 0..<size {
                    let xa = a == 0 ? 1 : row[a - 1]
                    gradient[a] += residual * xa
                    for b in 0...a {
                        hessian[a][b] += weight * xa * (b == 0 ? 1 : row[b - 1])
                    }
                }
            }
            for a in 0..<size {
                for b in 0..<a { hessian[b][a] = hessian[a][b] }
            }
            for index in 1..<size {
                gradient[index] += lambda * beta[index]
                hessian[index][index] += lambda
            }
            let step = try Self.solve(hessian, gradient)
            for index in 0..<size { beta[index] -= step[index] }
            if step.map(abs).max() ?? 0 < tolerance {
                return Fit(intercept: beta[0], coefficients: Array(beta.dropFirst()), iterations: iteration)
            }
        }
        throw TrainingError.noConvergence(iterations: maximumIterations)
    }

    /// Solves `a x = b` by Gaussian elimination with partial pivoting.
    static func solve(_ a: [[Double]], _ b: [Double]) throws -> [Double] {
        var m = a
        var v = b
        let n = v.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) } ?? column
            guard abs(m[pivot][column]) > 1e-300 else { throw TrainingError.singular }
            m.swapAt(column, pivot)
            v.swapAt(column, pivot)
            for row in (column + 1)..<max(n, column + 1) {
                let factor = m[row][column] / m[column][column]
                guard factor != 0 else { continue }
                for k in column..<n { m[row][k] -= factor * m[column][k] }
                v[row] -= factor * v[column]
            }
        }
        var x = Array(repeating: 0.0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = v[row]
            for k in (row + 1)..<max(n, row + 1) { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }
}
