/// The four-letter prefixes of IAM unique ids (IAM User Guide, "Understanding unique ID prefixes").
public enum IdentifierPrefix: String, Sendable, CaseIterable {
    case user = "AIDA"
    case group = "AGPA"
    case role = "AROA"
    case managedPolicy = "ANPA"
    case managedPolicyVersion = "ANVA"
    case instanceProfile = "AIPA"
    case accessKey = "AKIA"
    case temporaryAccessKey = "ASIA"
}

extension RandomSource {
    /// A new unique id: the prefix and 17 base32 characters (21 in all), or 16 for access keys (20 in all).
    public func identifier(_ prefix: IdentifierPrefix) -> String {
        switch prefix {
        case .accessKey, .temporaryAccessKey: return prefix.rawValue + base32(16)
        default: return prefix.rawValue + base32(17)
        }
    }
}
