import IAMCore

/// Whose credentials a Security credentials tab shows: an IAM user, or the root user (on the
/// Root account page).
enum CredentialOwner: Sendable, Hashable {
    case root
    case user(String)

    /// The `UserName` member of the IAM requests: nil for root, which acts on its own credentials.
    var userName: String? {
        if case .user(let name) = self { return name }
        return nil
    }

    /// `user alice` or `the root user`.
    var label: String {
        switch self {
        case .root: return "the root user"
        case .user(let name): return "user \(name)"
        }
    }

    /// The file name AWS's console gives a new key's CSV: `rootkey.csv` or `NAME_accessKeys.csv`.
    var csvFileName: String {
        switch self {
        case .root: return "rootkey.csv"
        case .user(let name): return "\(name)_accessKeys.csv"
        }
    }

    /// The owner's access keys and MFA devices in `account`.
    func credentials(in account: Account) -> (keys: [AccessKey], devices: [MFADevice]) {
        switch self {
        case .root: return (account.root.accessKeys, account.mfaDevices(ofUser: nil))
        case .user(let name):
            return (account.user(named: name)?.accessKeys ?? [], account.mfaDevices(ofUser: name))
        }
    }
}

/// What a line of a Security credentials tab stands for, so `d` and `r` act on it.
enum CredentialItem: Sendable, Hashable {
    case accessKey(String)
    case mfaDevice(String)
    /// The user's console password (login profile), enabled or not.
    case consolePassword
}
