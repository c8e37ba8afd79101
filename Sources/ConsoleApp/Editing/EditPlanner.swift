import Foundation
import IAMCore
import TerminalKit

/// Turns a submitted form into the IAM actions it stands for. Values the form can check itself
/// (a tag without `=`) come back as a field error; everything else is left to `IAMService`, so
/// the console reports exactly AWS's errors.
enum EditPlanner {
    /// A problem with one field, shown under it.
    struct FieldError: Error, Equatable {
        var field: String
        var message: String
    }

    /// The command for `intent` with the submitted `values`.
    static func command(
        for intent: FormIntent, values: [String: FormValue], in account: Account
    ) -> Result<EditCommand, FieldError> {
        func text(_ id: String) -> String {
            if case .text(let value) = values[id] { return value.trimmingCharacters(in: .whitespaces) }
            return ""
        }
        func choice(_ id: String) -> String {
            if case .choice(let value) = values[id] { return value }
            return ""
        }
        let name = text("name")
        let path = text("path").isEmpty ? nil : text("path")
        switch intent {
        case .createUser:
            let tags: [Tag]
            switch parseTags(text("tags")) {
            case .success(let parsed): tags = parsed
            case .failure(let error): return .failure(error)
            }
            let groups = values.keys.filter { $0.hasPrefix("group:") && values[$0] == .bool(true) }.sorted()
                .map { String($0.dropFirst("group:".count)) }
            let policy =
                choice("policy") == EditForms.none ? nil : EditForms.policyARN(named: choice("policy"), in: account)
            return .success(
                EditCommand(success: "Created user \(name).", target: .row(.users, name)) { service, principal in
                    _ = try service.createUser(
                        CreateUserRequest(userName: name, path: path, tags: tags.isEmpty ? nil : tags), as: principal)
                    for group in groups {
                        _ = try service.addUserToGroup(
                            GroupMembershipRequest(groupName: group, userName: name), as: principal)
                    }
                    if let policy {
                        _ = try service.attachPolicy(
                            AttachPolicyRequest(userName: name, policyArn: policy), as: principal)
                    }
                })
        case .createGroup:
            return .success(
                EditCommand(success: "Created group \(name).", target: .row(.groups, name)) { service, principal in
                    _ = try service.createGroup(CreateGroupRequest(groupName: name, path: path), as: principal)
                })
        case .createRole:
            let document = TrustPolicyTemplates.document(
                choice: choice("trust"), accountId: text("account"), custom: text("document"))
            let description = text("description").isEmpty ? nil : text("description")
            return .success(
                EditCommand(success: "Created role \(name).", target: .row(.roles, name)) { service, principal in
                    _ = try service.createRole(
                        CreateRoleRequest(
                            roleName: name, assumeRolePolicyDocument: document, path: path, description: description),
                        as: principal)
                })
        case .createPolicy:
            let document = text("document")
            let description = text("description").isEmpty ? nil : text("description")
            let arn = "arn:aws:iam::\(account.id):policy\(path ?? "/")\(name)"
            return .success(
                EditCommand(success: "Created policy \(name).", target: .row(.policies, arn)) { service, principal in
                    _ = try service.createPolicy(
                        CreatePolicyRequest(
                            policyName: name, policyDocument: document, path: path, description: description),
                        as: principal)
                })
        case .setAlias:
            let alias = text("alias")
            let old = account.alias
            if alias.isEmpty {
                guard let old else { return .failure(FieldError(field: "alias", message: "The account has no alias.")) }
                return .success(
                    EditCommand(success: "Removed the account alias \(old).", target: .stay) { service, principal in
                        _ = try service.deleteAccountAlias(AccountAliasRequest(accountAlias: old), as: principal)
                    })
            }
            return .success(
                EditCommand(success: "Set the account alias to \(alias).", target: .stay) { service, principal in
                    if let old, old != alias {
                        _ = try service.deleteAccountAlias(AccountAliasRequest(accountAlias: old), as: principal)
                    }
                    _ = try service.createAccountAlias(AccountAliasRequest(accountAlias: alias), as: principal)
                })
        case .addUserToGroup(let user):
            let group = choice("group")
            guard group != EditForms.none else {
                return .failure(FieldError(field: "group", message: "\(user) is already in every group."))
            }
            return .success(
                EditCommand(success: "Added \(user) to \(group).", target: .stay) { service, principal in
                    _ = try service.addUserToGroup(
                        GroupMembershipRequest(groupName: group, userName: user), as: principal)
                })
        case .attachPolicy(let entity):
            guard let arn = EditForms.policyARN(named: choice("policy"), in: account) else {
                return .failure(FieldError(field: "policy", message: "Choose a policy."))
            }
            return .success(
                EditCommand(success: "Attached \(choice("policy")) to \(entity.label).", target: .stay) {
                    service, principal in
                    _ = try service.attachPolicy(entity.attachRequest(arn), as: principal)
                })
        case .editProperties(let entity):
            return PropertyForms.command(for: entity, values: values, in: account)
        case .consoleAccess(let user):
            return ConsoleAccessForm.command(for: user, values: values, in: account)
        case .passwordPolicy:
            return .success(PasswordPolicyScreen.command(values).1)
        case .simulate, .manageColumns, .addCredential:
            return .failure(FieldError(field: "", message: "This form changes the view, not the account."))
        case .addTag(let entity):
            let tag = Tag(key: text("key"), value: text("value"))
            return .success(
                EditCommand(success: "Tagged \(entity.label) with \(tag.key).", target: .stay) { service, principal in
                    _ = try service.tag(tagRequest(entity, tags: [tag]), as: principal)
                })
        }
    }

    /// Parses `key=value, key=value`; an empty text is no tags.
    static func parseTags(_ text: String) -> Result<[Tag], FieldError> {
        var tags: [Tag] = []
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = pair[0].trimmingCharacters(in: .whitespaces)
            guard pair.count == 2, !key.isEmpty else {
                return .failure(FieldError(field: "tags", message: "Write tags as key=value, separated by commas."))
            }
            tags.append(Tag(key: key, value: pair[1].trimmingCharacters(in: .whitespaces)))
        }
        return .success(tags)
    }

    static func tagRequest(_ entity: EntityRef, tags: [Tag]) -> TagRequest {
        switch entity {
        case .user(let name): return TagRequest(userName: name, tags: tags)
        case .role(let name), .group(let name): return TagRequest(roleName: name, tags: tags)
        }
    }

    static func untagRequest(_ entity: EntityRef, keys: [String]) -> UntagRequest {
        switch entity {
        case .user(let name): return UntagRequest(userName: name, tagKeys: keys)
        case .role(let name), .group(let name): return UntagRequest(roleName: name, tagKeys: keys)
        }
    }
}
