import IAMCore
import IAMPolicy

/// One JSON object of an imported file, with typed accessors that fail with the member's position.
///
/// Lists AWS always prints (`UserPolicyList`, `Tags`, ...) read as empty when missing, because
/// `--query` or older CLI versions leave them out and an empty list means the same thing.
struct ImportObject {
    let node: JSONNode
    let members: [JSONNode.Member]
    /// Where the object is, for messages: `UserDetailList[3]`.
    let what: String
    let file: String

    init(_ node: JSONNode, what: String, file: String) throws(ImportError) {
        guard let members = node.members else {
            throw ImportError(
                file: file, location: node.location,
                message: "\(what): expected an object, found \(node.value.typeName)")
        }
        self.node = node
        self.members = members
        self.what = what
        self.file = file
    }

    func error(_ message: String, at node: JSONNode? = nil) -> ImportError {
        ImportError(file: file, location: (node ?? self.node).location, message: "\(what): \(message)")
    }

    func value(_ key: String) -> JSONNode? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    func required(_ key: String) throws(ImportError) -> JSONNode {
        guard let value = value(key) else { throw error("missing field '\(key)'") }
        return value
    }

    func string(_ key: String) throws(ImportError) -> String {
        let node = try required(key)
        guard let text = node.stringValue else {
            throw error("'\(key)' must be a string, found \(node.value.typeName)", at: node)
        }
        return text
    }

    func optionalString(_ key: String) throws(ImportError) -> String? {
        guard let node = value(key), node.kind != .null else { return nil }
        guard let text = node.stringValue else {
            throw error("'\(key)' must be a string, found \(node.value.typeName)", at: node)
        }
        return text
    }

    func date(_ key: String) throws(ImportError) -> Timestamp {
        let node = try required(key)
        return try date(node, key)
    }

    func optionalDate(_ key: String) throws(ImportError) -> Timestamp? {
        guard let node = value(key), node.kind != .null else { return nil }
        return try date(node, key)
    }

    private func date(_ node: JSONNode, _ key: String) throws(ImportError) -> Timestamp {
        guard let text = node.stringValue, let date = Timestamp(iso8601: text) else {
            throw error("'\(key)' must be an ISO 8601 date such as 2026-11-29T06:31:29+00:00", at: node)
        }
        return date
    }

    func bool(_ key: String) throws(ImportError) -> Bool? {
        guard let node = value(key), node.kind != .null else { return nil }
        guard case .bool(let flag) = node.kind else {
            throw error("'\(key)' must be true or false, found \(node.value.typeName)", at: node)
        }
        return flag
    }

    func array(_ key: String) throws(ImportError) -> [JSONNode] {
        guard let node = value(key), node.kind != .null else { return [] }
        guard let elements = node.elements else {
            throw error("'\(key)' must be a list, found \(node.value.typeName)", at: node)
        }
        return elements
    }

    func object(_ key: String) throws(ImportError) -> ImportObject? {
        guard let node = value(key), node.kind != .null else { return nil }
        return try ImportObject(node, what: "\(what).\(key)", file: file)
    }

    func strings(_ key: String) throws(ImportError) -> [String] {
        try array(key).map { (element) throws(ImportError) -> String in
            guard let text = element.stringValue else {
                throw error("'\(key)' must list strings, found \(element.value.typeName)", at: element)
            }
            return text
        }
    }

    func tags() throws(ImportError) -> [Tag] {
        var tags: [Tag] = []
        for (index, element) in try array("Tags").enumerated() {
            let tag = try ImportObject(element, what: "\(what).Tags[\(index)]", file: file)
            tags.append(Tag(key: try tag.string("Key"), value: try tag.string("Value")))
        }
        return tags
    }

    /// The `PermissionsBoundaryArn` of a `PermissionsBoundary` member, if there is one.
    func boundary() throws(ImportError) -> String? {
        guard let boundary = try object("PermissionsBoundary") else { return nil }
        return try boundary.string("PermissionsBoundaryArn")
    }

    /// The ARNs of `AttachedManagedPolicies`.
    func attachedPolicies() throws(ImportError) -> [String] {
        var arns: [String] = []
        for (index, element) in try array("AttachedManagedPolicies").enumerated() {
            let attached = try ImportObject(element, what: "\(what).AttachedManagedPolicies[\(index)]", file: file)
            arns.append(try attached.string("PolicyArn"))
        }
        return arns
    }
}
