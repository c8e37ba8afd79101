import IAMCore
import TerminalKit

/// Editing keys: `n` creates, `d` deletes or removes, `a` adds or attaches. Each opens a form or
/// a confirmation; what they submit becomes `pendingEdit`, which the loop runs through the source.
extension BrowserState {
    /// `n`: the create form of the list shown.
    mutating func startCreate() {
        guard let account = index?.account else { return }
        let intent: FormIntent
        switch top.route {
        case .section(.users): intent = .createUser
        case .section(.groups): intent = .createGroup
        case .section(.roles): intent = .createRole
        case .section(.policies): intent = .createPolicy
        default:
            message = StatusMessage(
                text: "n creates in the Users, User groups, Roles and Policies lists", isError: false)
            return
        }
        modal = .form(EditForms.form(for: intent, in: account), intent)
    }

    /// `r`: the properties form of the user, group or role shown, or selected in its list.
    mutating func startEditProperties() {
        guard let index else { return }
        if let owner = credentialOwner, case .accessKey(let id)? = selectedLine?.item {
            startToggleKey(id, owner: owner, in: index.account)
            return
        }
        if case .user(let name)? = credentialOwner, selectedLine?.item == .consolePassword {
            modal = .form(ConsoleAccessForm.form(for: name, in: index.account), .consoleAccess(name))
            return
        }
        var entity = EntityRef(top.route)
        if entity == nil, let route = selectedRowRoute { entity = EntityRef(route) }
        guard let entity, let form = PropertyForms.form(for: entity, in: index.account) else {
            message = StatusMessage(text: "r edits a user, group or role (in its list or on its page)", isError: false)
            return
        }
        modal = .form(form, .editProperties(entity))
    }

    /// `a`: add to a group, attach a policy or add a tag on a detail tab; set the alias on the
    /// dashboard and the root account page.
    mutating func startAdd() {
        guard let account = index?.account else { return }
        if let owner = credentialOwner {
            startAddCredential(for: owner)
            return
        }
        let view = top
        if case .section(let section) = view.route, section == .dashboard || section == .root {
            modal = .form(EditForms.form(for: .setAlias, in: account), .setAlias)
            return
        }
        guard let detail = view.detail, detail.tabs.indices.contains(view.tab), let entity = EntityRef(view.route)
        else {
            message = StatusMessage(text: "a adds on a user's, group's or role's tabs", isError: false)
            return
        }
        let intent: FormIntent
        switch (detail.tabs[view.tab].title, entity) {
        case ("Groups", .user(let name)): intent = .addUserToGroup(user: name)
        case ("Permissions", _): intent = .attachPolicy(entity)
        case ("Tags", .user), ("Tags", .role): intent = .addTag(entity)
        default:
            message = StatusMessage(text: "Nothing to add on this tab", isError: false)
            return
        }
        modal = .form(EditForms.form(for: intent, in: account), intent)
    }

    /// `d`: on a list, delete the selected entity (typing its name); on a detail tab, remove the
    /// selected membership, attachment or tag, or else delete the entity shown.
    mutating func startDelete() {
        guard let index else { return }
        if top.route == .section(.passwordPolicy) {
            guard index.account.passwordPolicy != nil else {
                message = StatusMessage(
                    text: "The account already uses the IAM default password policy", isError: false)
                return
            }
            let (dialog, command) = PasswordPolicyScreen.command(["kind": .choice(PasswordPolicyScreen.choices[1])])
            modal = .confirm(dialog, command)
            return
        }
        if let owner = credentialOwner, let item = selectedLine?.item {
            startRemoveCredential(item, owner: owner, in: index.account)
            return
        }
        let view = top
        switch view.route {
        case .section(let section) where section.isList:
            let list = index.list(for: section)
            guard view.visible.indices.contains(view.selection) else { return }
            let key = list.keys[view.visible[view.selection]]
            if let route = index.route(for: section, key: key) { confirmDelete(route, in: index.account) }
        case .section:
            message = StatusMessage(text: "d deletes in a list or removes on a detail tab", isError: false)
        default:
            if !startRemove(view, in: index.account) { confirmDelete(view.route, in: index.account) }
        }
    }

    private mutating func confirmDelete(_ route: Route, in account: Account) {
        let kind: String
        let name: String
        let change: @Sendable (inout IAMService, Principal) throws -> Void
        switch route {
        case .user(let user):
            (kind, name) = ("user", user)
            change = { _ = try $0.deleteUser(UserNameRequest(userName: user), as: $1) }
        case .group(let group):
            (kind, name) = ("group", group)
            change = { _ = try $0.deleteGroup(GroupNameRequest(groupName: group), as: $1) }
        case .role(let role):
            (kind, name) = ("role", role)
            change = { _ = try $0.deleteRole(RoleNameRequest(roleName: role), as: $1) }
        case .policy(let arn):
            (kind, name) = ("policy", String(arn.split(separator: "/").last ?? Substring(arn)))
            change = { _ = try $0.deletePolicy(PolicyArnRequest(policyArn: arn), as: $1) }
        case .inlinePolicy(let owner, let policy):
            (kind, name) = ("inline policy", policy)
            change = { _ = try $0.deleteInlinePolicy(owner.inlineRequest(policy), as: $1) }
        case .section, .auditRecord:
            message = StatusMessage(text: "Audit records cannot be deleted: the trail is append-only", isError: false)
            return
        case .finding:
            message = StatusMessage(
                text: "Findings are not deleted: A archives one, U makes it active again", isError: false)
            return
        }
        let dialog = TypeToConfirmDialog(
            title: "Delete \(kind)",
            message: "Delete the \(kind) \(name)? This cannot be undone. AWS refuses while anything is still "
                + "attached (DeleteConflict); remove it first.",
            expected: name)
        modal = .typeToConfirm(dialog, EditCommand(success: "Deleted \(kind) \(name).", target: .stay, change: change))
    }

    /// Offers to remove what the selected line of a detail tab stands for; false when it stands for nothing removable.
    private mutating func startRemove(_ view: ViewState, in account: Account) -> Bool {
        guard let detail = view.detail, detail.tabs.indices.contains(view.tab), let entity = EntityRef(view.route)
        else { return false }
        let tab = detail.tabs[view.tab]
        guard tab.lines.indices.contains(view.selection) else { return false }
        let line = tab.lines[view.selection]
        let command: EditCommand
        let question: String
        switch (tab.title, entity, line.link) {
        case ("Groups", .user(let user), .group(let group)?), ("Users", .group(let group), .user(let user)?):
            question = "Remove \(user) from the group \(group)?"
            command = EditCommand(success: "Removed \(user) from \(group).", target: .stay) {
                _ = try $0.removeUserFromGroup(GroupMembershipRequest(groupName: group, userName: user), as: $1)
            }
        case ("Permissions", _, .inlinePolicy(let owner, let name)?):
            guard owner == entity else {
                message = StatusMessage(
                    text: "\(name) is an inline policy of \(owner.label); remove it there", isError: true)
                return true
            }
            question = "Delete the inline policy \(name) of \(entity.label)?"
            command = EditCommand(success: "Deleted the inline policy \(name).", target: .stay) {
                _ = try $0.deleteInlinePolicy(owner.inlineRequest(name), as: $1)
            }
        case ("Permissions", _, .policy(let arn)?):
            guard EditForms.attached(to: entity, in: account).contains(arn) else {
                message = StatusMessage(
                    text: "That policy is not attached to \(entity.label) directly (it comes from a group)",
                    isError: true)
                return true
            }
            let name = String(arn.split(separator: "/").last ?? Substring(arn))
            question = "Detach \(name) from \(entity.label)?"
            command = EditCommand(success: "Detached \(name) from \(entity.label).", target: .stay) {
                _ = try $0.detachPolicy(entity.attachRequest(arn), as: $1)
            }
        case ("Tags", _, _):
            guard let key = tagKey(at: view.selection, in: tab.lines, entity: entity, account: account) else {
                return false
            }
            question = "Remove the tag \(key) from \(entity.label)?"
            command = EditCommand(success: "Removed the tag \(key) from \(entity.label).", target: .stay) {
                _ = try $0.untag(EditPlanner.untagRequest(entity, keys: [key]), as: $1)
            }
        default:
            return false
        }
        modal = .confirm(ConfirmDialog.destructive(title: "Remove", message: question, confirmTitle: "Remove"), command)
        return true
    }

    /// The key of the tag on line `selection` of a Tags tab (rows follow the table header, in the entity's order).
    private func tagKey(at selection: Int, in lines: [DetailLine], entity: EntityRef, account: Account) -> String? {
        guard let header = lines.firstIndex(where: { $0.kind == .tableHeader }), selection > header else { return nil }
        let tags: [Tag]
        switch entity {
        case .user(let name): tags = account.user(named: name)?.tags ?? []
        case .role(let name): tags = account.role(named: name)?.tags ?? []
        case .group: tags = []
        }
        let row = selection - header - 1
        return tags.indices.contains(row) ? tags[row].key : nil
    }

    /// Applies one event to the open modal.
    mutating func handleModal(_ event: InputEvent) {
        guard let current = modal else { return }
        switch current {
        case .signIn(var form):
            switch form.handle(event) {
            case .editing: modal = .signIn(form)
            case .cancelled: modal = .signIn(SignIn.form(for: index?.account))
            case .submitted(let values):
                let (identity, password) = SignIn.attempt(values)
                modal = .signIn(form)
                pendingSignIn = .password(identity, password, form)
            }
        case .changePassword(var form, let pending):
            switch form.handle(event) {
            case .editing: modal = .changePassword(form, pending)
            case .cancelled: modal = .signIn(SignIn.form(for: index?.account))
            case .submitted(let values):
                func text(_ id: String) -> String {
                    if case .text(let value) = values[id] { return value }
                    return ""
                }
                guard text(SignIn.newPasswordField) == text(SignIn.confirmField) else {
                    form.setError("The new passwords do not match.", for: SignIn.confirmField)
                    modal = .changePassword(form, pending)
                    return
                }
                modal = .changePassword(form, pending)
                pendingSignIn = .changePassword(
                    pending, old: text(SignIn.oldPasswordField), new: text(SignIn.newPasswordField), form)
            }
        case .mfa(var form, let challenge):
            switch form.handle(event) {
            case .editing: modal = .mfa(form, challenge)
            case .cancelled: modal = .signIn(SignIn.form(for: index?.account))
            case .submitted(let values):
                guard let account = index?.account else { return }
                modal = .mfa(form, challenge)
                pendingSignIn = .mfa(challenge, SignIn.mfaResponse(values, challenge: challenge, in: account), form)
            }
        case .form(var form, let intent):
            switch form.handle(event) {
            case .editing: modal = .form(form, intent)
            case .cancelled: modal = nil
            case .submitted(let values) where intent == .simulate:
                submitSimulation(values, form: form)
            case .submitted(let values) where intent == .passwordPolicy:
                let (dialog, command) = PasswordPolicyScreen.command(values)
                modal = .confirm(dialog, command)
            case .submitted(let values) where intent.credentialOwner != nil:
                submitCredential(values, form: form, owner: intent.credentialOwner ?? .root)
            case .submitted(let values) where intent.columnsSection != nil:
                submitColumns(values, section: intent.columnsSection ?? .users)
            case .submitted(let values) where values["policy"] == .choice(EditForms.newInline):
                guard case .attachPolicy(let entity) = intent, let account = index?.account else { return }
                var name = ""
                if case .text(let text)? = values["inlineName"] { name = text.trimmingCharacters(in: .whitespaces) }
                guard !name.isEmpty else {
                    form.setError("Name the inline policy; the editor opens next.", for: "inlineName")
                    modal = .form(form, intent)
                    return
                }
                openInlineEditor(entity, name: name, in: account)
            case .submitted(let values):
                guard let account = index?.account else { return }
                switch EditPlanner.command(for: intent, values: values, in: account) {
                case .success(let command):
                    modal = .form(form, intent)
                    pendingEdit = command
                case .failure(let error):
                    form.setError(error.message, for: error.field)
                    modal = .form(form, intent)
                }
            }
        case .typeToConfirm(var dialog, let command):
            switch dialog.handle(event) {
            case .pending: modal = .typeToConfirm(dialog, command)
            case .cancelled: modal = nil
            case .confirmed:
                modal = nil
                pendingEdit = command
            }
        case .confirm(var dialog, let command):
            switch dialog.handle(event) {
            case .pending: modal = .confirm(dialog, command)
            case .cancelled: modal = nil
            case .activated:
                modal = nil
                pendingEdit = command
            }
        case .message(let dialog, let then):
            if dialog.handle(event) == .dismissed { modal = then }
        case .accessKeySecret, .mfaEnrolment:
            handleCredentialModal(event)
        case .policyEditor(var editor):
            switch editor.handle(event) {
            case .editing: modal = .policyEditor(editor)
            case .cancel: modal = nil
            case .save(let save):
                modal = .policyEditor(editor)
                pendingEdit = EditCommand(
                    success: "Saved \(save.target.title).", target: .stay,
                    change: { service, principal in try PolicyEditorState.perform(save, on: &service, as: principal) })
            }
        }
    }

    /// The route of the selected row when the top view is a list.
    var selectedRowRoute: Route? {
        guard let index, case .section(let section) = top.route, section.isList,
            top.visible.indices.contains(top.selection)
        else { return nil }
        let keys = index.list(for: section).keys
        let row = top.visible[top.selection]
        return keys.indices.contains(row) ? index.route(for: section, key: keys[row]) : nil
    }

    /// `e`: opens the policy editor on the document of the view, or of the selected row in the policies or
    /// roles list: a customer managed policy's default version (saving adds a version) or a role's trust
    /// policy.
    mutating func startPolicyEdit() {
        guard let account = index?.account else { return }
        var route = top.route
        if case .section(let section) = route, section == .policies || section == .roles,
            let row = selectedRowRoute
        {
            route = row
        }
        switch route {
        case .section(.simulator):
            startSimulation()
        case .section(.passwordPolicy):
            modal = .form(PasswordPolicyScreen.form(for: account), .passwordPolicy)
        case .policy(let arn):
            guard let policy = account.customerPolicy(arn: arn) else {
                message = StatusMessage(text: "AWS managed policies cannot be edited", isError: true)
                return
            }
            modal = .policyEditor(
                PolicyEditorState(target: .managed(policy, arn: arn), text: policy.defaultDocument))
        case .inlinePolicy(let owner, let name):
            openInlineEditor(owner, name: name, in: account)
        case .user, .group, .role:
            if let link = selectedLine?.link, case .inlinePolicy(let owner, let name) = link {
                openInlineEditor(owner, name: name, in: account)
            } else if case .role(let name) = route, let role = account.role(named: name) {
                modal = .policyEditor(
                    PolicyEditorState(target: .trustPolicy(role: role.name), text: role.assumeRolePolicyDocument))
            } else {
                message = StatusMessage(
                    text: "e edits an inline policy (select it on the Permissions tab) or a role's trust policy",
                    isError: false)
            }
        case .finding(let analyzer, let id):
            openFindingPolicyEditor(analyzer: analyzer, id: id, in: account)
        default:
            message = StatusMessage(text: "e edits a customer managed policy or a role's trust policy", isError: false)
        }
    }

    /// The selected line of the top view's tab, if it is a detail view.
    var selectedLine: DetailLine? {
        let view = top
        guard let detail = view.detail, detail.tabs.indices.contains(view.tab) else { return nil }
        let lines = detail.tabs[view.tab].lines
        return lines.indices.contains(view.selection) ? lines[view.selection] : nil
    }

    /// Opens the editor on an existing inline policy, or on a starter document for a new one.
    mutating func openInlineEditor(_ owner: EntityRef, name: String, in account: Account) {
        let existing = InlinePolicyDetailScreen.policies(of: owner, in: account)?.first { $0.name == name }
        modal = .policyEditor(
            PolicyEditorState(
                target: .inlinePolicy(kind: owner.kind, entity: owner.name, name: name),
                text: existing?.document ?? EditForms.starterDocument))
    }

    /// Gives the open policy editor a chance to run the checks its debounce held back.
    mutating func idle() {
        if case .policyEditor(var editor)? = modal {
            editor.idle()
            modal = .policyEditor(editor)
        }
    }

    /// Applies what the model said about a sign-in step the loop ran.
    mutating func applySignIn(_ result: SignInResult, step: SignInStep) {
        guard let account = index?.account else { return }
        if case .switchRole(let from, let role, _) = step {
            applySwitch(result, from: from, role: role, in: account)
            return
        }
        switch result {
        case .signedIn(let signedIn) where signedIn.mustChangePassword:
            modal = .changePassword(SignIn.changePasswordForm(for: signedIn, in: account), signedIn)
            message = StatusMessage(text: signedIn.passwordChange?.message ?? "", isError: false)
        case .signedIn(let signedIn):
            consoleSession = signedIn
            session = signedIn.principal
            modal = nil
            if let index { apply(index) }
            let mfa = signedIn.mfaSerialNumber == nil ? "" : " with MFA"
            message = StatusMessage(text: "Signed in as \(signedIn.principal.arn(in: account))\(mfa).", isError: false)
        case .mfaRequired(let challenge):
            modal = .mfa(SignIn.mfaForm(for: challenge), challenge)
            message = StatusMessage(text: "Password accepted: now the MFA code.", isError: false)
        case .rejected(let text):
            modal = .message(
                MessageDialog(title: "Sign-in failed", message: text, isError: true), then: step.retry(in: account))
        case .throttled(let retryAfter):
            let now = index?.now.seconds ?? retryAfter.seconds
            let seconds = max(1, retryAfter.seconds - now)
            let text =
                "Too many failed sign-in attempts for this identity. Try again in \(seconds) second\(seconds == 1 ? "" : "s")."
            modal = .message(
                MessageDialog(title: "Sign-in paused", message: text, isError: true), then: step.retry(in: account))
        }
    }

    /// After `:switch-role`: the role session replaces the signed-in one (kept for `:switch-back`).
    private mutating func applySwitch(_ result: SignInResult, from: ConsoleSession, role: String, in account: Account) {
        switch result {
        case .signedIn(let roleSession):
            if originalSession == nil { originalSession = from }
            consoleSession = roleSession
            session = roleSession.principal
            if let index { apply(index) }
            let until = roleSession.expiresAt.map { " until " + DisplayFormat.dateTime($0) } ?? ""
            message = StatusMessage(
                text: "Switched to \(roleSession.principal.arn(in: account))\(until). :switch-back returns.",
                isError: false)
        case .rejected(let text):
            modal = .message(MessageDialog(title: "Switch role failed", message: text, isError: true), then: nil)
        default:
            break
        }
    }

    /// `:switch-role ROLE [SESSION]` and `:switch-back`.
    mutating func startSwitchRole(_ arguments: [String]) {
        guard let role = arguments.first else {
            message = StatusMessage(text: "Type :switch-role ROLE [SESSION-NAME]", isError: true)
            return
        }
        guard let current = originalSession ?? consoleSession ?? session.map({ signedInSession(for: $0) }) else {
            return
        }
        pendingSignIn = .switchRole(current, role: role, sessionName: arguments.count > 1 ? arguments[1] : nil)
    }

    mutating func switchBack() {
        guard let original = originalSession, let index else {
            message = StatusMessage(text: "Not in a switched role", isError: false)
            return
        }
        originalSession = nil
        consoleSession = original
        session = original.principal
        apply(index)
        message = StatusMessage(text: "Back to \(original.principal.arn(in: index.account)).", isError: false)
    }

    /// A session for a principal given on the command line (no sign-in form, so no MFA facts).
    private func signedInSession(for principal: Principal) -> ConsoleSession {
        ConsoleSession(principal: principal, signedInAt: index?.now ?? Timestamp(secondsSince1970: 0))
    }
}
