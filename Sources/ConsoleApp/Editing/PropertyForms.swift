import IAMCore
import TerminalKit

/// The `r` form of a user, group or role: the properties AWS lets one change after creation
/// (UpdateUser and UpdateGroup rename and move; UpdateRole sets the description and the
/// maximum session duration), and the command that sends only what changed.
enum PropertyForms {
    /// AWS's range for a role's MaxSessionDuration, in seconds (1 to 12 hours).
    static let sessionRange = 3600...43200

    /// The form for `entity`, filled with its current values; nil when it no longer exists.
    static func form(for entity: EntityRef, in account: Account) -> Form? {
        switch entity {
        case .user(let name):
            guard let user = account.user(named: name) else { return nil }
            return Form(
                title: "Edit user \(user.name)",
                fields: [
                    .text(
                        id: "name", label: "User name", value: user.name, maxLength: 128,
                        hint: "Renaming keeps the user's ID, groups, policies and credentials"),
                    .text(id: "path", label: "Path", value: user.path, maxLength: 512),
                ], submitTitle: "Save")
        case .group(let name):
            guard let group = account.group(named: name) else { return nil }
            return Form(
                title: "Edit user group \(group.name)",
                fields: [
                    .text(id: "name", label: "Group name", value: group.name, maxLength: 128),
                    .text(id: "path", label: "Path", value: group.path, maxLength: 512),
                ], submitTitle: "Save")
        case .role(let name):
            guard let role = account.role(named: name) else { return nil }
            return Form(
                title: "Edit role \(role.name)",
                fields: [
                    .text(id: "description", label: "Description", value: role.description ?? "", maxLength: 1000),
                    .number(
                        id: "maxSession", label: "Max session", value: role.maxSessionDuration, range: sessionRange,
                        hint: "Seconds: 3600 (1 hour) to 43200 (12 hours)"),
                ], submitTitle: "Save")
        }
    }

    /// The command for the submitted values; unchanged fields are left out of the request.
    static func command(
        for entity: EntityRef, values: [String: FormValue], in account: Account
    ) -> Result<EditCommand, EditPlanner.FieldError> {
        func text(_ id: String) -> String {
            if case .text(let value) = values[id] { return value.trimmingCharacters(in: .whitespaces) }
            return ""
        }
        switch entity {
        case .user(let name), .group(let name):
            let isUser: Bool
            if case .user = entity { isUser = true } else { isUser = false }
            let currentPath = (isUser ? account.user(named: name)?.path : account.group(named: name)?.path) ?? "/"
            let newName = text("name") == name ? nil : text("name")
            let newPath = text("path") == currentPath ? nil : text("path")
            guard newName != nil || newPath != nil else {
                return .failure(EditPlanner.FieldError(field: "name", message: "Nothing changed."))
            }
            let final = newName ?? name
            let section: Section = isUser ? .users : .groups
            let route: Route = isUser ? .user(final) : .group(final)
            return .success(
                EditCommand(
                    success: "Updated \(entity.label)" + (newName.map { " (now \($0))" } ?? "") + ".",
                    target: .detail(section, final, route)
                ) { service, principal in
                    if isUser {
                        _ = try service.updateUser(
                            UpdateUserRequest(userName: name, newPath: newPath, newUserName: newName), as: principal)
                    } else {
                        _ = try service.updateGroup(
                            UpdateGroupRequest(groupName: name, newPath: newPath, newGroupName: newName), as: principal)
                    }
                })
        case .role(let name):
            guard case .number(let seconds?) = values["maxSession"] else {
                return .failure(EditPlanner.FieldError(field: "maxSession", message: "Type the duration in seconds."))
            }
            let description = text("description")
            return .success(
                EditCommand(success: "Updated role \(name).", target: .stay) { service, principal in
                    _ = try service.updateRole(
                        UpdateRoleRequest(roleName: name, description: description, maxSessionDuration: seconds),
                        as: principal)
                })
        }
    }
}
