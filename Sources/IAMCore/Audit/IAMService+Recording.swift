import Foundation
import IAMPolicy

/// The services CloudTrail names as a record's `eventSource`.
public enum AuditEventSource {
    public static let iam = "iam.amazonaws.com"
    public static let s3 = "s3.amazonaws.com"
    public static let kms = "kms.amazonaws.com"
    public static let sqs = "sqs.amazonaws.com"
    public static let lambda = "lambda.amazonaws.com"
    public static let secretsManager = "secretsmanager.amazonaws.com"
    public static let accessAnalyzer = "access-analyzer.amazonaws.com"
    public static let sts = "sts.amazonaws.com"
    public static let signIn = "signin.amazonaws.com"
}

extension IAMService {
    /// The audit records of the requests answered since they were last taken, oldest first.
    public var pendingAuditRecords: [CloudTrailRecord] { auditRecorder.pending }

    /// Returns the pending audit records and forgets them (the caller writes them to the trail).
    public func takeAuditRecords() -> [CloudTrailRecord] { auditRecorder.take() }

    /// Runs a changing action and records it, allowed or refused.
    ///
    /// Every public action goes through here (or the read-only twin below), so a request is
    /// recorded whatever stops it: validation, authorisation, or a conflict found on the way.
    mutating func recorded<Response>(
        _ eventName: String, _ request: (any Encodable)?, _ principal: Principal,
        eventSource: String = AuditEventSource.iam, _ body: (inout IAMService) throws(IAMError) -> Response
    ) throws(IAMError) -> Response {
        guard recordsAudit else {
            let response = try body(&self)
            absorbActivity()
            return response
        }
        let outermost = auditRecorder.enter()
        defer { auditRecorder.leave() }
        guard outermost else { return try body(&self) }
        let draft = auditDraft(eventName, request, principal, eventSource: eventSource, readOnly: false)
        do throws(IAMError) {
            let response = try body(&self)
            // A change that succeeded saves the activity of its request with it.
            absorbActivity()
            auditRecorder.append(draft.record(at: clock.now(), response: response as? any Encodable))
            return response
        } catch {
            auditRecorder.append(draft.record(at: clock.now(), error: error))
            throw error
        }
    }

    /// Runs a read-only action and records it; reads keep `responseElements` null, as CloudTrail does.
    func recorded<Response>(
        _ eventName: String, _ request: (any Encodable)?, _ principal: Principal,
        eventSource: String = AuditEventSource.iam, _ body: () throws(IAMError) -> Response
    ) throws(IAMError) -> Response {
        guard recordsAudit else { return try body() }
        let outermost = auditRecorder.enter()
        defer { auditRecorder.leave() }
        guard outermost else { return try body() }
        let draft = auditDraft(eventName, request, principal, eventSource: eventSource, readOnly: true)
        do throws(IAMError) {
            let response = try body()
            auditRecorder.append(draft.record(at: clock.now(), response: nil))
            return response
        } catch {
            auditRecorder.append(draft.record(at: clock.now(), error: error))
            throw error
        }
    }

    /// What is known before the action runs (who calls, with what), so that a caller who deletes or
    /// renames itself is still named as it was.
    private func auditDraft(
        _ eventName: String, _ request: (any Encodable)?, _ principal: Principal, eventSource: String, readOnly: Bool
    ) -> AuditDraft {
        let encoded = request.flatMap { try? AWSShapeEncoder.encode($0) } ?? .null
        return AuditDraft(
            identity: auditIdentity(of: principal), accountId: account.id, eventName: eventName,
            eventSource: eventSource, caller: auditRecorder.caller, readOnly: readOnly,
            parameters: AuditRedaction.requestParameters(encoded), secrets: AuditRedaction.secretValues(in: encoded))
    }

    /// The `userIdentity` of `principal`, with the console session's facts when there is one.
    func auditIdentity(of principal: Principal) -> CloudTrailIdentity {
        let now = clock.now()
        let sessionContext = session.map { session in
            CloudTrailIdentity.SessionContext(
                creationDate: session.signedInAt, mfaAuthenticated: session.mfaAuthenticatedAt != nil)
        }
        let keyId = auditRecorder.caller.accessKeyId
        switch principal {
        case .root:
            return CloudTrailIdentity(
                type: "Root", principalId: account.id, arn: account.rootARN, accountId: account.id,
                accessKeyId: keyId, sessionContext: sessionContext)
        case .user(let name):
            let user = account.user(named: name)
            return CloudTrailIdentity(
                type: "IAMUser", principalId: user?.id, arn: principal.arn(in: account), accountId: account.id,
                accessKeyId: keyId, userName: user?.name ?? name, sessionContext: sessionContext)
        case .roleSession(let roleName, let sessionName):
            let role = account.role(named: roleName)
            let issuer = CloudTrailIdentity.SessionIssuer(
                principalId: role?.id,
                arn: role.map(account.arn(of:)) ?? ResourceNames.role(account.id, path: "/", name: roleName),
                accountId: account.id, userName: role?.name ?? roleName)
            return CloudTrailIdentity(
                type: "AssumedRole", principalId: role.map { $0.id + ":" + sessionName },
                arn: principal.arn(in: account), accountId: account.id, accessKeyId: keyId,
                sessionContext: CloudTrailIdentity.SessionContext(
                    sessionIssuer: issuer, creationDate: session?.signedInAt ?? now,
                    mfaAuthenticated: session?.mfaAuthenticatedAt != nil))
        }
    }
}

/// A record under construction: everything but the outcome.
private struct AuditDraft {
    let identity: CloudTrailIdentity
    let accountId: String
    let eventName: String
    let eventSource: String
    let caller: AuditCaller
    let readOnly: Bool
    let parameters: JSONValue
    let secrets: [String]

    func record(at time: Timestamp, response: (any Encodable)?) -> CloudTrailRecord {
        var record = base(at: time)
        if let response, let encoded = try? AWSShapeEncoder.encode(response) {
            record.responseElements = AuditRedaction.responseElements(encoded)
        }
        return record
    }

    func record(at time: Timestamp, error: IAMError) -> CloudTrailRecord {
        var record = base(at: time)
        record.errorCode = error.code.cloudTrailName
        record.errorMessage = AuditRedaction.scrub(error.message, secrets: secrets)
        return record
    }

    private func base(at time: Timestamp) -> CloudTrailRecord {
        var record = CloudTrailRecord(
            userIdentity: identity, eventTime: time, eventSource: eventSource, eventName: eventName,
            userAgent: caller.userAgent, eventID: UUID().uuidString.lowercased(), eventType: "AwsApiCall",
            recipientAccountId: accountId, requestParameters: parameters)
        record.requestID = UUID().uuidString.lowercased()
        record.readOnly = readOnly
        return record
    }
}

extension IAMError.Code {
    /// The code as CloudTrail records it: IAM's modelled errors carry their shape name
    /// (`NoSuchEntityException`); the protocol-level ones (`AccessDenied`, `ValidationError`,
    /// `InvalidClientTokenId`, `SignatureDoesNotMatch`) keep the wire code.
    public var cloudTrailName: String {
        switch self {
        case .accessDenied, .validationError, .invalidClientTokenId, .signatureDoesNotMatch: return rawValue
        // The other services' codes are recorded as they are sent (S3's `NoSuchBucket`, KMS's
        // `NotFoundException`).
        case _ where isOtherServiceCode: return rawValue
        default: return rawValue + "Exception"
        }
    }
}
