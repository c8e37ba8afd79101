import Foundation
import IAMRemote
import Testing

/// Credentials from the environment and the shared credentials file, as the AWS CLI finds them.
@Suite struct CredentialsTests {
    static let file = """
        # team credentials
        [default]
        aws_access_key_id = AKIADEFAULT
        aws_secret_access_key = default-secret

        [ci]
        aws_access_key_id=AKIACI
        aws_secret_access_key=ci-secret
        aws_session_token = ci-token
        ; trailing comment
        [broken]
        aws_access_key_id = AKIABROKEN
        """

    /// A folder with `credentials` holding `text`, and a resolver whose HOME is the folder.
    static func resolver(_ text: String?, variables: [String: String] = [:]) throws -> (CredentialsResolver, String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("creds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        if let text { try Data(text.utf8).write(to: URL(fileURLWithPath: home + "/.aws/credentials")) }
        return (CredentialsResolver(environment: ["HOME": home].merging(variables) { _, new in new }), home)
    }

    @Test func readsProfilesWithTokens() throws {
        let parsed = try SharedCredentialsFile(path: "creds", text: Self.file)
        #expect(Set(parsed.profiles.keys) == ["default", "ci", "broken"])
        let ci = try parsed.credentials(profile: "ci")
        #expect(ci.accessKeyId == "AKIACI")
        #expect(ci.secretAccessKey == "ci-secret")
        #expect(ci.sessionToken == "ci-token")
        #expect(ci.source == "creds (profile ci)")
        #expect(ci.description == "access key AKIACI (temporary) from creds (profile ci)")
        #expect(!ci.description.contains("ci-secret"))
    }

    @Test func namesTheFileAndLineOfAMalformedEntry() {
        #expect(
            throws: CredentialsError(
                file: "/home/u/.aws/credentials", line: 3,
                message: "expected a [profile] header or a 'key = value' setting, found 'aws_access_key_id AKIA'")
        ) {
            try SharedCredentialsFile(path: "/home/u/.aws/credentials", text: "[default]\n\naws_access_key_id AKIA\n")
        }
        #expect(
            throws: CredentialsError(
                file: "f", line: 1, message: "the setting 'region' comes before any [profile] header")
        ) {
            try SharedCredentialsFile(path: "f", text: "region = us-east-1\n[default]\n")
        }
        #expect(throws: CredentialsError(file: "f", line: 2, message: "a section header must look like [profile-name]"))
        {
            try SharedCredentialsFile(path: "f", text: "\n[default\n")
        }
        let error = CredentialsError(file: "f", line: 11, message: "profile [broken] has no aws_secret_access_key")
        #expect(error.description == "f:11: profile [broken] has no aws_secret_access_key")
        #expect(throws: error) { try SharedCredentialsFile(path: "f", text: Self.file).credentials(profile: "broken") }
        #expect(
            throws: CredentialsError(
                file: "f", line: nil, message: "no profile [prod] in the file (it has broken, ci, default)")
        ) {
            try SharedCredentialsFile(path: "f", text: Self.file).credentials(profile: "prod")
        }
    }

    @Test func aMalformedLineIsNotEchoedInFull() throws {
        let secretLine = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
        do {
            _ = try SharedCredentialsFile(path: "f", text: "[default]\n\(secretLine)\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(!error.description.contains(secretLine))
        }
    }

    @Test func followsTheAWSCLIOrder() throws {
        let (fileOnly, home) = try Self.resolver(Self.file)
        #expect(try fileOnly.resolve(profile: nil).accessKeyId == "AKIADEFAULT")
        #expect(try fileOnly.resolve(profile: "ci").accessKeyId == "AKIACI")
        #expect(fileOnly.credentialsFilePath == home + "/.aws/credentials")

        let (withEnvironment, _) = try Self.resolver(
            Self.file,
            variables: [
                "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret", "AWS_SESSION_TOKEN": "t",
            ])
        let fromEnvironment = try withEnvironment.resolve(profile: nil)
        #expect(fromEnvironment.accessKeyId == "AKIAENV")
        #expect(fromEnvironment.sessionToken == "t")
        #expect(fromEnvironment.source == "the environment (AWS_ACCESS_KEY_ID)")
        // --profile wins over the environment, as in the AWS CLI.
        #expect(try withEnvironment.resolve(profile: "ci").accessKeyId == "AKIACI")

        let (withProfile, _) = try Self.resolver(Self.file, variables: ["AWS_PROFILE": "ci"])
        #expect(try withProfile.resolve(profile: nil).accessKeyId == "AKIACI")

        let (halfSet, _) = try Self.resolver(nil, variables: ["AWS_ACCESS_KEY_ID": "AKIAENV"])
        #expect(
            throws: CredentialsError(
                file: nil, line: nil, message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        ) {
            try halfSet.resolve(profile: nil)
        }
    }

    @Test func usesTheSharedCredentialsFileVariableAndRegionVariables() throws {
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("other-\(UUID().uuidString)").path
        try Data("[default]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = s\n".utf8)
            .write(to: URL(fileURLWithPath: other))
        let (resolver, _) = try Self.resolver(
            nil, variables: ["AWS_SHARED_CREDENTIALS_FILE": other, "AWS_DEFAULT_REGION": "eu-west-1"])
        let credentials = try resolver.resolve(profile: nil)
        #expect(credentials.accessKeyId == "AKIAOTHER")
        #expect(credentials.source == "\(other) (profile default)")
        #expect(resolver.region == "eu-west-1")
        #expect(
            CredentialsResolver(environment: ["AWS_REGION": "ap-south-1", "AWS_DEFAULT_REGION": "x"]).region
                == "ap-south-1")
        #expect(CredentialsResolver(environment: [:]).region == "us-east-1")

        let (missing, home) = try Self.resolver(nil)
        #expect(
            throws: CredentialsError(
                file: home + "/.aws/credentials", line: nil,
                message: "no credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set and the "
                    + "credentials file does not exist (profile default)")
        ) { try missing.resolve(profile: nil) }
    }
}
