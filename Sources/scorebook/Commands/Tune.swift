import ArgumentParser

/// `scorebook tune`: a score's weights, bands and grids to a spreadsheet and back.
struct Tune: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tune a score's weights, bands and grids in a spreadsheet: export them to CSV, import them back.",
        subcommands: [TuneExport.self, TuneImport.self]
    )
}
