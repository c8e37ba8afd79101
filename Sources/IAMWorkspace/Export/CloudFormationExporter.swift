import IAMCore
import IAMPolicy

/// The account's IAM entities as a CloudFormation template (JSON), without secrets.
///
/// Users, groups, roles, customer managed policies and instance profiles become `AWS::IAM::*`
/// resources named as in the account; memberships are each user's `Groups`, attachments are
/// `ManagedPolicyArns` (a `Ref` to a policy in the template, the ARN of an AWS managed one), inline
/// policies are `Policies`. Login profiles, access keys and MFA devices are left out: they hold or
/// need secrets, and CloudFormation would put a password in the template.
public enum CloudFormationExporter {
    /// CloudFormation's limit of resources per template; a larger account still exports, and the
    /// caller says the template must be split before deploying.
    public static let resourceLimit = 500

    /// The template as the AWS CLI prints JSON, with a trailing newline, and its resource count.
    public static func template(_ account: Account) -> (text: String, resources: Int) {
        var ids = LogicalIds()
        let policies = Account.inNameOrder(account.policies)
        let groups = Account.inNameOrder(account.groups)
        let roles = Account.inNameOrder(account.roles)
        let users = Account.inNameOrder(account.users)
        let profiles = Account.inNameOrder(account.instanceProfiles)
        var policyIds: [String: String] = [:]
        for policy in policies { policyIds[account.arn(of: policy)] = ids.make("Policy", policy.name) }
        var groupIds: [String: String] = [:]
        for group in groups { groupIds[Account.key(group.name)] = ids.make("Group", group.name) }
        var roleIds: [String: String] = [:]
        for role in roles { roleIds[Account.key(role.name)] = ids.make("Role", role.name) }

        func arn(_ arn: String) -> JSONValue { policyIds[arn].map { ["Ref": .string($0)] } ?? .string(arn) }
        func inline(_ list: [InlinePolicy]) -> JSONValue {
            .array(list.map { ["PolicyName": .string($0.name), "PolicyDocument": PolicyExporter.value($0.document)] })
        }
        func tags(_ list: [Tag]) -> JSONValue {
            .array(list.map { ["Key": .string($0.key), "Value": .string($0.value)] })
        }

        var resources: [JSONMember] = []
        func add(_ id: String, _ type: String, _ properties: [JSONMember], dependsOn: [String] = []) {
            var members = [JSONMember(key: "Type", value: .string(type))]
            if !dependsOn.isEmpty {
                members.append(JSONMember(key: "DependsOn", value: .array(dependsOn.map { .string($0) })))
            }
            members.append(JSONMember(key: "Properties", value: .object(properties)))
            resources.append(JSONMember(key: id, value: .object(members)))
        }
        func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }

        for policy in policies {
            var properties = [
                member("ManagedPolicyName", .string(policy.name)), member("Path", .string(policy.path)),
                member("PolicyDocument", PolicyExporter.value(policy.defaultDocument)),
            ]
            if let description = policy.description, !description.isEmpty {
                properties.append(member("Description", .string(description)))
            }
            add(policyIds[account.arn(of: policy)] ?? "", "AWS::IAM::ManagedPolicy", properties)
        }
        for group in groups {
            var properties = [member("GroupName", .string(group.name)), member("Path", .string(group.path))]
            if !group.attachedPolicies.isEmpty {
                properties.append(member("ManagedPolicyArns", .array(group.attachedPolicies.map(arn))))
            }
            if !group.inlinePolicies.isEmpty { properties.append(member("Policies", inline(group.inlinePolicies))) }
            add(groupIds[Account.key(group.name)] ?? "", "AWS::IAM::Group", properties)
        }
        for role in roles {
            var properties = [
                member("RoleName", .string(role.name)), member("Path", .string(role.path)),
                member("AssumeRolePolicyDocument", PolicyExporter.value(role.assumeRolePolicyDocument)),
                member("MaxSessionDuration", .number(String(role.maxSessionDuration))),
            ]
            if let description = role.description, !description.isEmpty {
                properties.append(member("Description", .string(description)))
            }
            if !role.attachedPolicies.isEmpty {
                properties.append(member("ManagedPolicyArns", .array(role.attachedPolicies.map(arn))))
            }
            if let boundary = role.permissionsBoundary {
                properties.append(member("PermissionsBoundary", arn(boundary)))
            }
            if !role.inlinePolicies.isEmpty { properties.append(member("Policies", inline(role.inlinePolicies))) }
            if !role.tags.isEmpty { properties.append(member("Tags", tags(role.tags))) }
            add(roleIds[Account.key(role.name)] ?? "", "AWS::IAM::Role", properties)
        }
        for user in users {
            var properties = [member("UserName", .string(user.name)), member("Path", .string(user.path))]
            let memberships = user.groups.compactMap { groupIds[Account.key($0)] }
            if !memberships.isEmpty {
                properties.append(member("Groups", .array(memberships.map { ["Ref": .string($0)] })))
            }
            if !user.attachedPolicies.isEmpty {
                properties.append(member("ManagedPolicyArns", .array(user.attachedPolicies.map(arn))))
            }
            if let boundary = user.permissionsBoundary {
                properties.append(member("PermissionsBoundary", arn(boundary)))
            }
            if !user.inlinePolicies.isEmpty { properties.append(member("Policies", inline(user.inlinePolicies))) }
            if !user.tags.isEmpty { properties.append(member("Tags", tags(user.tags))) }
            add(ids.make("User", user.name), "AWS::IAM::User", properties)
        }
        for profile in profiles {
            let roleRefs = profile.roles.compactMap { roleIds[Account.key($0)] }.map {
                JSONValue.object([JSONMember(key: "Ref", value: .string($0))])
            }
            guard !roleRefs.isEmpty else { continue }
            add(
                ids.make("InstanceProfile", profile.name), "AWS::IAM::InstanceProfile",
                [
                    member("InstanceProfileName", .string(profile.name)), member("Path", .string(profile.path)),
                    member("Roles", .array(roleRefs)),
                ])
        }
        let template: JSONValue = .object([
            member("AWSTemplateFormatVersion", "2010-09-09"),
            member(
                "Description", .string("IAM entities of account \(account.id), exported by iamconsole (no secrets)")),
            member("Resources", .object(resources)),
        ])
        return (JSONWriter.awsCLI(template) + "\n", resources.count)
    }
}

/// CloudFormation logical ids: letters and digits only, unique in the template.
struct LogicalIds {
    private var used: Set<String> = []

    mutating func make(_ prefix: String, _ name: String) -> String {
        let kept = name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        let word = String(kept)
        // `UserMira` reads better than `Usermira`, and matches how people name logical ids.
        let base = prefix + word.prefix(1).uppercased() + word.dropFirst()
        var id = base
        var counter = 2
        while !used.insert(id).inserted {
            id = base + String(counter)
            counter += 1
        }
        return id
    }
}
