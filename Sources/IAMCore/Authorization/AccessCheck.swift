extension IAMService {
    /// Asks whether `principal` may perform `iam:ACTION` on `resource`, exactly as the action
    /// itself would (same context, same session MFA keys, same AWS error), without performing it.
    ///
    /// The console's read-only views ask this before showing what the matching Get or List call
    /// would return, so a user without `iam:ListUsers` sees AWS's access-denied message in the
    /// Users view instead of the data. `action` is without the `iam:` prefix (`ListUsers`).
    public func checkAccess(_ principal: Principal, action: String, resource: String) throws(IAMError) {
        try authorize(principal, action, resource)
    }
}
