import IAMCore
import TerminalKit

/// The forms that collect an edit, built from the account so pickers offer what exists.
enum EditForms {
    static let none = "(none)"
    /// The attach form's first choice: write a new inline policy instead of attaching a managed one.
    static let newInline = "(new inline policy)"
    /// The document a new inline policy starts from.
    static let starterDocument = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": [],
                    "Resource": "*"
                }
            ]
        }
        """
    /// Trust policy templates offered when creating a role, in the order the form lists them.
    static let trustChoices = ["EC2", "Lambda", "CloudFormation", "Another AWS account", "Custom JSON"]

    /// The form for `intent` over `account`.
    static func form(for intent: FormIntent, in account: Account) -> Form {
        switch intent {
        case .createUser:
            let groups = account.groups.values.map(\.name).sorted { $0.lowercased() < $1.lowercased() }
            var fields: [FormField] = [
                .text(id: "name", label: "User name", maxLength: 128, hint: "Up to 64 of A-Z a-z 0-9 +=,.@_-"),
                .text(id: "path", label: "Path", value: "/", maxLength: 512),
            ]
            fields += groups.map { .checkbox(id: "group:" + $0, label: "Group " + $0) }
            fields += [
                .choice(id: "policy", label: "Attach policy", options: [none] + attachablePolicies(in: account)),
                .text(id: "tags", label: "Tags", maxLength: 2048, hint: "key=value, key=value"),
            ]
            return Form(title: "Create user", fields: fields, submitTitle: "Create user")
        case .createGroup:
            return Form(
                title: "Create user group",
                fields: [
                    .text(id: "name", label: "Group name", maxLength: 128),
                    .text(id: "path", label: "Path", value: "/", maxLength: 512),
                ], submitTitle: "Create group")
        case .createRole:
            return Form(
                title: "Create role",
                fields: [
                    .text(id: "name", label: "Role name", maxLength: 128),
                    .text(id: "path", label: "Path", value: "/", maxLength: 512),
                    .text(id: "description", label: "Description", maxLength: 1000),
                    .choice(id: "trust", label: "Trusted entity", options: trustChoices),
                    .text(
                        id: "account", label: "Trusted account ID", maxLength: 12,
                        hint: "For \"Another AWS account\""),
                    .text(
                        id: "document", label: "Trust policy JSON", maxLength: 2048,
                        hint: "For \"Custom JSON\""),
                ], submitTitle: "Create role")
        case .createPolicy:
            return Form(
                title: "Create policy",
                fields: [
                    .text(id: "name", label: "Policy name", maxLength: 256),
                    .text(id: "path", label: "Path", value: "/", maxLength: 512),
                    .text(id: "description", label: "Description", maxLength: 1000),
                    .text(
                        id: "document", label: "Policy document",
                        value:
                            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}"#,
                        maxLength: 6144),
                ], submitTitle: "Create policy")
        case .setAlias:
            return Form(
                title: "Account alias",
                fields: [
                    .text(
                        id: "alias", label: "Account alias", value: account.alias ?? "", maxLength: 63,
                        hint: "Leave empty to remove the alias")
                ], submitTitle: "Save")
        case .addUserToGroup(let user):
            let joined = Set((account.user(named: user)?.groups ?? []).map { $0.lowercased() })
            let groups = account.groups.values.map(\.name).filter { !joined.contains($0.lowercased()) }.sorted()
            return Form(
                title: "Add \(user) to a group",
                fields: [.choice(id: "group", label: "Group", options: groups.isEmpty ? [none] : groups)],
                submitTitle: "Add")
        case .attachPolicy(let entity):
            return Form(
                title: "Add permissions to \(entity.label)",
                fields: [
                    .choice(
                        id: "policy", label: "Policy",
                        options: [newInline]
                            + attachablePolicies(in: account, excluding: attached(to: entity, in: account)),
                        selected: 1, hint: "A managed policy to attach; Left from the first for an inline policy"),
                    .text(
                        id: "inlineName", label: "Inline name", maxLength: 128,
                        hint: "For a new inline policy: its name (opens the editor)"),
                ], submitTitle: "Add")
        case .editProperties(let entity):
            return PropertyForms.form(for: entity, in: account)
                ?? Form(title: "\(entity.label) no longer exists", fields: [], submitTitle: "Close")
        case .consoleAccess(let user):
            return ConsoleAccessForm.form(for: user, in: account)
        case .passwordPolicy:
            return PasswordPolicyScreen.form(for: account)
        case .addCredential(let owner):
            return Form(title: "Add a credential for \(owner.label)", fields: [], submitTitle: "Next")
        case .manageColumns(let section):
            return Form(title: "Manage columns: \(section.title)", fields: [], submitTitle: "Apply")
        case .simulate:
            return BrowserState.simulationForm(
                SimulationInput(), choices: PolicySimulation.principalChoices(in: account))
        case .addTag(let entity):
            return Form(
                title: "Add a tag to \(entity.label)",
                fields: [
                    .text(id: "key", label: "Key", maxLength: 128),
                    .text(id: "value", label: "Value", maxLength: 256),
                ], submitTitle: "Add tag")
        }
    }

    /// Customer managed policies, then AWS managed ones, by name (`name` shows, the ARN is
    /// found again with `policyARN(named:)`).
    static func attachablePolicies(in account: Account, excluding: [String] = []) -> [String] {
        let skip = Set(excluding)
        let customer = account.policies.values.filter { !skip.contains(account.arn(of: $0)) }.map(\.name).sorted()
        let aws = AWSManagedPolicyCatalog.all.filter { !skip.contains($0.arn) }.map(\.name).sorted()
        return customer + aws
    }

    /// The ARN of the policy a picker shows as `name`: a customer managed one first.
    static func policyARN(named name: String, in account: Account) -> String? {
        if let policy = account.policies.values.first(where: { $0.name == name }) { return account.arn(of: policy) }
        return AWSManagedPolicyCatalog.all.first { $0.name == name }?.arn
    }

    /// The ARNs of the managed policies attached directly to `entity`.
    static func attached(to entity: EntityRef, in account: Account) -> [String] {
        switch entity {
        case .user(let name): return account.user(named: name)?.attachedPolicies ?? []
        case .group(let name): return account.group(named: name)?.attachedPolicies ?? []
        case .role(let name): return account.role(named: name)?.attachedPolicies ?? []
        }
    }
}
