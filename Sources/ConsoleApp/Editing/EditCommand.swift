import IAMCore
import TerminalKit

/// One change the console asks the source to make as the signed-in principal: the IAM actions
/// to run, what to say when they succeed and which row to select afterwards.
struct EditCommand: Sendable {
    /// Where the selection goes after success.
    enum Target: Sendable, Equatable {
        /// Stay where the user is (the list or detail refreshes in place).
        case stay
        /// Open a list section and select the row with this key.
        case row(Section, String)
        /// Select the row, then open its detail page (after a rename, the page under its new name).
        case detail(Section, String, Route)
    }

    /// The status message after success, such as `Created user erin.`.
    var success: String
    var target: Target
    /// The IAM actions, run on a service over the newest account; they throw `IAMError`. What
    /// they return is shown next (a new access key's secret, the MFA enrolment's QR code).
    var change: @Sendable (inout IAMService, Principal) throws -> FollowUp?

    /// A change with nothing to show afterwards but the status message.
    init(
        success: String, target: Target, change: @escaping @Sendable (inout IAMService, Principal) throws -> Void
    ) {
        self.success = success
        self.target = target
        self.change = { service, principal in
            try change(&service, principal)
            return nil
        }
    }

    /// A change whose result opens the next step (a secret shown once, an enrolment wizard).
    static func withFollowUp(
        success: String, target: Target = .stay,
        _ change: @escaping @Sendable (inout IAMService, Principal) throws -> FollowUp?
    ) -> EditCommand {
        var command = EditCommand(success: success, target: target) { _, _ in }
        command.change = change
        return command
    }
}

/// What a change hands back for the console to show at once.
enum FollowUp: Sendable {
    /// A new access key's secret, shown this once.
    case accessKeySecret(AccessKeySecretDialog)
    /// The virtual MFA device just created, to enrol with two codes.
    case mfaEnrolment(MFAEnrolment)
}

/// A dialog or form shown over the browsing screen; it takes every key while open.
indirect enum Modal: Sendable {
    /// The sign-in form (the console opens on it).
    case signIn(Form)
    /// A form collecting an edit.
    case form(Form, FormIntent)
    /// A delete that needs the name typed.
    case typeToConfirm(TypeToConfirmDialog, EditCommand)
    /// A removal confirmed with Cancel (focused) or Remove.
    case confirm(ConfirmDialog, EditCommand)
    /// A message; `then` reopens what was open before it (the form whose submit failed).
    case message(MessageDialog, then: Modal?)
    /// The full-screen policy editor.
    case policyEditor(PolicyEditorState)
    /// The MFA step of a sign-in whose password was right.
    case mfa(Form, MFAChallenge)
    /// The change-password step of a sign-in (reset required, or the password expired).
    case changePassword(Form, ConsoleSession)
    /// A new access key's secret, shown once.
    case accessKeySecret(AccessKeySecretDialog)
    /// The virtual MFA enrolment wizard: QR code, secret key, two codes.
    case mfaEnrolment(MFAEnrolment)
}

/// A sign-in step the loop runs through the source (sign-in writes the audit trail and the
/// last sign-in time, so it is saved like a change).
enum SignInStep: Sendable {
    /// The first factor, and the form to return to when it fails.
    case password(SignInIdentity, String, Form)
    /// The second factor for a challenge, and the form to return to.
    case mfa(MFAChallenge, MFAResponse, Form)
    /// A new password for a session that must change it, and the form to return to.
    case changePassword(ConsoleSession, old: String, new: String, Form)

    /// What to show again after a failure: the sign-in form with the password cleared, or a
    /// fresh MFA form for the same challenge.
    func retry(in account: Account) -> Modal {
        switch self {
        case .password(_, _, let form):
            var retry = SignIn.form(for: account)
            retry.fields = form.fields.map { field in
                field.id == SignIn.passwordField ? .password(id: field.id, label: field.label, maxLength: 128) : field
            }
            retry.focus(on: retry.fields.firstIndex { $0.id == SignIn.passwordField } ?? 0)
            return .signIn(retry)
        case .mfa(let challenge, _, _):
            return .mfa(SignIn.mfaForm(for: challenge), challenge)
        case .changePassword(let session, _, _, _):
            return .changePassword(SignIn.changePasswordForm(for: session, in: account), session)
        }
    }
}

/// What an open form is for; its submitted values become an `EditCommand`.
enum FormIntent: Sendable, Equatable {
    case createUser
    case createGroup
    case createRole
    case createPolicy
    case setAlias
    case addUserToGroup(user: String)
    case attachPolicy(EntityRef)
    case addTag(EntityRef)
    /// Rename or move a user or group; change a role's description and maximum session duration.
    case editProperties(EntityRef)
    /// The Policy simulator's inputs; submitting runs the simulation instead of an edit.
    case simulate
    /// The columns a list shows; submitting changes the view, not the account.
    case manageColumns(Section)
    /// An access key or MFA device to add for a user or the root user.
    case addCredential(CredentialOwner)
    /// The account password policy (custom fields, or back to the IAM default).
    case passwordPolicy
}

extension FormIntent {
    /// Whose credential an `addCredential` form adds.
    var credentialOwner: CredentialOwner? {
        if case .addCredential(let owner) = self { return owner }
        return nil
    }

    /// The list whose columns a `manageColumns` form chooses.
    var columnsSection: Section? {
        if case .manageColumns(let section) = self { return section }
        return nil
    }
}

/// An identity that policies attach to and tags go on.
enum EntityRef: Sendable, Hashable {
    case user(String)
    case group(String)
    case role(String)

    var name: String {
        switch self {
        case .user(let name), .group(let name), .role(let name): return name
        }
    }

    /// `user alice`, `group Admins`, `role app-server`.
    var label: String {
        switch self {
        case .user(let name): return "user \(name)"
        case .group(let name): return "group \(name)"
        case .role(let name): return "role \(name)"
        }
    }

    /// The same entity as a navigation route.
    var route: Route {
        switch self {
        case .user(let name): return .user(name)
        case .group(let name): return .group(name)
        case .role(let name): return .role(name)
        }
    }

    /// The entity a route shows, if it is a user, group or role.
    init?(_ route: Route) {
        switch route {
        case .user(let name): self = .user(name)
        case .group(let name): self = .group(name)
        case .role(let name): self = .role(name)
        default: return nil
        }
    }

    /// The identity kind the policy editor and the model name it by.
    var kind: IdentityKind {
        switch self {
        case .user: return .user
        case .group: return .group
        case .role: return .role
        }
    }

    /// The request that names this entity's inline policy `name`.
    func inlineRequest(_ name: String) -> InlinePolicyRequest {
        switch self {
        case .user(let user): return InlinePolicyRequest(userName: user, policyName: name)
        case .group(let group): return InlinePolicyRequest(groupName: group, policyName: name)
        case .role(let role): return InlinePolicyRequest(roleName: role, policyName: name)
        }
    }

    /// The attach request for `arn` on this entity.
    func attachRequest(_ arn: String) -> AttachPolicyRequest {
        switch self {
        case .user(let name): return AttachPolicyRequest(userName: name, policyArn: arn)
        case .group(let name): return AttachPolicyRequest(groupName: name, policyArn: arn)
        case .role(let name): return AttachPolicyRequest(roleName: name, policyArn: arn)
        }
    }
}
