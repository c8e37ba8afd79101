import Crypto

/// Finding ids: a UUID-shaped digest of what the finding is about (analyzer, resource, principal,
/// actions and conditions), so the same grant keeps its id, and its status, across every
/// re-analysis and in every workspace.
enum FindingIdentity {
    static func id(analyzer: String, resource: String, access: ExternalAccess) -> String {
        var text = analyzer + "\n" + resource + "\n"
        text += access.principal.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: ",")
        text += "\n" + access.actions.joined(separator: ",") + "\n"
        text += access.condition.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: ",")
        let digest = Array(SHA256.hash(data: Array(text.utf8)))
        let hex = digest.prefix(16).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}
