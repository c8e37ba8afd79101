/// AWS's limit on a role session started by the console's Switch role.
public enum ConsoleRoleSwitch {
    /// Console role switching gives a one-hour session, whatever the role's MaxSessionDuration.
    public static let sessionDuration: Int64 = 3_600
}

extension IAMService {
    /// The console's "Switch role": starts a session of `role` for the signed-in `session`.
    ///
    /// It decides exactly as `assumeRole` does, in this order:
    /// 1. The signed-in session must not have expired (`ExpiredToken`) and its identity must still
    ///    exist (`InvalidClientTokenId`); the session name must be a valid role session name
    ///    (2–64 characters of `[\w+=,.@-]`, else `ValidationError`). It defaults to the user's name,
    ///    as the console uses it.
    /// 2. The root user cannot switch roles (`AccessDenied` "Roles may not be assumed by root accounts.").
    /// 3. `role` is a role name or a role ARN of this account; a missing role is refused with the same
    ///    `AccessDenied` as a denied one, so the answer reveals nothing.
    /// 4. One evaluation of `sts:AssumeRole` on the role's ARN with the user's identity policies,
    ///    boundary and the role's trust policy, in the session's context: the time keys, the MFA keys
    ///    of the sign-in (`aws:MultiFactorAuthPresent`, `aws:MultiFactorAuthAge` counted from the MFA
    ///    check), `aws:PrincipalTag/…` and `sts:RoleSessionName`. Denied: `AccessDenied` "User: ARN is
    ///    not authorized to perform: sts:AssumeRole on resource: ROLE".
    /// 5. On success the role's last use is recorded and an `sts:AssumeRole` audit event added (so the
    ///    account changed and should be saved), and the new session is returned: its principal is
    ///    `.roleSession(role:session:)`, it keeps the sign-in's MFA facts, and it expires one hour
    ///    from now (the console's limit). Set it as `IAMService.session` for the requests it makes.
    public mutating func switchRole(
        from signedIn: ConsoleSession, role: String, sessionName: String? = nil
    ) throws(IAMError) -> ConsoleSession {
        let request = SwitchRoleRecord(
            roleArn: role, roleSessionName: sessionName ?? defaultSessionName(for: signedIn.principal))
        let previous = session
        session = signedIn
        defer { session = previous }
        return try recorded("AssumeRole", request, signedIn.principal, eventSource: AuditEventSource.sts) {
            (service: inout IAMService) throws(IAMError) -> ConsoleSession in
            try service.handleSwitchRole(from: signedIn, role: role, sessionName: sessionName)
        }
    }

    private mutating func handleSwitchRole(
        from signedIn: ConsoleSession, role: String, sessionName: String? = nil
    ) throws(IAMError) -> ConsoleSession {
        let now = clock.now()
        if signedIn.isExpired(at: now) { throw .expiredToken }
        try checkPrincipalExists(signedIn.principal)
        let name = sessionName ?? defaultSessionName(for: signedIn.principal)
        var validation = STSValidation()
        validation.roleSessionName(name)
        try validation.check()
        var service = self
        service.session = signedIn
        let assumption = try service.evaluateAssumeRole(
            roleReference: role, sessionName: name, caller: signedIn.principal, externalId: nil, serialNumber: nil,
            tokenCode: nil, tags: [], at: now)
        service.session = session
        self = service
        account.roles[Account.key(assumption.role.name)]?.lastUsed = RoleLastUsed(date: now, region: region)
        committed(signedIn.principal, "sts:AssumeRole", assumption.roleARN)
        var switched = ConsoleSession(
            principal: .roleSession(role: assumption.role.name, session: name), signedInAt: now,
            mfaSerialNumber: signedIn.mfaSerialNumber, mfaAuthenticatedAt: signedIn.mfaAuthenticatedAt)
        let limit = now.adding(seconds: ConsoleRoleSwitch.sessionDuration)
        switched.expiresAt = signedIn.expiresAt.map { min($0, limit) } ?? limit
        return switched
    }

    /// The console names a switched session after the user (root and role sessions keep their own name).
    private func defaultSessionName(for principal: Principal) -> String {
        switch principal {
        case .root: return "root"
        case .user(let name): return name
        case .roleSession(_, let session): return session
        }
    }
}

/// What the audit trail records of a console role switch: the role and the session name, as an
/// AssumeRole request would carry them.
struct SwitchRoleRecord: Encodable {
    var roleArn: String
    var roleSessionName: String
}
