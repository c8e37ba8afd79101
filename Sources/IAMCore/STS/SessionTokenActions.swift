extension IAMService {
    /// GetSessionToken: temporary credentials that act as the calling user (or root), carrying the
    /// MFA facts of the `SerialNumber`/`TokenCode` given, checked like a sign-in code.
    ///
    /// AWS requires no permission for it ("You cannot use policies to control authentication
    /// operations"), refuses it to callers that already use temporary credentials, and limits the
    /// duration to 900–129,600 seconds (default 43,200); the root user's sessions last at most an hour.
    /// Credentials obtained without MFA cannot call IAM (see `Account.authenticate`).
    public mutating func getSessionToken(
        _ request: GetSessionTokenRequest, as principal: Principal
    ) throws(IAMError) -> GetSessionTokenResponse {
        try recorded("GetSessionToken", request, principal, eventSource: AuditEventSource.sts) {
            (service: inout IAMService) throws(IAMError) -> GetSessionTokenResponse in
            try service.handleGetSessionToken(request, as: principal)
        }
    }

    private mutating func handleGetSessionToken(
        _ request: GetSessionTokenRequest, as principal: Principal
    ) throws(IAMError) -> GetSessionTokenResponse {
        try STSValidation.check(request)
        let now = clock.now()
        if let session, session.isExpired(at: now) { throw .expiredToken }
        try checkPrincipalExists(principal)
        guard session == nil, principal.isLongTermIdentity else {
            throw IAMError(.accessDenied, "Cannot call GetSessionToken with session credentials")
        }
        var duration = request.durationSeconds ?? STSValidation.Limits.defaultSessionTokenDuration
        if case .root = principal { duration = min(duration, STSValidation.Limits.rootSessionTokenMaximumDuration) }
        var service = self
        let verified = try service.verifySTSCode(
            serialNumber: request.serialNumber, tokenCode: request.tokenCode, caller: principal, at: now)
        self = service
        var (stored, credentials) = issueCredentials(.getSessionToken, duration: duration, at: now)
        stored.userName = principal.ownUserName.flatMap { account.user(named: $0)?.name }
        stored.mfaSerialNumber = verified
        stored.mfaAuthenticatedAt = verified.map { _ in now }
        account.temporaryCredentials[stored.accessKeyId] = stored
        committed(principal, "sts:GetSessionToken", principal.arn(in: account))
        return GetSessionTokenResponse(credentials: credentials)
    }

    /// GetCallerIdentity: who the caller is. It needs no permission, and an explicit deny of
    /// `sts:GetCallerIdentity` does not stop it (AWS documents both).
    public func getCallerIdentity(
        _ request: GetCallerIdentityRequest = GetCallerIdentityRequest(), as principal: Principal
    ) throws(IAMError) -> GetCallerIdentityResponse {
        try recorded("GetCallerIdentity", request, principal, eventSource: AuditEventSource.sts) {
            () throws(IAMError) -> GetCallerIdentityResponse in
            try handleGetCallerIdentity(as: principal)
        }
    }

    private func handleGetCallerIdentity(as principal: Principal) throws(IAMError) -> GetCallerIdentityResponse {
        if let session, session.isExpired(at: clock.now()) { throw .expiredToken }
        try checkPrincipalExists(principal)
        let userId: String
        switch principal {
        case .root: userId = account.id
        case .user(let name): userId = account.user(named: name)?.id ?? name
        case .roleSession(let role, let session): userId = "\(account.role(named: role)?.id ?? role):\(session)"
        }
        return GetCallerIdentityResponse(userId: userId, account: account.id, arn: principal.arn(in: account))
    }
}

extension Principal {
    /// Root or an IAM user: the identities with long-term credentials.
    var isLongTermIdentity: Bool {
        if case .roleSession = self { return false }
        return true
    }
}
