import IAMPolicy

/// What the resource actions share: authorisation with each service's own access-denied code,
/// policy validation with each service's malformed-policy code, and storing the resource.
extension IAMService {
    /// Authorises `service:Action` on `resource`; a refusal carries `deniedCode` (S3 says
    /// `AccessDenied`, the JSON services `AccessDeniedException`) with IAM's message.
    func authorizeResource(
        _ principal: Principal, _ action: String, _ resource: String, deniedCode: IAMError.Code = .accessDeniedException
    ) throws(IAMError) {
        do {
            try authorize(principal, action, resource)
        } catch {
            guard error.code == .accessDenied else { throw error }
            throw IAMError(deniedCode, error.message)
        }
    }

    /// Checks a resource-based policy with the grammar AWS applies to it (every statement names a
    /// principal) and the service's size limit, throwing the service's code.
    func checkResourcePolicy(_ text: String, code: IAMError.Code, maximumBytes: Int) throws(IAMError) {
        do {
            try PolicyChecks.validate(text, kind: .resource, field: "policy")
        } catch {
            throw IAMError(code, error.message)
        }
        if text.utf8.count > maximumBytes {
            throw IAMError(code, "Policy exceeds the maximum allowed document size of \(maximumBytes) bytes.")
        }
    }

    /// A fresh lowercase version 4 UUID from the service's random source (KMS key ids, Lambda revision ids).
    func uuid() -> String { Self.uuid(random.bytes(16)) }

    /// Stores (or, with nil, removes) a resource and records the change, re-analyzing it.
    mutating func commitResource(
        _ resource: SharedResource?, arn: String, _ principal: Principal, _ action: String
    ) {
        account.resources[arn] = resource
        committedPolicyChange(principal, action, arn)
    }
}
