/// ARNs of IAM entities, built the way IAM builds them: `arn:aws:iam::ACCOUNT:KIND/PATH/NAME`.
public enum ResourceNames {
    public static func user(_ account: String, path: String, name: String) -> String {
        "arn:aws:iam::\(account):user\(path)\(name)"
    }
    public static func group(_ account: String, path: String, name: String) -> String {
        "arn:aws:iam::\(account):group\(path)\(name)"
    }
    public static func role(_ account: String, path: String, name: String) -> String {
        "arn:aws:iam::\(account):role\(path)\(name)"
    }
    public static func policy(_ account: String, path: String, name: String) -> String {
        "arn:aws:iam::\(account):policy\(path)\(name)"
    }
    public static func instanceProfile(_ account: String, path: String, name: String) -> String {
        "arn:aws:iam::\(account):instance-profile\(path)\(name)"
    }
    public static func mfa(_ account: String, path: String, name: String) -> String {
        "arn:aws:iam::\(account):mfa\(path)\(name)"
    }
    public static func root(_ account: String) -> String { "arn:aws:iam::\(account):root" }
    public static func assumedRole(_ account: String, role: String, session: String) -> String {
        "arn:aws:sts::\(account):assumed-role/\(role)/\(session)"
    }
}

/// The parts of an IAM ARN: account (or `aws`), kind (`user`, `policy`, ...), path and name.
public struct IAMResourceName: Sendable, Equatable {
    public var account: String
    public var kind: String
    public var path: String
    public var name: String

    /// Parses `arn:aws:iam::ACCOUNT:KIND/PATH/NAME`; nil when the text is not an IAM ARN of that form.
    public init?(_ arn: String) {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1] == "aws", parts[2] == "iam", parts[3].isEmpty else {
            return nil
        }
        account = String(parts[4])
        let resource = parts[5]
        guard let slash = resource.firstIndex(of: "/"), let last = resource.lastIndex(of: "/") else { return nil }
        kind = String(resource[..<slash])
        path = String(resource[slash...last])
        name = String(resource[resource.index(after: last)...])
        guard !kind.isEmpty, !name.isEmpty else { return nil }
    }
}

extension Account {
    public func arn(of user: User) -> String { ResourceNames.user(id, path: user.path, name: user.name) }
    public func arn(of group: Group) -> String { ResourceNames.group(id, path: group.path, name: group.name) }
    public func arn(of role: Role) -> String { ResourceNames.role(id, path: role.path, name: role.name) }
    public func arn(of policy: ManagedPolicy) -> String {
        ResourceNames.policy(id, path: policy.path, name: policy.name)
    }
    public func arn(of profile: InstanceProfile) -> String {
        ResourceNames.instanceProfile(id, path: profile.path, name: profile.name)
    }
    /// The root user's ARN, `arn:aws:iam::ACCOUNT:root`.
    public var rootARN: String { ResourceNames.root(id) }
}
