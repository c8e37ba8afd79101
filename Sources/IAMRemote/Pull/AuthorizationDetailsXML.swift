import IAMPolicy

/// Turns the XML pages of `GetAccountAuthorizationDetails` into the JSON the AWS CLI prints for
/// `aws iam get-account-authorization-details`, so the workspace importer reads an endpoint's
/// answer exactly as it reads a file (one reader of that shape, not two).
///
/// XML does not say which empty element is a list, which an object and which a string, nor
/// which text is a number or a boolean; the API's shape does, and the names below are that shape.
enum AuthorizationDetailsXML {
    /// Elements that hold `<member>` lists.
    static let lists: Set<String> = [
        "UserDetailList", "GroupDetailList", "RoleDetailList", "Policies", "UserPolicyList", "GroupList",
        "AttachedManagedPolicies", "Tags", "GroupPolicyList", "RolePolicyList", "InstanceProfileList", "Roles",
        "PolicyVersionList",
    ]
    /// Elements that are structures even when empty.
    static let objects: Set<String> = ["RoleLastUsed", "PermissionsBoundary"]
    static let booleans: Set<String> = ["IsDefaultVersion", "IsAttachable", "IsTruncated"]
    static let numbers: Set<String> = ["AttachmentCount", "PermissionsBoundaryUsageCount", "MaxSessionDuration"]
    /// Members left out when empty, as the AWS CLI leaves them out: an empty boundary means none,
    /// and an empty description is no description.
    static let droppedWhenEmpty: Set<String> = ["PermissionsBoundary", "Description"]

    /// The four lists of every page, merged in page order, as one AWS CLI-shaped object.
    static func merged(_ pages: [XMLNode]) -> JSONValue {
        var members: [JSONMember] = []
        for list in ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"] {
            let elements = pages.flatMap { page -> [JSONValue] in
                guard let node = page.child(list), case .array(let values) = value(node) else { return [] }
                return values
            }
            members.append(JSONMember(key: list, value: .array(elements)))
        }
        return .object(members)
    }

    /// The JSON value of one element, by the shape rules above.
    static func value(_ node: XMLNode) -> JSONValue {
        if lists.contains(node.name) {
            return .array(node.children.filter { $0.name == "member" }.map(memberValue))
        }
        if !node.children.isEmpty || objects.contains(node.name) { return object(node) }
        if booleans.contains(node.name) { return .bool(node.text == "true") }
        if numbers.contains(node.name), !node.text.isEmpty, node.text.allSatisfy(\.isNumber) {
            return .number(node.text)
        }
        return .string(node.text)
    }

    private static func memberValue(_ member: XMLNode) -> JSONValue {
        member.children.isEmpty ? .string(member.text) : object(member)
    }

    private static func object(_ node: XMLNode) -> JSONValue {
        .object(
            node.children.compactMap { child in
                let converted = value(child)
                if droppedWhenEmpty.contains(child.name), converted == .object([]) || converted == .string("") {
                    return nil
                }
                return JSONMember(key: child.name, value: converted)
            })
    }
}
