/// Event names of the actions that serve several AWS operations, one per kind of target.
enum AuditEventNames {
    /// `User`, `Group`, `Role` or `Policy`: the kind of entity the request names, for names such as
    /// `Attach{User,Group,Role}Policy`; `User` when it names none (the request then fails validation).
    static func target(
        user: String?, group: String? = nil, role: String? = nil, policy: String? = nil
    ) -> String {
        if user != nil { return "User" }
        if group != nil { return "Group" }
        if role != nil { return "Role" }
        if policy != nil { return "Policy" }
        return "User"
    }
}
