import Foundation
import IAMCore

private enum DocumentField: Int, ObjectFields {
    case account, format, schemaVersion
    static let table = KeyTable(Self.self)
}

private enum AccountField: Int, ObjectFields {
    case accessAdvisorJobs, activity, alias, analyzers, auditTrail, createDate, credentialReport, groups, id,
        instanceProfiles, mfaDevices, name, organization
    case passwordPolicy, policies, resources, roles, root, temporaryCredentials, users
    static let table = KeyTable(Self.self)
}

/// Reads a whole workspace file into an `Account` in one pass over its bytes, the fast path of
/// `WorkspaceCodec.decode`.
///
/// It returns nil instead of explaining: for a file it does not read with certainty (bad syntax,
/// a wrong type, a missing member, a duplicate name, another format or schema version) the
/// `Codable` path reads the file again and reports the problem with its line:column or JSON path.
enum AccountReader {
    static func read(_ data: Data) -> Account? {
        data.withUnsafeBytes { raw -> Account? in
            do throws(FastPathRefused) {
                var reader = try WorkspaceReader(raw.bindMemory(to: UInt8.self))
                return try reader.document()
            } catch {
                return nil
            }
        }
    }
}

extension WorkspaceReader {
    /// `{"account": {...}, "format": "iamconsole-workspace", "schemaVersion": 1}` and nothing after it.
    fileprivate mutating func document() throws(FastPathRefused) -> Account {
        var account: Account?
        var format: String?
        var version: Int?
        var cursor = ObjectCursor()
        while let field = try next(DocumentField.self, &cursor) {
            switch field {
            // The account comes first in sorted files, so it is read before the header is known;
            // a foreign or newer file then throws it away and lets the `Codable` path say why.
            case .account: account = try self.account()
            case .format: format = try optionalString()
            case .schemaVersion: version = takeNull() ? nil : try int()
            }
        }
        try end()
        guard format == WorkspaceCodec.format, let version, (1...WorkspaceCodec.schemaVersion).contains(version),
            let account
        else { throw FastPathRefused() }
        return account
    }

    private mutating func account() throws(FastPathRefused) -> Account {
        var id: String?
        var name: String?
        var createDate: Timestamp?
        var root: RootUser?
        var account = Account(
            id: "", name: "", createDate: Timestamp(microseconds: 0), root: RootUser(email: "", passwordHash: ""))
        var cursor = ObjectCursor()
        while let field = try next(AccountField.self, &cursor) {
            switch field {
            case .accessAdvisorJobs: account.accessAdvisorJobs = try accessAdvisorJobs()
            case .activity: account.setActivity(try activity())
            case .alias: account.alias = try optionalString()
            case .analyzers: account.analyzers = try analyzers()
            case .auditTrail:
                account.auditTrail = try optionalArray { reader throws(FastPathRefused) in try reader.auditEvent() }
            case .createDate: createDate = try timestamp()
            case .credentialReport: account.credentialReport = takeNull() ? nil : try credentialReport()
            case .groups: account.groups = try keyed({ reader throws(FastPathRefused) in try reader.group() }, \.name)
            case .id: id = try string()
            case .instanceProfiles:
                account.instanceProfiles = try keyed(
                    { reader throws(FastPathRefused) in try reader.instanceProfile() }, \.name)
            case .mfaDevices: account.mfaDevices = try mfaDevices()
            case .name: name = try string()
            case .organization: account.organization = try organization()
            case .passwordPolicy: account.passwordPolicy = takeNull() ? nil : try passwordPolicy()
            case .policies:
                account.policies = try keyed({ reader throws(FastPathRefused) in try reader.managedPolicy() }, \.name)
            case .resources: account.resources = try sharedResources()
            case .roles: account.roles = try keyed({ reader throws(FastPathRefused) in try reader.role() }, \.name)
            case .root: root = try rootUser()
            case .temporaryCredentials: account.temporaryCredentials = try temporaryCredentials()
            case .users: account.users = try keyed({ reader throws(FastPathRefused) in try reader.user() }, \.name)
            }
        }
        account.id = try required(id)
        account.name = try required(name)
        account.createDate = try required(createDate)
        account.root = try required(root)
        return account
    }

    /// An entity array keyed by lowercased name, as `Account.init(from:)` builds it; a duplicate
    /// name refuses, so the `Codable` path reports it with its index.
    private mutating func keyed<Value>(
        _ element: (inout WorkspaceReader) throws(FastPathRefused) -> Value, _ name: (Value) -> String
    ) throws(FastPathRefused) -> [String: Value] {
        var result: [String: Value] = [:]
        guard !takeNull(), try beginArray() else { return result }
        repeat {
            let value = try element(&self)
            guard result.updateValue(value, forKey: Account.key(name(value))) == nil else { throw FastPathRefused() }
        } while try nextElement()
        return result
    }

    /// MFA devices keyed by serial number; the first of two with the same serial wins, as in `Account`.
    private mutating func mfaDevices() throws(FastPathRefused) -> [String: MFADevice] {
        var result: [String: MFADevice] = [:]
        guard !takeNull(), try beginArray() else { return result }
        repeat {
            let device = try mfaDevice()
            if result[device.serialNumber] == nil { result[device.serialNumber] = device }
        } while try nextElement()
        return result
    }
}
