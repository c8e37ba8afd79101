import IAMCore
import IAMPolicy

/// Policy documents as files that `aws iam create-policy --policy-document file://NAME.json` (or
/// `put-user-policy` and friends) accepts: one plain JSON document per file.
public enum PolicyExporter {
    /// One exported file: its name inside the export folder, and its contents.
    public struct File: Sendable, Equatable {
        /// `NAME.json` for a customer managed policy, `user-NAME-POLICY.json` (or `group-`, `role-`) for an inline policy.
        public var name: String
        /// The document printed as the AWS CLI prints JSON, with a trailing newline.
        public var contents: String
    }

    /// The files for the default version of every customer managed policy and every inline policy,
    /// sorted by name.
    public static func files(_ account: Account) -> [File] {
        var files: [File] = []
        for policy in account.policies.values {
            files.append(File(name: "\(policy.name).json", contents: pretty(policy.defaultDocument)))
        }
        func inline(_ kind: String, _ owner: String, _ policies: [InlinePolicy]) {
            for policy in policies {
                files.append(File(name: "\(kind)-\(owner)-\(policy.name).json", contents: pretty(policy.document)))
            }
        }
        for user in account.users.values { inline("user", user.name, user.inlinePolicies) }
        for group in account.groups.values { inline("group", group.name, group.inlinePolicies) }
        for role in account.roles.values { inline("role", role.name, role.inlinePolicies) }
        return files.sorted { $0.name < $1.name }
    }

    /// The document re-printed readably; a document that does not parse (never stored by the
    /// service, but possible in a hand-edited file) is written as it is.
    static func pretty(_ document: String) -> String {
        guard let value = try? JSONParser.parse(document) else { return document + "\n" }
        return JSONWriter.awsCLI(value) + "\n"
    }

    /// The parsed document, or the text as a string value when it does not parse.
    static func value(_ document: String) -> JSONValue {
        (try? JSONParser.parse(document)) ?? .string(document)
    }
}
