/// Which services an action pattern reaches, for access advisor's "services this policy grants".
extension ActionCatalog {
    /// The prefixes of the services with at least one action that `pattern` (`s3:Get*`, `iam:*`,
    /// `*`) matches, compared without regard to case.
    public func servicePrefixes(matching pattern: String) -> Set<String> {
        let lowered = pattern.lowercased()
        if lowered == "*" { return Set(services.keys) }
        guard let colon = lowered.firstIndex(of: ":") else { return [] }
        let servicePattern = String(lowered[..<colon])
        let actionPattern = String(lowered[lowered.index(after: colon)...])
        var result: Set<String> = []
        for (prefix, service) in services where Glob.matches(servicePattern, prefix) {
            if actionPattern == "*" || !service.actions(matching: actionPattern).isEmpty { result.insert(prefix) }
        }
        return result
    }

    /// The prefixes of the services with at least one action that none of `patterns` matches:
    /// what an Allow statement with `NotAction` grants.
    public func servicePrefixes(notMatchingAll patterns: [String]) -> Set<String> {
        let lowered = patterns.map { $0.lowercased() }
        if lowered.contains("*") { return [] }
        let split: [(service: String, action: String)] = lowered.compactMap { pattern in
            guard let colon = pattern.firstIndex(of: ":") else { return nil }
            return (String(pattern[..<colon]), String(pattern[pattern.index(after: colon)...]))
        }
        var result: Set<String> = []
        for (prefix, service) in services {
            let relevant = split.filter { Glob.matches($0.service, prefix) }.map(\.action)
            if relevant.contains("*") { continue }
            if relevant.isEmpty
                || service.actions.keys.contains(where: { name in
                    !relevant.contains { Glob.matches($0, name) }
                })
            {
                result.insert(prefix)
            }
        }
        return result
    }

    /// The names of the actions of service `prefix` that `pattern` (`s3:Get*`, `*`) matches.
    public func actionNames(of prefix: String, matching pattern: String) -> [String] {
        guard let service = service(prefix) else { return [] }
        let lowered = pattern.lowercased()
        if lowered == "*" { return service.actions.values.map(\.name) }
        guard let colon = lowered.firstIndex(of: ":"), Glob.matches(String(lowered[..<colon]), prefix.lowercased())
        else { return [] }
        return service.actions(matching: String(lowered[lowered.index(after: colon)...])).map(\.name)
    }
}
