/// Migration 5: trained models, one row per `scorebook train`, read back by score name (the newest wins).
enum TrainedModelSchema {
    static let sql = """
        CREATE TABLE trained_models (
            id INTEGER PRIMARY KEY,
            score_name TEXT NOT NULL,
            module TEXT NOT NULL,
            outcome TEXT NOT NULL,
            as_of TEXT NOT NULL,
            horizon_days INTEGER NOT NULL,
            training_rows INTEGER NOT NULL,
            held_out_rows INTEGER NOT NULL,
            held_out_auc REAL NOT NULL,
            model TEXT NOT NULL,
            trained_at TEXT NOT NULL
        );
        CREATE INDEX trained_models_by_name ON trained_models (score_name, id);
        """
}
