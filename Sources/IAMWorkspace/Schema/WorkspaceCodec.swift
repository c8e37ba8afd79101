import Foundation
import IAMCore
import IAMPolicy

/// The workspace file format: `{"account": {...}, "format": "iamconsole-workspace", "schemaVersion": 1}`,
/// pretty-printed with sorted keys and one trailing newline, so the same account always encodes to
/// the same bytes and a change shows as a small diff.
public enum WorkspaceCodec {
    /// The value of the `format` field.
    public static let format = "iamconsole-workspace"
    /// The schema version this build writes and the newest it reads.
    public static let schemaVersion = 1

    /// The document read in one pass: the header fields, and the account only when the header says
    /// this build can read it (so a foreign or newer file is reported by its header, as before).
    private struct Checked: Decodable {
        var format: String?
        var schemaVersion: Int?
        var account: Account?

        enum CodingKeys: String, CodingKey { case format, schemaVersion, account }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            format = try c.decodeIfPresent(String.self, forKey: .format)
            schemaVersion = try c.decodeIfPresent(Int.self, forKey: .schemaVersion)
            if format == WorkspaceCodec.format, let version = schemaVersion,
                (1...WorkspaceCodec.schemaVersion).contains(version)
            {
                account = try c.decode(Account.self, forKey: .account)
            } else {
                account = nil
            }
        }
    }

    /// The canonical bytes of a workspace holding this account: `AccountWriter`'s hand-written
    /// output, which is `JSONEncoder`'s former layout with empty arrays as `[]`.
    public static func encode(_ account: Account) throws(WorkspaceError) -> Data {
        AccountWriter.write(account)
    }

    /// Reads an account from workspace bytes, or explains precisely what is wrong and where.
    public static func decode(_ data: Data, path: String?) throws(WorkspaceError) -> Account {
        // The byte-level reader takes every valid file; anything else goes to the `Codable` path,
        // which is slower but says exactly what is wrong and where.
        if let account = AccountReader.read(data) { return account }
        return try decodeWithCodable(data, path: path)
    }

    /// The `Codable` reading of workspace bytes: the reference the fast reader matches, and the
    /// source of the precise error for a file the fast reader refuses.
    static func decodeWithCodable(_ data: Data, path: String?) throws(WorkspaceError) -> Account {
        // One parse of the bytes: decoding a header first and then the document parsed the file twice.
        let header: Checked
        do {
            header = try JSONDecoder().decode(Checked.self, from: data)
        } catch {
            throw diagnose(data, error, path: path)
        }
        guard header.format == format else {
            let found = header.format.map { "'\($0)'" } ?? "no format field"
            throw WorkspaceError(
                path: path, location: "$.format",
                message: "not an iamconsole workspace (expected format '\(format)', found \(found))")
        }
        guard let version = header.schemaVersion else {
            throw WorkspaceError(path: path, location: "$.schemaVersion", message: "missing field 'schemaVersion'")
        }
        guard version <= schemaVersion else {
            throw WorkspaceError(
                path: path, location: "$.schemaVersion",
                message: "schema version \(version) is newer than this iamconsole understands (\(schemaVersion)); "
                    + "upgrade iamconsole to open it")
        }
        guard version >= 1 else {
            throw WorkspaceError(path: path, location: "$.schemaVersion", message: "invalid schema version \(version)")
        }
        guard let account = header.account else {
            throw WorkspaceError(path: path, location: "$.account", message: "missing field 'account'")
        }
        return account
    }

    /// Turns a decoding failure into a message with line:column (bad JSON) or a JSON path (bad content).
    private static func diagnose(_ data: Data, _ error: any Error, path: String?) -> WorkspaceError {
        if case .dataCorrupted(let context) = error as? DecodingError, context.codingPath.isEmpty {
            // The whole document failed: find the syntax error's position with the project's own parser.
            do {
                _ = try JSONParser.parse(data)
            } catch {
                return WorkspaceError(
                    path: path, location: "\(error.line):\(error.column)", message: "invalid JSON: \(error.message)")
            }
        }
        if let decodingError = error as? DecodingError {
            let described = JSONPathFormatter.describe(decodingError)
            return WorkspaceError(path: path, location: described.path, message: described.message)
        }
        return WorkspaceError(path: path, location: nil, message: "\(error)")
    }
}

/// A workspace that cannot be read or written, with where the problem is: a file position
/// (`line:column`) or a JSON path (`$.account.users[3].name`).
public struct WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String?
    public var location: String?
    public var message: String

    public init(path: String?, location: String?, message: String) {
        self.path = path
        self.location = location
        self.message = message
    }

    /// One line: `FILE:LOCATION: MESSAGE`.
    public var description: String {
        [path, location].compactMap { $0 }.joined(separator: ":") + (path == nil && location == nil ? "" : ": ")
            + message
    }
}
