import Foundation

/// Column means and standard deviations over training rows; a missing value counts as its column's mean.
struct Standardiser {
    let means: [Double]
    /// Population standard deviations (as scikit-learn's StandardScaler); 1 for a constant column.
    let deviations: [Double]

    /// Measures the columns of `rows`.
    init(_ rows: [[Double?]], columns: Int) {
        var means: [Double] = []
        var deviations: [Double] = []
        for column in 0..<columns {
            let present = rows.compactMap { $0[column] }.filter(\.isFinite)
            let mean = present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
            // Imputed values sit on the mean, so they add nothing to the squares but count in n.
            let squares = present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let deviation = rows.isEmpty ? 0 : (squares / Double(rows.count)).squareRoot()
            means.append(mean)
            deviations.append(deviation > 1e-12 ? deviation : 1)
        }
        self.means = means
        self.deviations = deviations
    }

    /// A row's standardised values, missing ones 0.
    func transform(_ row: [Double?]) -> [Double] {
        means.indices.map { index in
            guard let value = row[index], value.isFinite else { return 0 }
            return (value - means[index]) / deviations[index]
        }
    }
}
