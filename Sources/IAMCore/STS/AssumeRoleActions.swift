import IAMPolicy

/// What an AssumeRole evaluation decided: the role, and the facts the new session carries.
struct RoleAssumption {
    var role: Role
    var roleARN: String
    var mfaSerialNumber: String?
    var mfaAuthenticatedAt: Timestamp?
}

extension IAMService {
    /// AssumeRole: temporary credentials for a session of a role of this account.
    ///
    /// The caller must be allowed `sts:AssumeRole` on the role and the role's trust policy must allow
    /// the caller (evaluated together as POLICY-EVALUATION §1.1 describes: a trust policy that names the
    /// caller's own ARN is enough within the account, one that names the account also needs an identity
    /// allow), with `sts:ExternalId`, `sts:RoleSessionName`, the session tags as `aws:RequestTag/…`, and the
    /// MFA keys of the caller's session or of the `SerialNumber`/`TokenCode` given here. The root user
    /// cannot assume roles. The duration is 900 seconds to the role's MaxSessionDuration (default 3600),
    /// and at most an hour when the caller already uses temporary credentials (role chaining).
    public mutating func assumeRole(
        _ request: AssumeRoleRequest, as principal: Principal
    ) throws(IAMError) -> AssumeRoleResponse {
        try recorded("AssumeRole", request, principal, eventSource: AuditEventSource.sts) {
            (service: inout IAMService) throws(IAMError) -> AssumeRoleResponse in
            try service.handleAssumeRole(request, as: principal)
        }
    }

    private mutating func handleAssumeRole(
        _ request: AssumeRoleRequest, as principal: Principal
    ) throws(IAMError) -> AssumeRoleResponse {
        try STSValidation.check(request)
        let now = clock.now()
        if let session, session.isExpired(at: now) { throw .expiredToken }
        try checkPrincipalExists(principal)
        let duration = request.durationSeconds ?? STSValidation.Limits.defaultRoleDuration
        if session != nil, duration > STSValidation.Limits.chainedRoleMaximumDuration {
            throw IAMError(
                .validationError,
                "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.")
        }
        let policySize = try checkSessionPolicy(request.policy, tags: request.tags ?? [])
        var service = self
        let assumption = try service.evaluateAssumeRole(
            roleReference: request.roleArn, sessionName: request.roleSessionName, caller: principal,
            externalId: request.externalId, serialNumber: request.serialNumber, tokenCode: request.tokenCode,
            tags: request.tags ?? [], at: now)
        guard duration <= assumption.role.maxSessionDuration else {
            throw IAMError(
                .validationError, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")
        }
        self = service
        var (stored, credentials) = issueCredentials(.assumeRole, duration: duration, at: now)
        stored.roleName = assumption.role.name
        stored.roleSessionName = request.roleSessionName
        stored.mfaSerialNumber = assumption.mfaSerialNumber
        stored.mfaAuthenticatedAt = assumption.mfaAuthenticatedAt
        stored.sessionPolicy = request.policy
        stored.tags = request.tags ?? []
        account.temporaryCredentials[stored.accessKeyId] = stored
        account.roles[Account.key(assumption.role.name)]?.lastUsed = RoleLastUsed(date: now, region: region)
        committed(principal, "sts:AssumeRole", assumption.roleARN)
        return AssumeRoleResponse(
            credentials: credentials,
            assumedRoleUser: AssumedRoleUserShape(
                assumedRoleId: "\(assumption.role.id):\(request.roleSessionName)",
                arn: ResourceNames.assumedRole(account.id, role: assumption.role.name, session: request.roleSessionName)
            ),
            packedPolicySize: policySize)
    }

    /// Decides whether `caller` may assume the role named by `roleReference` (an ARN, or a name), and
    /// checks any MFA code given (recording it as used). Throws AWS's AccessDenied otherwise.
    mutating func evaluateAssumeRole(
        roleReference: String, sessionName: String, caller: Principal, externalId: String?, serialNumber: String?,
        tokenCode: String?, tags: [Tag], at now: Timestamp
    ) throws(IAMError) -> RoleAssumption {
        let callerARN = caller.arn(in: account)
        let denied = IAMError(
            .accessDenied,
            "User: \(callerARN) is not authorized to perform: sts:AssumeRole on resource: \(roleReference)")
        if case .root = caller { throw IAMError(.accessDenied, "Roles may not be assumed by root accounts.") }
        let verifiedSerial = try verifySTSCode(
            serialNumber: serialNumber, tokenCode: tokenCode, caller: caller, at: now)
        guard let role = role(referencedBy: roleReference) else { throw denied }
        let roleARN = account.arn(of: role)
        guard let trust = try? ParsedPolicy(name: "trust-policy", text: role.assumeRolePolicyDocument) else {
            throw denied
        }
        var context = requestContext(at: now)
        if verifiedSerial != nil {
            context["aws:MultiFactorAuthPresent"] = ["true"]
            context["aws:MultiFactorAuthAge"] = ["0"]
        }
        context["sts:RoleSessionName"] = [sessionName]
        if let externalId { context["sts:ExternalId"] = [externalId] }
        context.merge(RequestContextBuilder.requestTags(tags)) { _, new in new }
        var authorization = AuthorizationRequest(principal: caller, action: "sts:AssumeRole", resource: roleARN)
        authorization.sessionPolicies = session?.sessionPolicy.map { [$0] } ?? []
        var evaluation = EvaluatingAuthorizer.evaluationRequest(authorization, in: account, callerContext: context)
        evaluation.resourcePolicy = trust
        evaluation.resourcePolicyKind = .roleTrustPolicy
        guard PolicyEvaluator.evaluate(evaluation).decision == .allowed else { throw denied }
        let session = self.session
        return RoleAssumption(
            role: role, roleARN: roleARN, mfaSerialNumber: verifiedSerial ?? session?.mfaSerialNumber,
            mfaAuthenticatedAt: verifiedSerial != nil ? now : session?.mfaAuthenticatedAt)
    }

    /// A role of this account by ARN (path included) or, for the console, by name.
    private func role(referencedBy reference: String) -> Role? {
        guard reference.hasPrefix("arn:") else { return account.role(named: reference) }
        guard let name = IAMResourceName(reference), name.account == account.id, name.kind == "role",
            let role = account.role(named: name.name), role.path == name.path, role.name == name.name
        else { return nil }
        return role
    }

    /// Validates a session policy (`MalformedPolicyDocument`) and the packed size of it and the
    /// session tags (`PackedPolicyTooLarge`); returns the size in percent, or nil when neither was passed.
    ///
    /// AWS packs (compresses) the two into a binary form whose size it does not publish; this model
    /// counts the policy's characters other than white space plus the tags' keys and values against
    /// the 2,048 characters a plain-text policy may have, which errs on the strict side.
    func checkSessionPolicy(_ policy: String?, tags: [Tag]) throws(IAMError) -> Int? {
        if let policy { try PolicyChecks.validate(policy, kind: .identity, field: "policy") }
        guard policy != nil || !tags.isEmpty else { return nil }
        let tagSize = tags.reduce(0) { $0 + $1.key.count + $1.value.count }
        let packed = (policy.map(PolicyChecks.size) ?? 0) + tagSize
        let allotment = STSValidation.Limits.sessionPolicyLength
        let percent = (packed * 100 + allotment - 1) / allotment
        guard percent <= 100 else {
            throw IAMError(
                .packedPolicyTooLarge,
                tags.isEmpty
                    ? "Packed policy consumes \(percent)% of allotted space, please use smaller policy."
                    : "Packed size of session tags consumes \(percent)% of allotted space.")
        }
        return percent
    }
}
