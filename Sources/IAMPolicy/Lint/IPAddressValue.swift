/// Reads the values `IpAddress` and `NotIpAddress` accept: an IPv4 or IPv6 address with an optional `/prefix`.
enum IPAddressValue {
    /// Whether `text` is an IPv4 or IPv6 address or CIDR range.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let address = String(parts[0])
        let isV6 = address.contains(":")
        guard isV6 ? isIPv6(address) : isIPv4(address) else { return false }
        guard parts.count == 2 else { return true }
        let prefix = parts[1]
        guard !prefix.isEmpty, prefix.count <= 3, prefix.allSatisfy(\.isASCIIDigit), let bits = Int(prefix) else {
            return false
        }
        return bits <= (isV6 ? 128 : 32)
    }

    static func isIPv4(_ text: String) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4
            && octets.allSatisfy { octet in
                !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCIIDigit) && (Int(octet) ?? 256) <= 255
            }
    }

    static func isIPv6(_ text: String) -> Bool {
        var groups = text.components(separatedBy: ":")
        if let last = groups.last, last.contains(".") {
            guard isIPv4(last) else { return false }
            groups.removeLast()
            groups += ["0", "0"]
        }
        let compressions = text.components(separatedBy: "::").count - 1
        guard compressions <= 1 else { return false }
        let filled = groups.filter { !$0.isEmpty }
        guard filled.allSatisfy({ $0.count <= 4 && $0.allSatisfy(\.isHexDigit) }) else { return false }
        if compressions == 0 { return groups.count == 8 && filled.count == 8 }
        // "::" leaves one or two empty groups, or three when it is the whole address.
        let empties = groups.count - filled.count
        return filled.count <= 7 && empties <= (filled.isEmpty ? 3 : 2)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
