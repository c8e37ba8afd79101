import IAMCore

/// The IAM call behind each view, so a view the signed-in principal may not read shows AWS's
/// access-denied message instead of its data (as the IAM console does when its List or Get call
/// is refused).
enum ViewAccess {
    /// The action (without `iam:`) and resource the view's data comes from; nil for views that
    /// need no call of their own (the simulator authorises each run).
    static func requirement(for route: Route, in account: Account) -> (action: String, resource: String)? {
        let prefix = "arn:aws:iam::\(account.id):"
        switch route {
        case .section(.dashboard): return ("GetAccountSummary", "*")
        case .section(.users): return ("ListUsers", prefix + "user/")
        case .section(.groups): return ("ListGroups", prefix + "group/")
        case .section(.roles): return ("ListRoles", prefix + "role/")
        case .section(.policies): return ("ListPolicies", prefix + "policy/")
        case .section(.passwordPolicy): return ("GetAccountPasswordPolicy", "*")
        case .section(.credentialReport): return ("GenerateCredentialReport", "*")
        case .section(.accessAdvisor): return ("GenerateServiceLastAccessedDetails", "*")
        // The trail is the tool's own log, like CloudTrail's: reading it is cloudtrail:LookupEvents.
        case .section(.auditLog), .auditRecord: return ("cloudtrail:LookupEvents", "*")
        // Access Analyzer's actions, on the analyzers' ARNs (every analyzer when there are several).
        case .section(.accessAnalyzer):
            return ("access-analyzer:ListFindings", AnalyzerRows.analyzerResource(in: account))
        case .finding(let analyzer, _):
            return account.analyzers[analyzer].map { ("access-analyzer:GetFinding", $0.arn) }
        case .section: return nil
        case .user(let name): return account.user(named: name).map { ("GetUser", account.arn(of: $0)) }
        case .group(let name): return account.group(named: name).map { ("GetGroup", account.arn(of: $0)) }
        case .role(let name): return account.role(named: name).map { ("GetRole", account.arn(of: $0)) }
        case .policy(let arn): return ("GetPolicy", arn)
        case .inlinePolicy(let owner, _):
            let kind = owner.kind.rawValue
            return InlinePolicyDetailScreen.ownerARN(owner, in: account).map { ("Get\(kind)Policy", $0) }
        }
    }

    /// AWS's access-denied message for `route`, or nil when the principal may read it.
    static func denial(
        for route: Route, in account: Account, as principal: Principal?, session: ConsoleSession?, now: Timestamp
    ) -> String? {
        guard let principal, principal != .root else { return nil }
        if route == .section(.root) {
            return "AccessDenied: only the root user of account \(account.id) can view and manage the root user's "
                + "security credentials. Sign in as the root user."
        }
        guard let need = requirement(for: route, in: account) else { return nil }
        // The console's clock (frozen in tests), so session expiry and aws:CurrentTime agree with it.
        var service = IAMService(account: account, clock: FixedClock(now))
        service.session = session
        do {
            try service.checkAccess(principal, action: need.action, resource: need.resource)
            return nil
        } catch {
            return "\(error.code.rawValue): \(error.message)"
        }
    }
}
