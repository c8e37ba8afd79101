import IAMCore

/// One row of the User groups list.
struct GroupRow: Sendable, Equatable {
    var name: String
    /// How many users are members.
    var users: Int
    /// The attached and inline policy names, summarised.
    var permissions: String
    var creationTime: String
    var arn: String

    /// The cells in the User groups list's column order.
    var cells: [String] { [name, String(users), permissions, creationTime] }

    /// Builds the row; `memberCount` comes from one pass over the users (see `AccountIndex`).
    init(_ group: Group, memberCount: Int, in account: Account) {
        name = group.name
        users = memberCount
        let names = group.attachedPolicies.map(DisplayFormat.policyName) + group.inlinePolicies.map(\.name)
        permissions = DisplayFormat.summary(names, shown: 2, none: "Not defined")
        creationTime = DisplayFormat.dateTime(group.createDate)
        arn = account.arn(of: group)
    }
}
