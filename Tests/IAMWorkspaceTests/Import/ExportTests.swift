import Foundation
import IAMCore
import IAMPolicy
import IAMWorkspace
import Testing

@Suite struct ExportTests {
    @Test func policiesExportAsPlainDocuments() throws {
        let (account, _) = try ImportFixtures.importedFixture()
        let files = PolicyExporter.files(account)
        #expect(
            files.map(\.name) == ["DenyWithoutMFA.json", "DeployArtifacts.json", "user-deploy-bot-ReadParams.json"])
        for file in files {
            #expect(PolicyGrammar.validate(file.contents, kind: .managed).isEmpty, "\(file.name)")
        }
        let deploy = try #require(files.first { $0.name == "DeployArtifacts.json" })
        #expect(deploy.contents.contains("s3:ListBucket"))  // the default version, v2
    }

    @Test func cloudFormationTemplateHasEveryEntityAndNoSecrets() throws {
        let (account, _) = try ImportFixtures.importedFixture()
        let (text, count) = CloudFormationExporter.template(account)
        #expect(count == 8)
        let template = try JSONParser.parse(text)
        let resources = try #require(template["Resources"])
        #expect(
            resources["UserTomasz"]?["Properties"]?["Groups"] == [["Ref": "GroupPlatform"], ["Ref": "GroupAuditors"]])
        #expect(
            resources["GroupPlatform"]?["Properties"]?["ManagedPolicyArns"] == [
                ["Ref": "PolicyDeployArtifacts"], ["Ref": "PolicyDenyWithoutMFA"],
            ])
        #expect(!text.contains("LoginProfile"))
        #expect(!text.contains("AccessKey"))
    }

    @Test func cfnLintAcceptsTheTemplate() throws {
        guard let lint = Self.cfnLint() else {
            print("cfn-lint is not installed (python3 -m pip install cfn-lint); skipping the template lint")
            return
        }
        let (account, _) = try ImportFixtures.importedFixture()
        try withTemporaryFolder { folder in
            let path = folder + "/template.json"
            try Data(CloudFormationExporter.template(account).text.utf8).write(to: URL(fileURLWithPath: path))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: lint)
            process.arguments = [path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "cfn-lint: \(text)")
        }
    }

    static func cfnLint() -> String? {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return (path + [home + "/.local/bin"]).map { $0 + "/cfn-lint" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
