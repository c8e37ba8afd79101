import Foundation
import IAMCore
import IAMWorkspace

/// The `--cloudtrail` inputs of `workspace import`: files, or folders as CloudTrail delivers them
/// (`AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/*.json.gz`), searched recursively.
enum CloudTrailFiles {
    /// The files `paths` name, folders replaced by the `.json` and `.json.gz` files under them in
    /// name order. A path that does not exist is an error before anything is read.
    static func expand(_ paths: [String]) throws(ImportError) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ImportError(file: path, location: nil, message: "no such file or folder")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let found = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".json") || $0.hasSuffix(".json.gz") }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            if found.isEmpty {
                throw ImportError(file: path, location: nil, message: "the folder holds no .json or .json.gz files")
            }
            files += found
        }
        return files
    }

    /// Reads each file and records its activity into `account`, showing progress on a terminal.
    static func apply(
        _ files: [String], to account: Account, now: Timestamp, summary: inout ImportSummary
    ) throws -> Account {
        var tally = CloudTrailImporter.Tally()
        var result = account
        let onTerminal = isatty(STDERR_FILENO) == 1
        for (index, file) in files.enumerated() {
            if onTerminal {
                FileHandle.standardError.write(Data("\rReading CloudTrail files: \(index + 1) of \(files.count)".utf8))
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ImportError(file: file, location: nil, message: "cannot read the file")
            }
            try CloudTrailImporter.record([UInt8](data), file: file, into: &result, now: now, tally: &tally)
        }
        if onTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
        CloudTrailImporter.summarize(tally, files: files.count, into: &summary)
        return result
    }
}
