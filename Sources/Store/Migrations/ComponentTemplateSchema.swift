/// Migration 12 (SQLite) and 5 (PostgreSQL): a run's component template, so each result stores only its own numbers.
///
/// `score_runs.component_template` holds `[[signal, weight, manual], ...]`, what every result of the run shares; a
/// result in `components_layout` 2 is the flat array `[raw, normalised, contribution, ...]` in the template's order
/// (`CompactComponents`). A result whose signals or weights differ from the template keeps layout 1.
enum ComponentTemplateSchema {
    static let sql = """
        ALTER TABLE score_runs ADD COLUMN component_template TEXT;
        """
}
