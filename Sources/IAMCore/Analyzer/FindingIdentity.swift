import Crypto

/// Finding ids: a UUID-shaped digest of what the finding is about (analyzer, resource, principal,
/// actions and conditions), so the same grant keeps its id, and its status, across every
/// re-analysis and in every workspace.
enum FindingIdentity {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func id(analyzer: String, resource: String, access: ExternalAccess) -> String {
        // Fed piece by piece: a re-analysis of thousands of resources makes an id per finding.
        var hasher = SHA256()
        func feed(_ text: String, _ separator: UInt8) {
            var text = text
            text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            hasher.update(data: [separator])
        }
        feed(analyzer, 0x0A)
        feed(resource, 0x0A)
        for (key, value) in access.principal.sorted(by: { $0.key < $1.key }) {
            feed(key, UInt8(ascii: "="))
            feed(value, UInt8(ascii: ","))
        }
        hasher.update(data: [0x0A])
        for action in access.actions { feed(action, UInt8(ascii: ",")) }
        hasher.update(data: [0x0A])
        for (key, value) in access.condition.sorted(by: { $0.key < $1.key }) {
            feed(key, UInt8(ascii: "="))
            feed(value, UInt8(ascii: ","))
        }
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in hasher.finalize().prefix(16).enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
