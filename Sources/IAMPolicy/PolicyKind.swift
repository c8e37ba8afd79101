/// Which kind of policy a document is, which decides the rules it must follow.
public enum PolicyKind: String, Sendable, CaseIterable {
    /// An inline policy embedded in a user, group or role; `Version` may be `2008-10-17` or absent.
    case identity
    /// An identity policy stored as a customer managed policy version; `Version` must be `2012-10-17`.
    case managed
    /// A role's trust policy: names who may assume the role, with no `Resource`.
    case trust
    /// A resource-based policy; every statement names a `Principal`.
    case resource
    /// A permissions boundary, checked like an identity policy.
    case boundary
    /// An AWS Organizations service control policy; never names a `Principal`.
    case scp
}
