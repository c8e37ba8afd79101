import IAMCore
import TerminalKit

/// The sign-in gate: the form the console opens on, and the check of what was typed against
/// the account's stored password hashes.
///
/// The check returns a `SignInOutcome`; further steps (an MFA code, an expired password that
/// must be changed) are meant to become more cases of that enum, each answered by another form,
/// without changing how the form or the loop reach it.
enum SignIn {
    /// Field ids.
    static let kindField = "kind"
    static let accountField = "account"
    static let identityField = "identity"
    static let passwordField = "password"
    static let kinds = ["Root user", "IAM user"]
    /// Failures allowed before each further attempt waits.
    static let freeAttempts = 2
    static let failureMessage = "Your authentication information is incorrect. Please try again."

    /// The sign-in form for `account`.
    static func form(for account: Account?) -> Form {
        Form(
            title: "Sign in",
            fields: [
                .choice(
                    id: kindField, label: "Sign in as", options: kinds,
                    hint: "Left/Right to switch between root and IAM user"),
                .text(
                    id: accountField, label: "Account ID or alias", value: account?.id ?? "", maxLength: 64,
                    hint: "IAM users only"),
                .text(id: identityField, label: "Email or user name", maxLength: 128),
                .password(id: passwordField, label: "Password", maxLength: 128),
            ],
            submitTitle: "Sign in", cancelTitle: "Clear")
    }

    /// What a sign-in attempt led to.
    enum Outcome: Sendable, Equatable {
        /// Signed in as this principal.
        case signedIn(Principal)
        /// The credentials were wrong (the message says so without telling which part).
        case rejected(String)
    }

    /// Checks submitted sign-in values against `account`.
    static func check(_ values: [String: FormValue], in account: Account) -> Outcome {
        let identity = text(values[identityField]).trimmingCharacters(in: .whitespaces)
        let password = text(values[passwordField])
        if case .choice(let kind) = values[kindField], kind == kinds[0] {
            guard identity.lowercased() == account.root.email.lowercased(),
                PasswordHasher.verify(password, against: account.root.passwordHash)
            else { return .rejected(failureMessage) }
            return .signedIn(.root)
        }
        let accountName = text(values[accountField]).trimmingCharacters(in: .whitespaces)
        guard accountName == account.id || (account.alias.map { $0 == accountName.lowercased() } ?? false),
            let user = account.user(named: identity), let profile = user.loginProfile,
            PasswordHasher.verify(password, against: profile.passwordHash)
        else { return .rejected(failureMessage) }
        return .signedIn(.user(user.name))
    }

    /// Seconds the next attempt waits after `failures` failed ones.
    static func delaySeconds(afterFailures failures: Int) -> Int {
        failures <= freeAttempts ? 0 : min(5, failures - freeAttempts)
    }

    /// The demo credentials, shown under the form when the workspace is the sample account.
    static func demoLines(for account: Account?) -> [String] {
        guard let account, account.id == SampleAccount.Credentials.accountId else { return [] }
        return [
            "Sample account \(account.id): demo credentials",
            "Root user: \(SampleAccount.Credentials.rootEmail) / \(SampleAccount.Credentials.rootPassword)",
            "IAM users alice, bob, carol: \(SampleAccount.Credentials.userPassword)",
        ]
    }

    private static func text(_ value: FormValue?) -> String {
        if case .text(let text) = value { return text }
        return ""
    }

    /// Draws the sign-in form and, for the sample account, the demo credentials below it, inside
    /// the frame. Returns where the cursor belongs.
    @MainActor
    static func draw(_ form: Form, account: Account?, in canvas: Canvas, theme: Theme) -> Position? {
        let demo = demoLines(for: account)
        let formHeight = min(canvas.height - 1 - demo.count, form.contentHeight + 2)
        let width = min(canvas.width, 72)
        let left = max(0, (canvas.width - width) / 2)
        let box = canvas.subcanvas(Rect(row: 0, column: left, width: width, height: max(3, formHeight)))
        let cursor = form.drawBoxed(in: box, theme: theme, width: width)
        for (offset, line) in demo.enumerated() {
            let row = max(3, formHeight) + offset
            guard row < canvas.height else { break }
            canvas.text(
                truncate(" " + line, toWidth: canvas.width, ellipsis: canvas.glyphs.ellipsis), row: row, column: 0,
                style: offset == 0 ? theme[.label] : theme[.muted])
        }
        return cursor
    }
}
