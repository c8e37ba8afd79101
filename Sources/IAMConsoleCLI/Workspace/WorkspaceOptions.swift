/// The `--name value` and `--switch` options of the workspace commands, with positional arguments.
struct WorkspaceOptions {
    var options: [String: String] = [:]
    /// Options that take every following word up to the next `--option` (`--cloudtrail A B C`).
    var lists: [String: [String]] = [:]
    var switches: Set<String> = []
    var positional: [String] = []

    static func parse(
        _ words: [String], valued: Set<String>, listed: Set<String> = [], switches: Set<String>, usage: String
    ) -> Self? {
        var result = Self()
        var index = 0
        while index < words.count {
            let word = words[index]
            let name = String(word.dropFirst(2))
            if !word.hasPrefix("--") {
                result.positional.append(word)
                index += 1
            } else if valued.contains(name) {
                guard index + 1 < words.count else {
                    printError("iamconsole: error: argument --\(name): expected one argument")
                    return nil
                }
                result.options[name] = words[index + 1]
                index += 2
            } else if listed.contains(name) {
                var values: [String] = []
                index += 1
                while index < words.count, !words[index].hasPrefix("--") {
                    values.append(words[index])
                    index += 1
                }
                guard !values.isEmpty else {
                    printError("iamconsole: error: argument --\(name): expected at least one argument")
                    return nil
                }
                result.lists[name, default: []] += values
            } else if switches.contains(name) {
                result.switches.insert(name)
                index += 1
            } else {
                printError("iamconsole: error: unknown option \(word)\n\(usage)")
                return nil
            }
        }
        return result
    }
}
