import Foundation
import IAMCore

/// The printed result: the setting, then one table of medians and ratios (ours / Python).
struct Report {
    var options: Options
    var policyQuota: Int
    var ours: WorkspaceTimes
    var python: PythonBaseline
    var swiftVersion: String

    func render() -> String {
        let size = options.size
        let megabytes = String(format: "%.1f", Double(ours.fileBytes) / 1_000_000)
        let lines = [
            "iamconsole-bench — \(Self.today())",
            "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores (nproc); \(swiftVersion); "
                + "Python \(python.version)",
            "account: \(size.users) users, \(size.groups) groups, \(size.roles) roles, "
                + "\(size.policies) customer managed policies",
            "  (service.quotas.policies raised from 1500 to \(policyQuota) so the account can hold them)",
            "file: \(ours.fileBytes) bytes (\(megabytes) MB); each figure is the median of \(options.runs) runs",
            "",
            Self.row("", "iamconsole", "Python", "ratio", "Python side"),
            Self.row(
                "load", Self.time(ours.load), Self.time(python.load), Self.ratio(ours.load, python.load), "json.load"),
            Self.row(
                "save", Self.time(ours.save), Self.time(python.dumpEquivalent),
                Self.ratio(ours.save, python.dumpEquivalent), "json.dump, same format"),
            "",
            "For honesty, the other comparisons:",
            Self.row(
                "decode only", Self.time(ours.decode), Self.time(python.load), Self.ratio(ours.decode, python.load),
                "json.load (file read excluded on our side)"),
            Self.row(
                "encode only", Self.time(ours.encode), Self.time(python.dumpEquivalent),
                Self.ratio(ours.encode, python.dumpEquivalent), "json.dump, same format (our write excluded)"),
            Self.row(
                "save", Self.time(ours.save), Self.time(python.dumpPlain), Self.ratio(ours.save, python.dumpPlain),
                "plain json.dump (no indent, unsorted)"),
            Self.row(
                "save", Self.time(ours.save), Self.time(python.dumpsPlain), Self.ratio(ours.save, python.dumpsPlain),
                "f.write(json.dumps(obj)) (C encoder)"),
            "",
            "ratio = iamconsole / Python: below 1.0 is faster than Python. The goal is load <= 1.0 and save <= 1.0",
            "on the first two rows. Our load reads the file and fingerprints it (WorkspaceFile.read); our save",
            "encodes, then saves durably (fsync, backup link, atomic rename) under the workspace lock, while",
            "Python's dump only writes the file.",
            "Python's same-format dump vs our file: \(python.equivalentMatch).",
        ]
        return lines.joined(separator: "\n")
    }

    private static func row(
        _ what: String, _ ours: String, _ python: String, _ ratio: String, _ note: String
    )
        -> String
    {
        what.padding(toLength: 13, withPad: " ", startingAt: 0) + pad(ours, 12) + pad(python, 12) + pad(ratio, 8)
            + "  " + note
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    private static func time(_ seconds: Double) -> String { String(format: "%.3f s", seconds) }

    private static func ratio(_ ours: Double, _ python: Double) -> String {
        python > 0 ? String(format: "%.2f", ours / python) : "n/a"
    }

    private static func today() -> String { String(Timestamp(Date()).iso8601.prefix(10)) }
}
