/// Lets the global options (--db, --config) come before the subcommand, as in `scorebook --db x scores`: they are moved
/// after the subcommand's name, where each command's `GlobalOptions` reads them.
enum GlobalArgumentOrder {
    /// The options moved.
    static let names: Set<String> = ["--db", "--config"]

    /// The arguments (without the program's name) with leading global options moved after the subcommand.
    static func reordered(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard names.contains(name) else { break }
            if argument.contains("=") || index + 1 >= arguments.count {
                leading.append(argument)
                index += 1
            } else {
                leading += [argument, arguments[index + 1]]
                index += 2
            }
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
