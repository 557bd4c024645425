/// Migration 11: how a result's components are laid out, so runs can store them without repeating the keys.
///
/// `components_layout` 0 (every result stored before) is a JSON array of objects; 1 is an array of positional arrays
/// `[signal, raw, normalised, weight, contribution, manual]`. `ScoreRunStore.results` reads either into components
/// (`CompactComponents`).
enum CompactComponentsSchema {
    static let sql = """
        ALTER TABLE score_results ADD COLUMN components_layout INTEGER NOT NULL DEFAULT 0;
        """
}
