/// One request to authorise: a principal performing an IAM action on a resource, with the
/// request-specific context keys the action supplies (`iam:PolicyARN`, `aws:RequestTag/…`, ...).
public struct AuthorizationRequest: Sendable, Equatable {
    public var principal: Principal
    /// The action in `service:Action` form, e.g. `iam:CreateUser`.
    public var action: String
    /// The ARN of the resource acted on (`*` for actions without a resource).
    public var resource: String
    /// Context keys this request adds to the principal's, each with one or more values.
    public var context: [String: [String]]
    /// The session policies of the caller's session (an assumed role's inline policy), as JSON text;
    /// when there are any, they must allow the request too.
    public var sessionPolicies: [String] = []

    public init(principal: Principal, action: String, resource: String, context: [String: [String]] = [:]) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.context = context
    }
}

/// The outcome of an authorisation, in the words of AWS's policy simulator.
public enum AuthorizationDecision: Sendable, Equatable {
    case allowed
    /// A Deny statement matched; `reason` completes AWS's AccessDenied message
    /// ("with an explicit deny in an identity-based policy").
    case explicitDeny(reason: String)
    /// Nothing allowed the request; `reason` completes AWS's AccessDenied message
    /// ("no identity-based policy allows the iam:CreateUser action").
    case implicitDeny(reason: String)
}

/// Decides whether a principal may perform an action. `IAMService` asks before every action, so the
/// signed-in principal sees AWS's `AccessDenied` where their policies do not reach.
public protocol Authorizer: Sendable {
    func authorize(
        _ request: AuthorizationRequest, in account: Account, callerContext: [String: [String]]
    )
        -> AuthorizationDecision
}
