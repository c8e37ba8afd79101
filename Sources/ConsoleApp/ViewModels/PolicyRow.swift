import IAMCore

/// One row of the Policies list: a customer managed policy or one from the AWS managed catalog.
struct PolicyRow: Sendable, Equatable {
    var name: String
    /// `AWS managed`, `AWS managed - job function` or `Customer managed`.
    var type: String
    /// `Permissions policy (N)`, `Permissions boundary (N)`, both, or `Not used`.
    var usedAs: String
    var description: String
    var arn: String

    /// The cells in the Policies list's column order.
    var cells: [String] { [name, type, usedAs, description] }

    /// How often each policy ARN is attached as a permissions policy and as a boundary.
    struct Usage: Sendable {
        var permissions: [String: Int] = [:]
        var boundaries: [String: Int] = [:]

        /// Counts every attachment in the account in one pass.
        init(_ account: Account) {
            for user in account.users.values {
                for arn in user.attachedPolicies { permissions[arn, default: 0] += 1 }
                if let boundary = user.permissionsBoundary { boundaries[boundary, default: 0] += 1 }
            }
            for group in account.groups.values {
                for arn in group.attachedPolicies { permissions[arn, default: 0] += 1 }
            }
            for role in account.roles.values {
                for arn in role.attachedPolicies { permissions[arn, default: 0] += 1 }
                if let boundary = role.permissionsBoundary { boundaries[boundary, default: 0] += 1 }
            }
        }

        /// The Used as column for one ARN.
        func usedAs(_ arn: String) -> String {
            var parts: [String] = []
            if let count = permissions[arn] { parts.append("Permissions policy (\(count))") }
            if let count = boundaries[arn] { parts.append("Permissions boundary (\(count))") }
            return parts.isEmpty ? "Not used" : parts.joined(separator: ", ")
        }
    }

    /// A customer managed policy's row.
    init(_ policy: ManagedPolicy, usage: Usage, in account: Account) {
        arn = account.arn(of: policy)
        name = policy.name
        type = DisplayFormat.policyType(arn: arn)
        usedAs = usage.usedAs(arn)
        description = policy.description ?? ""
    }

    /// An AWS managed policy's row.
    init(_ policy: AWSManagedPolicy, usage: Usage) {
        arn = policy.arn
        name = policy.name
        type = DisplayFormat.policyType(arn: arn)
        usedAs = usage.usedAs(arn)
        description = policy.description ?? ""
    }
}
