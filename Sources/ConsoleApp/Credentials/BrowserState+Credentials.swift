import Foundation
import IAMCore
import TerminalKit

/// The Security credentials tab's keys (a user's, or the root user's on the Root account page):
/// `a` creates an access key or assigns an MFA device, `d` removes the selected one, `r` turns
/// the selected key on or off. Every step goes through `IAMService` as the signed-in principal.
extension BrowserState {
    /// Choices of the `a` form, in AWS's order of the MFA device types.
    static let credentialKinds = [
        "Access key", "Authenticator app (virtual MFA)", "Security key", "Hardware TOTP token",
    ]

    /// Whose credentials the top view's Security credentials tab shows, if that tab is selected.
    var credentialOwner: CredentialOwner? {
        guard let detail = top.detail, detail.tabs.indices.contains(top.tab),
            detail.tabs[top.tab].title == "Security credentials"
        else { return nil }
        switch top.route {
        case .user(let name): return .user(name)
        case .section(.root): return .root
        default: return nil
        }
    }

    /// `a` on a Security credentials tab.
    mutating func startAddCredential(for owner: CredentialOwner) {
        modal = .form(
            Form(
                title: "Add a credential for \(owner.label)",
                fields: [
                    .choice(id: "kind", label: "Credential", options: Self.credentialKinds),
                    .text(
                        id: "name", label: "Device name", maxLength: 128,
                        hint: "MFA devices: a name of up to 128 of A-Z a-z 0-9 +=,.@_-"),
                    .text(id: "serial", label: "Serial number", maxLength: 256, hint: "Hardware token: on its back"),
                    .text(
                        id: "seed", label: "Seed (base32)", maxLength: 128,
                        hint: "Hardware token: from the vendor's seed file"),
                ], submitTitle: "Next"), .addCredential(owner))
    }

    /// Turns the submitted `a` form into its IAM calls.
    mutating func submitCredential(_ values: [String: FormValue], form: Form, owner: CredentialOwner) {
        func text(_ id: String) -> String {
            switch values[id] {
            case .text(let value)?, .choice(let value)?: return value.trimmingCharacters(in: .whitespaces)
            default: return ""
            }
        }
        let kind = Self.credentialKinds.firstIndex(of: text("kind")) ?? 0
        let name = text("name")
        if kind > 0, kind < 3, name.isEmpty {
            var retry = form
            retry.setError("Name the device.", for: "name")
            modal = .form(retry, .addCredential(owner))
            return
        }
        let userName = owner.userName
        switch kind {
        case 0:
            pendingEdit = .withFollowUp(success: "Created an access key for \(owner.label).") { service, principal in
                let key = try service.createAccessKey(AccessKeyUserRequest(userName: userName), as: principal).accessKey
                return .accessKeySecret(
                    AccessKeySecretDialog(
                        owner: owner, accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey ?? ""))
            }
        case 1:
            pendingEdit = .withFollowUp(success: "Created the virtual MFA device \(name).") { service, principal in
                let device = try service.createVirtualMFADevice(
                    CreateVirtualMFADeviceRequest(virtualMFADeviceName: name), as: principal
                ).virtualMFADevice
                let uri = service.account.provisioningURI(forVirtualDevice: device.serialNumber) ?? ""
                return .mfaEnrolment(
                    MFAEnrolment(
                        owner: owner, deviceName: name, serialNumber: device.serialNumber,
                        secret: device.seedText ?? "", uri: uri))
            }
        case 2:
            // A terminal has no authenticator to touch: the key is registered with a random credential id.
            let credential = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
            pendingEdit = EditCommand(
                success: "Registered the security key \(name) for \(owner.label) (simulated: no authenticator).",
                target: .stay
            ) { service, principal in
                _ = try service.registerSecurityKey(
                    RegisterSecurityKeyRequest(userName: userName, keyName: name, credentialId: credential),
                    as: principal)
            }
        default:
            let serial = text("serial")
            let seed = text("seed").replacingOccurrences(of: " ", with: "").uppercased()
            pendingEdit = .withFollowUp(success: "Imported the hardware token \(serial).") { service, _ in
                if service.account.mfaDevices[serial] == nil {
                    try service.importHardwareMFADevice(
                        ImportHardwareMFADeviceRequest(serialNumber: serial, base32StringSeed: seed))
                }
                return .mfaEnrolment(MFAEnrolment(owner: owner, hardwareSerial: serial))
            }
        }
        modal = .form(form, .addCredential(owner))
    }

    /// `d` on a credential line: delete an inactive key (typing its id), remove an MFA device.
    mutating func startRemoveCredential(_ item: CredentialItem, owner: CredentialOwner, in account: Account) {
        let userName = owner.userName
        switch item {
        case .accessKey(let id):
            guard owner.credentials(in: account).keys.first(where: { $0.id == id })?.status == .inactive else {
                message = StatusMessage(
                    text: "Deactivate \(id) first (r): AWS asks for a key to be inactive before it is deleted",
                    isError: true)
                return
            }
            modal = .typeToConfirm(
                TypeToConfirmDialog(
                    title: "Delete access key",
                    message:
                        "Delete \(id) of \(owner.label)? Applications using it stop working. This cannot be undone.",
                    expected: id),
                EditCommand(success: "Deleted the access key \(id).", target: .stay) {
                    _ = try $0.deleteAccessKey(DeleteAccessKeyRequest(userName: userName, accessKeyId: id), as: $1)
                })
        case .consolePassword:
            guard let user = userName, account.user(named: user)?.loginProfile != nil else {
                message = StatusMessage(text: "Console access is not enabled", isError: false)
                return
            }
            modal = .confirm(
                ConfirmDialog.destructive(
                    title: "Disable console access",
                    message: "Delete the console password of \(user)? Access keys keep working.",
                    confirmTitle: "Disable"),
                EditCommand(success: "Disabled console access for \(user).", target: .stay) {
                    _ = try $0.deleteLoginProfile(LoginProfileRequest(userName: user), as: $1)
                })
        case .mfaDevice(let serial):
            let isVirtual = account.mfaDevices[serial]?.type == .virtual
            modal = .confirm(
                ConfirmDialog.destructive(
                    title: "Remove MFA device",
                    message: "Remove \(serial) from \(owner.label)? The console sign-in then needs only the password."
                        + (isVirtual ? " The virtual device is deleted too." : ""),
                    confirmTitle: "Remove"),
                EditCommand(success: "Removed the MFA device \(serial).", target: .stay) { service, principal in
                    _ = try service.deactivateMFADevice(
                        MFADeviceRequest(userName: userName, serialNumber: serial), as: principal)
                    if isVirtual {
                        _ = try service.deleteVirtualMFADevice(SerialNumberRequest(serialNumber: serial), as: principal)
                    }
                })
        }
    }

    /// `r` on an access key line: activate or deactivate it.
    mutating func startToggleKey(_ id: String, owner: CredentialOwner, in account: Account) {
        guard let key = owner.credentials(in: account).keys.first(where: { $0.id == id }) else { return }
        let next: AccessKeyStatus = key.status == .active ? .inactive : .active
        let verb = next == .active ? "Activate" : "Deactivate"
        let userName = owner.userName
        modal = .confirm(
            ConfirmDialog.destructive(
                title: "\(verb) access key",
                message: "\(verb) \(id) of \(owner.label)?"
                    + (next == .inactive ? " Requests signed with it are refused until it is activated again." : ""),
                confirmTitle: verb),
            EditCommand(success: "\(verb)d \(id).", target: .stay) {
                _ = try $0.updateAccessKey(
                    UpdateAccessKeyRequest(userName: userName, accessKeyId: id, status: next.rawValue), as: $1)
            })
    }

    /// Keys for the two credential dialogs.
    mutating func handleCredentialModal(_ event: InputEvent) {
        switch modal {
        case .accessKeySecret(var dialog)?:
            switch dialog.handle(event) {
            case .pending: modal = .accessKeySecret(dialog)
            case .download:
                modal = .accessKeySecret(dialog)
                pendingExport = CSVExport(fileName: dialog.owner.csvFileName, contents: dialog.csv)
            case .done: modal = nil
            }
        case .mfaEnrolment(var enrolment)?:
            let serial = enrolment.serialNumber
            let owner = enrolment.owner
            switch enrolment.handle(event) {
            case .editing: modal = .mfaEnrolment(enrolment)
            case .cancel:
                modal = nil
                guard enrolment.isVirtual else { return }
                pendingEdit = EditCommand(
                    success: "Cancelled: the unassigned device \(enrolment.deviceName) was deleted.", target: .stay
                ) { _ = try $0.deleteVirtualMFADevice(SerialNumberRequest(serialNumber: serial), as: $1) }
            case .submit(let code1, let code2):
                modal = .mfaEnrolment(enrolment)
                pendingEdit = EditCommand(
                    success: "Assigned the MFA device \(enrolment.deviceName) to \(owner.label).", target: .stay
                ) { service, principal in
                    _ = try service.enableMFADevice(
                        MFACodesRequest(
                            userName: owner.userName, serialNumber: serial, authenticationCode1: code1,
                            authenticationCode2: code2), as: principal)
                }
            }
        default:
            break
        }
    }
}

/// A file the console writes for the user (a new access key's CSV), not the workspace.
struct CSVExport: Sendable, Equatable {
    var fileName: String
    var contents: String
}
