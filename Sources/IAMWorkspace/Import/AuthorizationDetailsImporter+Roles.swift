import IAMCore
import IAMPolicy

extension AuthorizationDetailsImporter {
    static let roleFields: Set<String> = [
        "Path", "RoleName", "RoleId", "Arn", "CreateDate", "AssumeRolePolicyDocument", "InstanceProfileList",
        "RolePolicyList", "AttachedManagedPolicies", "PermissionsBoundary", "Tags", "RoleLastUsed",
    ]
    static let profileFields: Set<String> = [
        "Path", "InstanceProfileName", "InstanceProfileId", "Arn", "CreateDate", "Roles", "Tags",
    ]
    static let policyFields: Set<String> = [
        "PolicyName", "PolicyId", "Arn", "Path", "DefaultVersionId", "AttachmentCount",
        "PermissionsBoundaryUsageCount", "IsAttachable", "Description", "CreateDate", "UpdateDate",
        "PolicyVersionList",
    ]
    static let versionFields: Set<String> = ["Document", "VersionId", "IsDefaultVersion", "CreateDate"]

    mutating func role(_ object: ImportObject) throws(ImportError) -> Role {
        noteUnknown(object, known: Self.roleFields, pattern: "RoleDetailList[]")
        let name = try object.string("RoleName")
        let path = try object.string("Path")
        try checkARN(object, try object.string("Arn")) { ResourceNames.role($0, path: path, name: name) }
        let trust = try documents.read(
            try object.required("AssumeRolePolicyDocument"), kind: .trust,
            what: "\(object.what).AssumeRolePolicyDocument")
        var role = Role(
            name: name, path: path, id: try object.string("RoleId"), createDate: try object.date("CreateDate"),
            assumeRolePolicyDocument: trust)
        role.inlinePolicies = try inlinePolicies(object, "RolePolicyList")
        role.attachedPolicies = try object.attachedPolicies()
        role.permissionsBoundary = try object.boundary()
        role.tags = try object.tags()
        if let lastUsed = try object.object("RoleLastUsed"), let date = try lastUsed.optionalDate("LastUsedDate") {
            role.lastUsed = RoleLastUsed(date: date, region: try lastUsed.optionalString("Region"))
        }
        for (index, element) in try object.array("InstanceProfileList").enumerated() {
            let profile = try ImportObject(element, what: "\(object.what).InstanceProfileList[\(index)]", file: file)
            try instanceProfile(profile, role: name)
        }
        return role
    }

    private mutating func instanceProfile(_ object: ImportObject, role: String) throws(ImportError) {
        noteUnknown(object, known: Self.profileFields, pattern: "RoleDetailList[].InstanceProfileList[]")
        let name = try object.string("InstanceProfileName")
        let path = try object.string("Path")
        try checkARN(object, try object.string("Arn")) { ResourceNames.instanceProfile($0, path: path, name: name) }
        var profile = InstanceProfile(
            name: name, path: path, id: try object.string("InstanceProfileId"),
            createDate: try object.date("CreateDate"))
        profile.roles = [role]
        profile.tags = try object.tags()
        details.instanceProfiles.append(profile)
    }

    mutating func policy(_ object: ImportObject) throws(ImportError) {
        noteUnknown(object, known: Self.policyFields, pattern: "Policies[]")
        let arnNode = try object.required("Arn")
        let arn = try object.string("Arn")
        if AWSManagedPolicyCatalog.isAWSManagedARN(arn) {
            details.awsManagedPolicies.append(arn)
            return
        }
        let name = try object.string("PolicyName")
        let path = try object.string("Path")
        try checkARN(object, arn) { ResourceNames.policy($0, path: path, name: name) }
        if try object.bool("IsAttachable") == false {
            throw object.error("IsAttachable is false, which a customer managed policy never is", at: arnNode)
        }
        let id: String
        if let given = try object.optionalString("PolicyId") {
            id = given
        } else {
            id = Self.placeholderPolicyId(arn: arn)
            details.policiesWithoutId.insert(Account.key(name))
        }
        let defaultVersion = try object.string("DefaultVersionId")
        var versions: [PolicyVersion] = []
        var highest = 0
        for (index, element) in try object.array("PolicyVersionList").enumerated() {
            let entry = try ImportObject(element, what: "\(object.what).PolicyVersionList[\(index)]", file: file)
            noteUnknown(entry, known: Self.versionFields, pattern: "Policies[].PolicyVersionList[]")
            let versionId = try entry.string("VersionId")
            guard versionId.first == "v", let number = Int(versionId.dropFirst().prefix { $0.isNumber }), number > 0
            else {
                throw entry.error("'VersionId' must look like v1, v2, ...: \(versionId)", at: entry.value("VersionId"))
            }
            highest = max(highest, number)
            let document = try documents.read(
                try entry.required("Document"), kind: .managed, what: "\(entry.what).Document")
            versions.append(
                PolicyVersion(versionId: versionId, document: document, createDate: try entry.date("CreateDate")))
        }
        guard versions.contains(where: { $0.versionId == defaultVersion }) else {
            throw object.error("the default version \(defaultVersion) is not in PolicyVersionList", at: arnNode)
        }
        let created = try object.date("CreateDate")
        var policy = ManagedPolicy(
            name: name, path: path, id: id, description: try object.optionalString("Description"),
            createDate: created, document: "")
        policy.updateDate = try object.optionalDate("UpdateDate") ?? created
        policy.defaultVersionId = defaultVersion
        // AWS lists versions newest first; the model keeps them oldest first.
        policy.versions = versions.sorted { $0.createDate < $1.createDate }
        policy.nextVersionNumber = highest + 1
        details.policies.append(policy)
    }

    /// An `ANPA…` id derived from the ARN, for output that lacks `PolicyId` (some emulators omit
    /// it): the same ARN always gets the same id, so re-importing does not churn the workspace.
    static func placeholderPolicyId(arn: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var id = "ANPA"
        for round in 0..<17 {
            for byte in arn.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ UInt64(round)) &* 0x100_0000_01b3
            id.append(alphabet[Int(hash >> 59)])
        }
        return id
    }
}
