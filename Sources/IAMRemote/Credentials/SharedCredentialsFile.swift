/// The AWS shared credentials file (`~/.aws/credentials`): INI sections named after profiles,
/// each with `aws_access_key_id`, `aws_secret_access_key` and optionally `aws_session_token`.
///
/// ```ini
/// [default]
/// aws_access_key_id = AKIDEXAMPLE
/// aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
/// ```
///
/// Lines starting with `#` or `;` are comments. Anything else that is neither a `[section]` nor a
/// `key = value` line is an error at its line, as is a key before the first section.
public struct SharedCredentialsFile: Sendable, Equatable {
    /// One profile's settings, with the line of its `[name]` header for error messages.
    public struct Profile: Sendable, Equatable {
        public var name: String
        public var line: Int
        /// Settings by lower-cased key, with the line each was set on.
        public var values: [String: (value: String, line: Int)]

        public static func == (lhs: Profile, rhs: Profile) -> Bool {
            lhs.name == rhs.name && lhs.line == rhs.line
                && lhs.values.mapValues(\.value) == rhs.values.mapValues(\.value)
        }
    }

    /// The file's path, as given.
    public var path: String
    /// Profiles by name; a name given twice merges, later keys winning, as the AWS CLI does.
    public var profiles: [String: Profile]

    /// Parses the text of the file at `path`.
    public init(path: String, text: String) throws(CredentialsError) {
        self.path = path
        profiles = [:]
        var current: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: " \t\r")
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw CredentialsError(
                        file: path, line: number, message: "a section header must look like [profile-name]")
                }
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: " \t")
                guard !name.isEmpty else {
                    throw CredentialsError(file: path, line: number, message: "the section has an empty name")
                }
                current = name
                if profiles[name] == nil { profiles[name] = Profile(name: name, line: number, values: [:]) }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw CredentialsError(
                    file: path, line: number,
                    message: "expected a [profile] header or a 'key = value' setting, found '\(Self.preview(line))'")
            }
            let key = String(line[..<equals]).trimmingCharacters(in: " \t").lowercased()
            let value = String(line[line.index(after: equals)...]).trimmingCharacters(in: " \t")
            guard !key.isEmpty else {
                throw CredentialsError(file: path, line: number, message: "a setting has no name before '='")
            }
            guard let profile = current else {
                throw CredentialsError(
                    file: path, line: number, message: "the setting '\(key)' comes before any [profile] header")
            }
            profiles[profile]?.values[key] = (value, number)
        }
    }

    /// The credentials of `profile`, or an error naming the file and what is missing.
    public func credentials(profile name: String) throws(CredentialsError) -> AWSCredentials {
        guard let profile = profiles[name] else {
            let known = profiles.keys.sorted()
            throw CredentialsError(
                file: path, line: nil,
                message: "no profile [\(name)] in the file"
                    + (known.isEmpty ? " (it has none)" : " (it has \(known.joined(separator: ", ")))"))
        }
        func required(_ key: String) throws(CredentialsError) -> String {
            guard let setting = profile.values[key], !setting.value.isEmpty else {
                throw CredentialsError(
                    file: path, line: profile.line, message: "profile [\(name)] has no \(key)")
            }
            return setting.value
        }
        let token = profile.values["aws_session_token"]?.value
        return AWSCredentials(
            accessKeyId: try required("aws_access_key_id"), secretAccessKey: try required("aws_secret_access_key"),
            sessionToken: token.flatMap { $0.isEmpty ? nil : $0 }, source: "\(path) (profile \(name))")
    }

    /// The start of a line, enough to recognise it; a long line may hold a secret, so it is cut.
    private static func preview(_ line: String) -> String {
        line.count > 24 ? String(line.prefix(24)) + "..." : line
    }
}

extension String {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters)
        guard let start = firstIndex(where: { !set.contains($0) }),
            let end = lastIndex(where: { !set.contains($0) })
        else { return "" }
        return String(self[start...end])
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        String(self).trimmingCharacters(in: characters)
    }
}
