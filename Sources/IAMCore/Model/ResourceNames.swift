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
        // Byte positions rather than Character splitting: imports parse thousands of these.
        let prefix = "arn:aws:iam::"
        guard arn.utf8.starts(with: prefix.utf8) else { return nil }
        let utf8 = arn.utf8
        let accountStart = utf8.index(utf8.startIndex, offsetBy: prefix.utf8.count)
        guard let colon = utf8[accountStart...].firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let resource = utf8[utf8.index(after: colon)...]
        guard let slash = resource.firstIndex(of: UInt8(ascii: "/")),
            let last = resource.lastIndex(of: UInt8(ascii: "/"))
        else { return nil }
        account = String(arn[accountStart..<colon])
        kind = String(arn[resource.startIndex..<slash])
        path = String(arn[slash...last])
        name = String(arn[utf8.index(after: last)...])
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
