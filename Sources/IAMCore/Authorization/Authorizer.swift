/// One request to authorise: a principal performing an IAM action on a resource.
public struct AuthorizationRequest: Sendable, Equatable {
    public var principal: Principal
    /// The action in `service:Action` form, e.g. `iam:CreateUser`.
    public var action: String
    /// The ARN of the resource acted on (`*` for actions without a resource).
    public var resource: String

    public init(principal: Principal, action: String, resource: String) {
        self.principal = principal
        self.action = action
        self.resource = resource
    }
}

/// The outcome of an authorisation, in the words of AWS's policy simulator.
public enum AuthorizationDecision: Sendable, Equatable {
    case allowed
    /// A Deny statement matched; `source` names where (e.g. "an identity-based policy").
    case explicitDeny(source: String)
    /// No statement allowed the request; `reason` completes AWS's AccessDenied message.
    case implicitDeny(reason: String)
}

/// Decides whether a principal may perform an action. `IAMService` asks before every action, so the
/// signed-in principal sees AWS's `AccessDenied` where their policies do not reach.
public protocol Authorizer: Sendable {
    func authorize(_ request: AuthorizationRequest, in account: Account) -> AuthorizationDecision
}
