/// The IAM API over an `Account` value: one method per IAM action, each taking the principal who
/// makes the request. Every action is authorised first, then validated, then applied; an action
/// that throws leaves the account exactly as it was (all checks run before the first change).
public struct IAMService: Sendable {
    /// The account as it stands after the last successful action.
    public internal(set) var account: Account
    public let clock: any IAMClock
    public let random: any RandomSource
    public var authorizer: any Authorizer
    public var quotas: Quotas
    /// Counts the actions that changed the account, so callers know whether to save.
    public internal(set) var revision = 0
    /// Whether requests are recorded in `auditRecorder` (off while building sample accounts).
    public var recordsAudit = true
    /// Collects a CloudTrail-shaped record of every request, allowed or refused, for the caller to
    /// write to the trail beside the workspace (see `pendingAuditRecords`).
    public var auditRecorder = AuditRecorder()
    /// Collects the allowed requests for access advisor (see `absorbActivity()`).
    public var activityRecorder = ActivityRecorder()
    /// Context keys of the caller's session that policies can test, e.g. `aws:MultiFactorAuthPresent`
    /// after an MFA sign-in or `aws:SourceIp`. The clock's `aws:CurrentTime` and `aws:EpochTime` are added.
    public var callerContext: [String: [String]] = [:]
    /// The console session this service acts for, if any: its MFA keys (`aws:MultiFactorAuthPresent`,
    /// and `aws:MultiFactorAuthAge` counted to each request) are added to every request's context.
    public var session: ConsoleSession?
    /// The AWS Region requests are sent to (the CLI's `AWS_REGION`); STS records it as a role's last-used region.
    public var region = "us-east-1"
    /// How failed console sign-ins slow the next attempt.
    public var signInThrottle = SignInThrottle()
    /// The PBKDF2 cost of passwords this service sets (tests and the CLI's testing variable lower it).
    public var passwordHashIterations = PasswordHasher.defaultIterations

    public init(
        account: Account, clock: any IAMClock = SystemClock(), random: any RandomSource = SystemRandomSource(),
        authorizer: any Authorizer = EvaluatingAuthorizer(), quotas: Quotas = .standard
    ) {
        self.account = account
        self.clock = clock
        self.random = random
        self.authorizer = authorizer
        self.quotas = quotas
    }

    /// Authorises `principal` for `iam:ACTION` (or `service:Action` when `action` names its service)
    /// on `resource`, or throws AWS's error.
    ///
    /// The principal must exist in the account (a deleted user's keys stop working at once), an
    /// expired session is refused, and root-only tasks are refused for anyone but root before any
    /// policy is consulted. The session's policy, if any, must also allow the request.
    /// `grantedByAccount` is a grant the account gives without a policy (the password policy's
    /// AllowUsersToChangePassword): it stands in for an Allow, so only an explicit Deny refuses.
    func authorize(
        _ principal: Principal, _ action: String, _ resource: String, rootOnly: Bool = false,
        context: [String: [String]] = [:], grantedByAccount: Bool = false
    ) throws(IAMError) {
        let now = clock.now()
        if let session, session.isExpired(at: now) { throw .expiredToken }
        try checkPrincipalExists(principal)
        if case .root = principal { return }
        let fullAction = Self.qualified(action)
        let prefix =
            "User: \(principal.arn(in: account)) is not authorized to perform: \(fullAction) on resource: \(resource)"
        if rootOnly {
            throw IAMError(
                .accessDenied, prefix + " because only the root user of account \(account.id) can perform this task")
        }
        var request = AuthorizationRequest(
            principal: principal, action: fullAction, resource: resource, context: context)
        request.sessionPolicies = session?.sessionPolicy.map { [$0] } ?? []
        switch authorizer.authorize(request, in: account, callerContext: requestContext(at: now)) {
        case .allowed:
            // The one place every allowed request passes, console and CLI alike.
            noteActivity(principal, fullAction)
        case .implicitDeny where grantedByAccount:
            noteActivity(principal, fullAction)
        case .explicitDeny(let reason), .implicitDeny(let reason):
            throw IAMError(.accessDenied, prefix + (reason.hasPrefix("with ") ? " " : " because ") + reason)
        }
    }

    /// Refuses a principal that no longer exists: its credentials are invalid from that moment.
    func checkPrincipalExists(_ principal: Principal) throws(IAMError) {
        switch principal {
        case .root: return
        case .user(let name): if account.user(named: name) == nil { throw .invalidToken }
        case .roleSession(let role, _): if account.role(named: role) == nil { throw .invalidToken }
        }
    }

    /// The caller's context keys at `now`: `callerContext`, the time keys and the session's keys.
    func requestContext(at now: Timestamp) -> [String: [String]] {
        var caller = callerContext
        caller["aws:CurrentTime"] = [String(now.iso8601.prefix(19)) + "Z"]
        caller["aws:EpochTime"] = [String(now.seconds)]
        if let session { caller.merge(session.contextKeys(at: now)) { _, sessionValue in sessionValue } }
        return caller
    }

    /// `CreateUser` → `iam:CreateUser`; an action that already names its service is kept.
    static func qualified(_ action: String) -> String { action.contains(":") ? action : "iam:" + action }

    /// Notes a successful change so callers know to save; the request's audit record is made by
    /// the public action around it.
    mutating func committed(_ principal: Principal, _ action: String, _ resource: String) {
        revision += 1
        // Every write is also the moment to forget credentials that can never be used again.
        account.pruneExpiredCredentials(at: clock.now())
    }

    /// As ``committed(_:_:_:)`` for a change to a policy the access analyzers read (a resource-based policy
    /// or a role's trust policy, including the resource's creation or deletion): the analyzers' findings
    /// for `resource` are brought up to date.
    mutating func committedPolicyChange(_ principal: Principal, _ action: String, _ resource: String) {
        account.reanalyze(arn: resource, at: clock.now())
        committed(principal, action, resource)
    }

    /// Replaces the account wholesale (used when the workspace is reloaded from disk).
    public mutating func replaceAccount(_ newAccount: Account) {
        account = newAccount
        revision += 1
    }

    // MARK: Lookups that throw AWS's NoSuchEntity

    func existingUser(_ name: String) throws(IAMError) -> User {
        guard let user = account.user(named: name) else { throw .noSuchUser(name) }
        return user
    }

    func existingGroup(_ name: String) throws(IAMError) -> Group {
        guard let group = account.group(named: name) else { throw .noSuchGroup(name) }
        return group
    }

    func existingRole(_ name: String) throws(IAMError) -> Role {
        guard let role = account.role(named: name) else { throw .noSuchRole(name) }
        return role
    }
}
