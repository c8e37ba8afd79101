import Foundation

/// Which audit records to show: by principal, action, outcome and time. Empty criteria match all.
public struct AuditFilter: Sendable, Equatable {
    /// Whether the request succeeded.
    public enum Outcome: String, Sendable, CaseIterable {
        case success
        case failure
    }

    /// A principal's ARN, or a name: a user or role name, a role session's name, or `root`.
    public var principal: String?
    /// An event name (`CreateUser`) or a prefixed action (`iam:CreateUser`), case-insensitive; a `*`
    /// matches any run of characters (`Create*`).
    public var action: String?
    public var outcome: Outcome?
    /// Records at or after this time.
    public var since: Timestamp?
    /// Records at or before this time.
    public var until: Timestamp?

    public init(
        principal: String? = nil, action: String? = nil, outcome: Outcome? = nil, since: Timestamp? = nil,
        until: Timestamp? = nil
    ) {
        self.principal = principal
        self.action = action
        self.outcome = outcome
        self.since = since
        self.until = until
    }

    /// Whether `record` meets every criterion.
    public func matches(_ record: CloudTrailRecord) -> Bool {
        if let since, record.eventTime < since { return false }
        if let until, record.eventTime > until { return false }
        if let outcome, record.succeeded != (outcome == .success) { return false }
        if let principal, !Self.names(record.userIdentity, principal) { return false }
        if let action, !Self.names(record, action) { return false }
        return true
    }

    private static func names(_ identity: CloudTrailIdentity, _ wanted: String) -> Bool {
        let lowered = wanted.lowercased()
        if let arn = identity.arn?.lowercased() {
            if arn == lowered || arn.hasSuffix("/" + lowered) || arn.contains("/" + lowered + "/") { return true }
        }
        if identity.userName?.lowercased() == lowered { return true }
        if let issuer = identity.sessionContext?.sessionIssuer, issuer.userName.lowercased() == lowered { return true }
        return lowered == "root" && identity.type == "Root"
    }

    private static func names(_ record: CloudTrailRecord, _ wanted: String) -> Bool {
        let service = record.eventSource.split(separator: ".").first.map(String.init) ?? ""
        let candidates = [record.eventName, service + ":" + record.eventName]
        return candidates.contains { glob(wanted.lowercased(), matches: $0.lowercased()) }
    }

    /// `*` matches any run of characters; everything else matches itself.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == text }
        guard let first = parts.first, let last = parts.last, text.hasPrefix(first) else { return false }
        var rest = Substring(text.dropFirst(first.count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}
