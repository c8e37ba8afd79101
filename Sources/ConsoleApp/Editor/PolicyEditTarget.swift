import IAMCore
import IAMPolicy

/// One stored version of a managed policy, as the editor needs it: to show the chooser of a
/// version to delete and to diff against the default version.
public struct PolicyEditVersion: Sendable, Equatable {
    /// `v1`, `v2`...
    public var id: String
    /// True for the policy's default version.
    public var isDefault: Bool
    /// When the version was created.
    public var createDate: Timestamp
    /// The version's policy document.
    public var document: String

    /// Creates a version description.
    public init(id: String, isDefault: Bool, createDate: Timestamp, document: String) {
        self.id = id
        self.isDefault = isDefault
        self.createDate = createDate
        self.document = document
    }
}

/// What the policy editor edits; it decides the lint kind, the save requests and the title.
public enum PolicyEditTarget: Sendable, Equatable {
    /// A customer managed policy; saving creates a new default version.
    case managedPolicy(arn: String, versions: [PolicyEditVersion])
    /// An inline policy of a user, group or role; saving puts the policy.
    case inlinePolicy(kind: IdentityKind, entity: String, name: String)
    /// A role's trust policy; saving updates the assume-role policy.
    case trustPolicy(role: String)
    /// A customer managed policy not created yet (access advisor's least-privilege draft); saving
    /// creates it, attached to nothing.
    case newManagedPolicy(name: String)
    /// The resource-based policy of an S3 bucket, KMS key, SQS queue or Secrets Manager secret;
    /// saving puts it through the resource's service (Lambda writes its policies from permissions).
    case resourcePolicy(arn: String, type: AnalyzedResourceType)

    /// A managed policy target built from the model: versions oldest first, as stored.
    public static func managed(_ policy: ManagedPolicy, arn: String) -> PolicyEditTarget {
        .managedPolicy(
            arn: arn,
            versions: policy.versions.map { version in
                PolicyEditVersion(
                    id: version.versionId, isDefault: version.versionId == policy.defaultVersionId,
                    createDate: version.createDate, document: version.document)
            })
    }

    /// The AWS limit on stored versions of a managed policy.
    public static let maximumVersions = 5

    /// How the linter checks this target's documents.
    public var policyKind: PolicyKind {
        switch self {
        case .managedPolicy, .newManagedPolicy: return .managed
        case .inlinePolicy: return .identity
        case .trustPolicy: return .trust
        case .resourcePolicy: return .resource
        }
    }

    /// A short title: `Policy arn:...`, `Inline policy Name of User alice`, `Trust policy of role R`.
    public var title: String {
        switch self {
        case .managedPolicy(let arn, _): return "Managed policy \(arn)"
        case .inlinePolicy(let kind, let entity, let name):
            return "Inline policy \(name) of \(kind.rawValue.lowercased()) \(entity)"
        case .trustPolicy(let role): return "Trust policy of role \(role)"
        case .newManagedPolicy(let name): return "New managed policy \(name)"
        case .resourcePolicy(let arn, let type):
            return type.policyName.prefix(1).uppercased() + type.policyName.dropFirst() + " of \(arn)"
        }
    }

    /// The document of the default version, for a managed policy.
    public var defaultDocument: String? {
        guard case .managedPolicy(_, let versions) = self else { return nil }
        return versions.first { $0.isDefault }?.document
    }

    /// Non-default versions, oldest first: the ones a save may delete.
    public var deletableVersions: [PolicyEditVersion] {
        guard case .managedPolicy(_, let versions) = self else { return [] }
        return versions.filter { !$0.isDefault }.sorted { $0.createDate < $1.createDate }
    }

    /// True when saving must first delete a version (the policy already has five).
    public var needsVersionDeletion: Bool {
        guard case .managedPolicy(_, let versions) = self else { return false }
        return versions.count >= Self.maximumVersions
    }
}

/// What the user saved: the text, and for a managed policy at its version limit the version to
/// delete first. New managed versions always become the default.
public struct PolicyEditorSave: Sendable, Equatable {
    /// What was edited.
    public var target: PolicyEditTarget
    /// The new document.
    public var text: String
    /// The version to delete before creating the new one, when the policy has five.
    public var deleteVersionId: String?
    /// Whether the new managed version becomes the default (always true, as in the console).
    public var setAsDefault: Bool

    /// Creates a save payload.
    public init(target: PolicyEditTarget, text: String, deleteVersionId: String? = nil, setAsDefault: Bool = true) {
        self.target = target
        self.text = text
        self.deleteVersionId = deleteVersionId
        self.setAsDefault = setAsDefault
    }
}

/// One IAM request a save turns into; the host runs them in order and stops at the first error.
public enum PolicyEditorRequest: Sendable {
    /// DeletePolicyVersion, to make room for a new version.
    case deletePolicyVersion(PolicyVersionRequest)
    /// CreatePolicyVersion with SetAsDefault.
    case createPolicyVersion(CreatePolicyVersionRequest)
    /// PutUserPolicy, PutGroupPolicy or PutRolePolicy.
    case putInlinePolicy(PutInlinePolicyRequest)
    /// UpdateAssumeRolePolicy.
    case updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest)
    /// CreatePolicy, for a new managed policy.
    case createPolicy(CreatePolicyRequest)
    /// PutBucketPolicy, PutKeyPolicy, SetQueueAttributes or PutResourcePolicy.
    case putResourcePolicy(arn: String, type: AnalyzedResourceType, document: String)

    /// The AWS action name, for messages and audit: `CreatePolicyVersion`, `PutRolePolicy`...
    public var actionName: String {
        switch self {
        case .deletePolicyVersion: return "DeletePolicyVersion"
        case .createPolicyVersion: return "CreatePolicyVersion"
        case .putInlinePolicy(let request):
            if request.userName != nil { return "PutUserPolicy" }
            if request.groupName != nil { return "PutGroupPolicy" }
            return "PutRolePolicy"
        case .updateAssumeRolePolicy: return "UpdateAssumeRolePolicy"
        case .createPolicy: return "CreatePolicy"
        case .putResourcePolicy(_, let type, _):
            switch type {
            case .s3Bucket: return "PutBucketPolicy"
            case .kmsKey: return "PutKeyPolicy"
            case .sqsQueue: return "SetQueueAttributes"
            default: return "PutResourcePolicy"
            }
        }
    }

    /// Runs the request against `service` as `principal`.
    public func run(on service: inout IAMService, as principal: Principal) throws(IAMError) {
        switch self {
        case .deletePolicyVersion(let request): _ = try service.deletePolicyVersion(request, as: principal)
        case .createPolicyVersion(let request): _ = try service.createPolicyVersion(request, as: principal)
        case .putInlinePolicy(let request): _ = try service.putInlinePolicy(request, as: principal)
        case .updateAssumeRolePolicy(let request): _ = try service.updateAssumeRolePolicy(request, as: principal)
        case .createPolicy(let request): _ = try service.createPolicy(request, as: principal)
        case .putResourcePolicy(let arn, let type, let document):
            try Self.putResourcePolicy(arn: arn, type: type, document: document, on: &service, as: principal)
        }
    }

    /// The service call that replaces a resource's policy, by the resource's type.
    private static func putResourcePolicy(
        arn: String, type: AnalyzedResourceType, document: String, on service: inout IAMService,
        as principal: Principal
    ) throws(IAMError) {
        let resource = service.account.resources[arn]
        switch type {
        case .s3Bucket:
            let bucket = resource?.name ?? String(arn.dropFirst("arn:aws:s3:::".count))
            _ = try service.putBucketPolicy(PutBucketPolicyRequest(bucket: bucket, policy: document), as: principal)
        case .kmsKey:
            _ = try service.putKeyPolicy(PutKeyPolicyRequest(keyId: arn, policy: document), as: principal)
        case .sqsQueue:
            let url = SharedResourceNames.queueURL(
                service.account.id, region: resource?.region ?? service.region, name: resource?.name ?? "")
            _ = try service.setQueueAttributes(
                SetQueueAttributesRequest(queueUrl: url, attributes: ["Policy": document]), as: principal)
        default:
            _ = try service.putResourcePolicy(
                PutResourcePolicyRequest(secretId: arn, resourcePolicy: document), as: principal)
        }
    }
}

extension PolicyEditorState {
    /// The IAM requests that carry out `save`, in order: DeletePolicyVersion (when a version was
    /// chosen) then CreatePolicyVersion with SetAsDefault; PutUser/Group/RolePolicy; or
    /// UpdateAssumeRolePolicy.
    public static func requests(for save: PolicyEditorSave) -> [PolicyEditorRequest] {
        switch save.target {
        case .managedPolicy(let arn, _):
            var requests: [PolicyEditorRequest] = []
            if let victim = save.deleteVersionId {
                requests.append(.deletePolicyVersion(PolicyVersionRequest(policyArn: arn, versionId: victim)))
            }
            requests.append(
                .createPolicyVersion(
                    CreatePolicyVersionRequest(
                        policyArn: arn, policyDocument: save.text, setAsDefault: save.setAsDefault)
                ))
            return requests
        case .inlinePolicy(let kind, let entity, let name):
            let request = PutInlinePolicyRequest(
                userName: kind == .user ? entity : nil, groupName: kind == .group ? entity : nil,
                roleName: kind == .role ? entity : nil, policyName: name, policyDocument: save.text)
            return [.putInlinePolicy(request)]
        case .trustPolicy(let role):
            return [.updateAssumeRolePolicy(UpdateAssumeRolePolicyRequest(roleName: role, policyDocument: save.text))]
        case .newManagedPolicy(let name):
            return [
                .createPolicy(
                    CreatePolicyRequest(
                        policyName: name, policyDocument: save.text,
                        description: "Least-privilege draft from access advisor"))
            ]
        case .resourcePolicy(let arn, let type):
            return [.putResourcePolicy(arn: arn, type: type, document: save.text)]
        }
    }

    /// Runs every request of `save` in order against `service`; the first failure stops the rest.
    public static func perform(
        _ save: PolicyEditorSave, on service: inout IAMService, as principal: Principal
    )
        throws(IAMError)
    {
        for request in requests(for: save) { try request.run(on: &service, as: principal) }
    }
}
