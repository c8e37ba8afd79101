/// What each kind of policy said about a request, and the decision that follows from it, in the
/// documented order (POLICY-EVALUATION §1.1, *Policy evaluation logic*).
///
/// Both ways of evaluating (``PolicyEvaluator/Engine`` and the traced scan of every statement) fill this in
/// and call ``decide(_:)``, so the decision procedure exists once.
struct PolicyVerdicts {
    /// The source of the first matching `Deny`, if any.
    var firstDeny: PolicySourceKind?
    var identityAllows = false
    var boundaryAllows = false
    var sessionAllows = false
    var firstUnsatisfiedSCPLevel: Int?
    var resourceGrant: PrincipalGrant?

    /// Which statements a decision reports: every matching `Deny`, the `Allow`s relied on, or none.
    enum Evidence {
        case denies, allows, none
    }

    /// The decision, which statements it reports, and why the request was denied.
    func decide(_ request: UnsafePointer<EvaluationRequest>) -> (Decision, Evidence, DenialReason?) {
        let traits = request.pointee.principalTraits
        // Step 1: an explicit deny in any policy is final, for the root user too.
        if let firstDeny { return (.explicitDeny, .denies, .explicitDeny(firstDeny)) }
        // Step 2: SCPs need an Allow at every level; missing one is an implicit deny.
        if firstUnsatisfiedSCPLevel != nil { return (.implicitDeny, .none, .noServiceControlPolicy) }
        let crossAccount = request.pointee.resourceAccount.map { $0 != request.principal.pointee.accountId } ?? false
        let resourceMustAllow = crossAccount || request.pointee.resourcePolicyKind != .generic
        // Step 3 exceptions and step 8: the resource policy must allow by itself.
        if resourceMustAllow, resourceGrant == nil { return (.implicitDeny, .none, .noResourcePolicy) }
        // Principals outside any account's IAM have no identity policies: only the resource policy can grant.
        guard traits.isAccountIdentity else {
            if resourceGrant == nil { return (.implicitDeny, .none, .noResourcePolicy) }
            return (.allowed, .allows, nil)
        }
        // Step 7: the root user is allowed absent an explicit deny, with SCPs satisfied.
        if traits.isRoot { return (.allowed, .allows, nil) }
        if !crossAccount {
            switch resourceGrant {
            case .direct?:
                return (.allowed, .allows, nil)
            case .role?:
                return limits(request, checkIdentity: false)
            case .account?, nil:
                break
            }
        }
        // Steps 4-6 (and the trusted side cross-account, where naming the user bypasses nothing).
        return limits(request, checkIdentity: true)
    }

    /// Identity (optionally), then boundary, then session policy: each must allow when present.
    private func limits(
        _ request: UnsafePointer<EvaluationRequest>, checkIdentity: Bool
    ) -> (Decision, Evidence, DenialReason?) {
        if checkIdentity, !identityAllows { return (.implicitDeny, .none, .noIdentityPolicy) }
        if request.pointee.permissionsBoundary != nil, !boundaryAllows {
            return (.implicitDeny, .none, .noPermissionsBoundary)
        }
        if !request.pointee.sessionPolicies.isEmpty, !sessionAllows { return (.implicitDeny, .none, .noSessionPolicy) }
        return (.allowed, .allows, nil)
    }
}

/// Why a request was denied; ``text(action:)`` is the end of AWS's AccessDenied message.
enum DenialReason: Sendable, Equatable {
    case explicitDeny(PolicySourceKind)
    case noServiceControlPolicy
    case noResourcePolicy
    case noIdentityPolicy
    case noPermissionsBoundary
    case noSessionPolicy

    func text(action: String) -> String {
        switch self {
        case .explicitDeny(let source): "with an explicit deny in \(source.deniedPhrase)"
        case .noServiceControlPolicy: "no service control policy allows the \(action) action"
        case .noResourcePolicy: "no resource-based policy allows the \(action) action"
        case .noIdentityPolicy: "no identity-based policy allows the \(action) action"
        case .noPermissionsBoundary: "no permissions boundary allows the \(action) action"
        case .noSessionPolicy: "no session policy allows the \(action) action"
        }
    }
}
