import Foundation
import IAMCore
import IAMWorkspace

/// `iamconsole workspace export-policies DIR` and `workspace export-cloudformation FILE`.
enum WorkspaceExportCommand {
    static let usage = """
        usage: iamconsole workspace export-policies DIR [--workspace PATH]
               iamconsole workspace export-cloudformation FILE [--workspace PATH]
        export-policies writes NAME.json per customer managed policy (default version) and
        user-|group-|role-OWNER-POLICY.json per inline policy; export-cloudformation writes a JSON template.
        """

    static func run(_ verb: String, _ words: [String], environment: CLIEnvironment) -> Int32 {
        guard let parsed = WorkspaceOptions.parse(words, valued: ["workspace"], switches: ["help"], usage: usage)
        else { return 252 }
        if parsed.switches.contains("help") {
            print(usage)
            return 0
        }
        guard parsed.positional.count == 1, let target = parsed.positional.first else {
            printError(
                "iamconsole: error: expected one \(verb == "export-policies" ? "DIR" : "FILE") argument\n\(usage)")
            return 252
        }
        let path = environment.workspacePath(parsed.options["workspace"])
        do {
            let account = try Workspace(path: path).account
            if verb == "export-policies" {
                try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
                let files = PolicyExporter.files(account)
                for file in files {
                    let url = URL(fileURLWithPath: target).appendingPathComponent(file.name)
                    try Data(file.contents.utf8).write(to: url, options: .atomic)
                }
                print("Wrote \(files.count) policy document\(files.count == 1 ? "" : "s") to \(target).")
            } else {
                let template = CloudFormationExporter.template(account)
                try Data(template.text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
                print("Wrote a CloudFormation template with \(template.resources) resources to \(target).")
                if template.resources > CloudFormationExporter.resourceLimit {
                    printError(
                        "warning: CloudFormation accepts at most \(CloudFormationExporter.resourceLimit) resources "
                            + "per template; split it (for example into nested stacks) before deploying")
                }
            }
            return 0
        } catch {
            printError("iamconsole: error: \(error)")
            return 1
        }
    }
}
