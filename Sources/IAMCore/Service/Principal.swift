/// Who makes a request: the root user, an IAM user, or a session of an assumed role.
public enum Principal: Sendable, Hashable, CustomStringConvertible {
    case root
    case user(String)
    case roleSession(role: String, session: String)

    /// The principal's ARN in the given account.
    public func arn(in account: Account) -> String {
        switch self {
        case .root:
            return account.rootARN
        case .user(let name):
            guard let user = account.user(named: name) else {
                return ResourceNames.user(account.id, path: "/", name: name)
            }
            return account.arn(of: user)
        case .roleSession(let role, let session):
            return ResourceNames.assumedRole(
                account.id, role: account.role(named: role)?.name ?? role, session: session)
        }
    }

    public var description: String {
        switch self {
        case .root: return "root"
        case .user(let name): return "user/\(name)"
        case .roleSession(let role, let session): return "assumed-role/\(role)/\(session)"
        }
    }

    /// The user name for actions whose `UserName` defaults to the caller's own user.
    var ownUserName: String? {
        if case .user(let name) = self { return name }
        return nil
    }
}
