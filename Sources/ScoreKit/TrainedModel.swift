import Foundation

/// A fitted logistic regression over standardised features: what `scorebook train` stores and a trained score reads.
///
/// `probability = 1 / (1 + exp(-(intercept + sum(coefficients[i] x (x[i] - means[i]) / deviations[i]))))`; a missing
/// feature counts as its training mean, so it adds nothing.
public struct TrainedModel: Sendable, Codable, Equatable {
    /// The features' names, in column order.
    public let features: [String]
    /// Each feature's mean over the training rows.
    public let means: [Double]
    /// Each feature's standard deviation over the training rows (1 for a constant feature).
    public let deviations: [Double]
    /// One coefficient per standardised feature.
    public let coefficients: [Double]
    /// The intercept: the log-odds of an account at every mean.
    public let intercept: Double
    /// ROC AUC on the held-out rows.
    public let heldOutAUC: Double
    /// Which stored model this is, in words (`model 3, trained as of 2026-08-02`); set by the host, not stored.
    public var source: String?

    /// Creates a model.
    public init(
        features: [String], means: [Double], deviations: [Double], coefficients: [Double], intercept: Double,
        heldOutAUC: Double
    ) {
        self.features = features
        self.means = means
        self.deviations = deviations
        self.coefficients = coefficients
        self.intercept = intercept
        self.heldOutAUC = heldOutAUC
    }

    enum CodingKeys: String, CodingKey {
        case features, means, deviations, coefficients, intercept
        case heldOutAUC = "held_out_auc"
    }

    /// The standardised values of one row; a missing or non-finite value is the mean, 0.
    public func standardised(_ row: [Double?]) -> [Double] {
        features.indices.map { index in
            guard index < row.count, let value = row[index], value.isFinite else { return 0 }
            return (value - means[index]) / deviations[index]
        }
    }

    /// The log-odds of one row.
    public func logOdds(_ row: [Double?]) -> Double {
        zip(coefficients, standardised(row)).reduce(intercept) { $0 + $1.0 * $1.1 }
    }

    /// The logistic function.
    public static func sigmoid(_ value: Double) -> Double {
        value >= 0 ? 1 / (1 + exp(-value)) : exp(value) / (1 + exp(value))
    }
}
