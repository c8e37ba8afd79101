import Foundation
import IAMCore
import IAMWorkspace

/// Our side of the comparison: medians in seconds for one workspace file.
struct WorkspaceTimes {
    var fileBytes: Int
    /// `WorkspaceFile.read` (whole file, with its content fingerprint) + `WorkspaceCodec.decode`.
    var load: Double
    /// `WorkspaceCodec.decode` alone, from bytes in memory.
    var decode: Double
    /// `WorkspaceCodec.encode` + `WorkspaceFile.write` (locked, durable, atomic save with backup).
    var save: Double
    /// `WorkspaceCodec.encode` alone.
    var encode: Double

    /// Measures load and save of the workspace at `path`, which holds `account`.
    static func run(path: String, account: Account, runs: Int) throws -> WorkspaceTimes {
        let file = WorkspaceFile(path: path)
        let bytes = try file.read().data
        guard try WorkspaceCodec.decode(bytes, path: path) == account else {
            throw BenchmarkError("the workspace file does not decode to the account that was saved")
        }
        let load = try medianSeconds(runs: runs) {
            let data = try file.read().data
            _ = try WorkspaceCodec.decode(data, path: path)
        }
        let decode = try medianSeconds(runs: runs) { _ = try WorkspaceCodec.decode(bytes, path: path) }
        let encode = try medianSeconds(runs: runs) { _ = try WorkspaceCodec.encode(account) }
        guard try WorkspaceCodec.encode(account) == bytes else {
            throw BenchmarkError("encoding the account again did not give the same bytes")
        }
        // Each timed save replaces a slightly different previous version (written untimed), because
        // `WorkspaceFile.write` skips writing bytes identical to what is on disk.
        let previous = bytes.dropLast()
        var samples: [Double] = []
        for _ in 0..<max(runs, 1) {
            try file.write(previous, overwrite: true)
            samples.append(
                try seconds {
                    let data = try WorkspaceCodec.encode(account)
                    try file.write(data, overwrite: true)
                })
        }
        let save = median(samples)
        return WorkspaceTimes(fileBytes: bytes.count, load: load, decode: decode, save: save, encode: encode)
    }
}
