/// Names gathered from many lists, each once, in the order they first appear: the columns of rows that do not all
/// have the same ones.
enum FirstAppearance {
    /// The names of `lists`, each once, where it first appears.
    static func names<Lists: Sequence>(_ lists: Lists) -> [String] where Lists.Element: Sequence<String> {
        var seen: Set<String> = []
        var names: [String] = []
        for list in lists {
            for name in list where seen.insert(name).inserted { names.append(name) }
        }
        return names
    }
}
