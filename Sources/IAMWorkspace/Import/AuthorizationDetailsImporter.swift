import Foundation
import IAMCore
import IAMPolicy

/// Reads the output of `aws iam get-account-authorization-details` exactly as the AWS CLI prints it.
///
/// The CLI merges pages itself and omits `IsTruncated`; any `--filter` gives a subset of the four
/// lists. Every id, ARN and date is kept as found. Fields this importer does not know are ignored
/// and listed in the notes (the CLI's output gains fields over time); anything malformed is an
/// ``ImportError`` at its position, and nothing is imported.
public struct AuthorizationDetailsImporter {
    /// The four lists the command prints.
    static let lists = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"]
    static let topLevel: Set<String> = Set(lists + ["IsTruncated", "Marker"])
    static let userFields: Set<String> = [
        "Path", "UserName", "UserId", "Arn", "CreateDate", "UserPolicyList", "GroupList",
        "AttachedManagedPolicies", "PermissionsBoundary", "Tags",
    ]
    static let groupFields: Set<String> = [
        "Path", "GroupName", "GroupId", "Arn", "CreateDate", "GroupPolicyList", "AttachedManagedPolicies",
    ]

    let file: String
    var documents: ImportedDocuments
    var details = AuthorizationDetails()
    private var unknownFields: [String] = []
    private var unknownSeen: Set<String> = []
    let progress: ((Int, Int) -> Void)?
    private(set) var read = 0
    private(set) var total = 0

    /// Reads `data` (the contents of `file`), calling `progress` with entities read and the total.
    public static func read(
        _ data: Data, file: String, progress: ((Int, Int) -> Void)? = nil
    ) throws(ImportError) -> AuthorizationDetails {
        let root: JSONNode
        do {
            root = try JSONParser.parseNode(data)
        } catch {
            let truncated = error.location.offset >= data.count
            throw ImportError(
                file: file, location: error.location,
                message: truncated ? "the file ends too early (truncated?): \(error.message)" : error.message)
        }
        var importer = AuthorizationDetailsImporter(file: file, source: data, progress: progress)
        try importer.readDocument(root)
        let details = importer.details
        // Freeing a large file's node tree takes as long as a good part of reading it: let another
        // thread do it while the caller goes on to merge and save.
        let discarded = (root, importer.documents)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(discarded) {} }
        return details
    }

    init(file: String, source: Data, progress: ((Int, Int) -> Void)?) {
        self.file = file
        self.documents = ImportedDocuments(file: file, source: source)
        self.progress = progress
    }

    private mutating func readDocument(_ root: JSONNode) throws(ImportError) {
        let top = try ImportObject(root, what: "the document", file: file)
        let keys = top.members.map(\.key)
        guard keys.contains(where: { Self.lists.contains($0) }) else {
            let found = keys.isEmpty ? "an empty object" : "fields " + keys.prefix(5).joined(separator: ", ")
            throw ImportError(
                file: file, location: root.location,
                message: "not the output of `aws iam get-account-authorization-details` (expected UserDetailList, "
                    + "GroupDetailList, RoleDetailList or Policies; found \(found))")
        }
        if try top.bool("IsTruncated") == true {
            throw top.error(
                "this is one page of a longer listing (IsTruncated is true): run the command without "
                    + "--max-items or --no-paginate so the AWS CLI merges every page")
        }
        noteUnknown(top, known: Self.topLevel, pattern: "$")
        let users = try top.array("UserDetailList")
        let groups = try top.array("GroupDetailList")
        let roles = try top.array("RoleDetailList")
        let policies = try top.array("Policies")
        total = users.count + groups.count + roles.count + policies.count
        for (index, node) in users.enumerated() {
            details.users.append(try user(ImportObject(node, what: "UserDetailList[\(index)]", file: file)))
            tick()
        }
        for (index, node) in groups.enumerated() {
            details.groups.append(try group(ImportObject(node, what: "GroupDetailList[\(index)]", file: file)))
            tick()
        }
        for (index, node) in roles.enumerated() {
            details.roles.append(try role(ImportObject(node, what: "RoleDetailList[\(index)]", file: file)))
            tick()
        }
        for (index, node) in policies.enumerated() {
            try policy(ImportObject(node, what: "Policies[\(index)]", file: file))
            tick()
        }
        progress?(read, total)
        try documents.check()
        details.notes += unknownFields
    }

    private mutating func tick() {
        read += 1
        if read % 250 == 0 { progress?(read, total) }
    }

    /// Records each unknown field once per place (`UserDetailList[].Foo`), so 5,000 users with a new
    /// field make one note, not 5,000.
    mutating func noteUnknown(_ object: ImportObject, known: Set<String>, pattern: String) {
        for member in object.members where !known.contains(member.key) {
            let place = "\(pattern).\(member.key)"
            if unknownSeen.insert(place).inserted {
                unknownFields.append(
                    "unknown field \(place) ignored (first at \(file):\(member.keyLocation.line):"
                        + "\(member.keyLocation.column))")
            }
        }
    }

    /// Checks that `arn` is the ARN IAM gives an entity of this kind, path and name, in the file's account.
    mutating func checkARN(
        _ object: ImportObject, _ arn: String, expected: (String) -> String
    ) throws(ImportError) {
        guard let parsed = IAMResourceName(arn), parsed.account.count == 12 else {
            throw object.error("'Arn' is not an IAM ARN: \(arn)", at: object.value("Arn"))
        }
        if let account = details.accountId, account != parsed.account {
            throw object.error(
                "'Arn' is in account \(parsed.account), but earlier entities are in account \(account)",
                at: object.value("Arn"))
        }
        details.accountId = parsed.account
        let built = expected(parsed.account)
        guard built == arn else {
            throw object.error(
                "'Arn' \(arn) does not match the path and name (expected \(built))", at: object.value("Arn"))
        }
    }

    mutating func inlinePolicies(_ object: ImportObject, _ key: String) throws(ImportError) -> [InlinePolicy] {
        var policies: [InlinePolicy] = []
        for (index, element) in try object.array(key).enumerated() {
            let entry = try ImportObject(element, what: "\(object.what).\(key)[\(index)]", file: file)
            let name = try entry.string("PolicyName")
            let document = try documents.read(
                try entry.required("PolicyDocument"), kind: .identity, what: "\(entry.what).PolicyDocument")
            policies.append(InlinePolicy(name: name, document: document))
        }
        return policies.sorted { $0.name < $1.name }
    }

    private mutating func user(_ object: ImportObject) throws(ImportError) -> User {
        noteUnknown(object, known: Self.userFields, pattern: "UserDetailList[]")
        let name = try object.string("UserName")
        let path = try object.string("Path")
        try checkARN(object, try object.string("Arn")) { ResourceNames.user($0, path: path, name: name) }
        var user = User(
            name: name, path: path, id: try object.string("UserId"), createDate: try object.date("CreateDate"))
        user.inlinePolicies = try inlinePolicies(object, "UserPolicyList")
        user.groups = try object.strings("GroupList")
        user.attachedPolicies = try object.attachedPolicies()
        user.permissionsBoundary = try object.boundary()
        user.tags = try object.tags()
        return user
    }

    private mutating func group(_ object: ImportObject) throws(ImportError) -> Group {
        noteUnknown(object, known: Self.groupFields, pattern: "GroupDetailList[]")
        let name = try object.string("GroupName")
        let path = try object.string("Path")
        try checkARN(object, try object.string("Arn")) { ResourceNames.group($0, path: path, name: name) }
        var group = Group(
            name: name, path: path, id: try object.string("GroupId"), createDate: try object.date("CreateDate"))
        group.inlinePolicies = try inlinePolicies(object, "GroupPolicyList")
        group.attachedPolicies = try object.attachedPolicies()
        return group
    }
}
