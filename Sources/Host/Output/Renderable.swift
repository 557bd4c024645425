/// Output a command prints: a table fitted to a width, CSV or JSON.
///
/// The width is the caller's to give (the command line passes its terminal's); nothing in the host knows the terminal.
public protocol Renderable {
    /// The output in `format`; a table is fitted to `width` columns, and nil (files, pipes, scripts) never cuts a cell.
    func render(_ format: OutputFormat, width: Int?) -> String
}
