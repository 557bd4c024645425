/// The fewest positives and negatives (each) a training needs in each part of its split.
///
/// Defaults: 10 of each to fit on, 5 of each held out. Below that one account moves the held-out AUC by a tenth or
/// more and the coefficients follow a handful of accounts (issue 14: `--horizon 10d` fitted on 3 churns, 2 held out).
public struct TrainingMinimums: Sendable, Equatable {
    /// The default per class in the training part.
    public static let defaultTraining = 10
    /// The default per class in the held-out part.
    public static let defaultHeldOut = 5

    /// Positives and negatives each, in the rows fitted on.
    public let training: Int
    /// Positives and negatives each, in the rows held out for the AUC.
    public let heldOut: Int

    /// Creates minimums; a part needs at least 1 of each class whatever is asked.
    public init(training: Int = defaultTraining, heldOut: Int = defaultHeldOut) {
        self.training = max(1, training)
        self.heldOut = max(1, heldOut)
    }
}
