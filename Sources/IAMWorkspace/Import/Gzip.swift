import CZlib
import Foundation

/// Reads gzip files (CloudTrail writes its log files as `.json.gz`) through the system's zlib.
public enum Gzip {
    /// Whether `bytes` start with the gzip magic number (`1f 8b`).
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The decompressed contents of the gzip data in `bytes` (every member, when several were
    /// concatenated, as `gzip` itself reads them).
    ///
    /// `file` names the input in the error a damaged or truncated file gives.
    public static func decompress(_ bytes: [UInt8], file: String) throws(ImportError) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits + 16: expect a gzip header and trailer, and check the trailer's CRC.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ImportError(file: file, location: nil, message: "cannot start the gzip decoder")
        }
        defer { inflateEnd(&stream) }
        guard bytes.count < Int(UInt32.max) else {
            throw ImportError(file: file, location: nil, message: "the file is larger than 4 GB")
        }
        let chunkSize = 1 << 16
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 8)
        var input = bytes
        return try input.withUnsafeMutableBufferPointer { (buffer) throws(ImportError) -> [UInt8] in
            stream.next_in = buffer.baseAddress
            stream.avail_in = UInt32(buffer.count)
            while true {
                stream.next_out = chunk
                stream.avail_out = UInt32(chunkSize)
                let status = inflate(&stream, Z_NO_FLUSH)
                output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: chunkSize - Int(stream.avail_out)))
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // Another member may follow (`cat a.gz b.gz`); zero padding after the last one ends the file.
                    let rest = buffer.suffix(Int(stream.avail_in))
                    if rest.allSatisfy({ $0 == 0 }) { return output }
                    guard inflateReset(&stream) == Z_OK else {
                        throw ImportError(file: file, location: nil, message: "cannot restart the gzip decoder")
                    }
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw ImportError(file: file, location: nil, message: "the gzip file is truncated")
                default:
                    throw ImportError(file: file, location: nil, message: "not a valid gzip file (\(describe(status)))")
                }
            }
        }
    }

    private static func describe(_ status: Int32) -> String {
        switch status {
        case Z_DATA_ERROR: "corrupt data"
        case Z_MEM_ERROR: "out of memory"
        case Z_NEED_DICT: "needs a preset dictionary"
        default: "zlib status \(status)"
        }
    }
}
