/// Who makes a request, as the evaluator needs to know it for `Principal` matching.
public struct EvaluationPrincipal: Sendable, Equatable {
    /// What kind of identity the principal is.
    public enum Kind: Sendable, Equatable {
        /// The account's root user; `arn` is `arn:aws:iam::ACCT:root`.
        case root
        /// An IAM user; `arn` is the user's ARN with its path.
        case user
        /// A role acting without a session ARN (rare; a role normally acts through a session).
        case role
        /// A role session; `arn` is `arn:aws:sts::ACCT:assumed-role/NAME/SESSION`, `roleArn` the role's ARN with its path.
        case assumedRole(roleArn: String)
        /// An STS federated user session, `arn:aws:sts::ACCT:federated-user/NAME`.
        case federatedUser
        /// An AWS service; `arn` is its service principal name, for example `s3.amazonaws.com`.
        case service
        /// A SAML or OIDC identity provider (`Principal: {"Federated": …}`); `arn` is the provider ARN or name.
        case identityProvider
        /// An Amazon S3 canonical user; `arn` is the canonical user ID.
        case canonicalUser
        /// An unauthenticated caller; only `"*"` names it.
        case anonymous
    }

    /// The principal's ARN (or service name, provider or canonical ID, per ``kind``).
    public var arn: String
    /// The 12-digit account the principal belongs to; empty for services and anonymous callers.
    public var accountId: String
    /// What kind of identity this is.
    public var kind: Kind

    /// Creates a principal.
    public init(arn: String, accountId: String, kind: Kind) {
        self.arn = arn
        self.accountId = accountId
        self.kind = kind
    }

    /// Whether this is an identity of an AWS account (root, user, role or session): the principals
    /// SCPs, identity policies and boundaries apply to.
    public var isAccountIdentity: Bool {
        switch kind {
        case .root, .user, .role, .assumedRole, .federatedUser: true
        case .service, .identityProvider, .canonicalUser, .anonymous: false
        }
    }
}

/// A request context value as AWS passes it: every type (Boolean, number, date, IP, base-64) in its string form.
public enum ContextValue: Sendable, Equatable {
    /// A single-valued key.
    case string(String)
    /// A multivalued key, such as `aws:TagKeys`; an empty set is distinct from a missing key.
    case strings([String])
}

/// Which kind of resource-based policy ``EvaluationRequest/resourcePolicy`` is.
public enum ResourcePolicyKind: Sendable, Equatable {
    /// An ordinary resource policy (S3 bucket, SQS queue, …): in the same account, an identity allow is enough.
    case generic
    /// A KMS key policy: it must itself allow the principal (*Policy evaluation logic*, exceptions).
    case kmsKeyPolicy
    /// A role trust policy: it must itself allow the principal (*Policy evaluation logic*, exceptions).
    case roleTrustPolicy
}

/// One request to authorise: who, what, on which resource, in which context, under which policies.
public struct EvaluationRequest: Sendable {
    /// Who makes the request.
    public var principal: EvaluationPrincipal {
        get { storedPrincipal }
        set {
            storedPrincipal = newValue
            prepare()
        }
    }
    /// ``principal``'s storage: a plain stored property, so the engine can read it in place, through a
    /// pointer into the request, instead of copying it (a retain of each of its strings).
    private(set) var storedPrincipal: EvaluationPrincipal
    /// What the decision needs to know of ``principal``, read without touching its strings.
    private(set) var principalTraits: PrincipalTraits
    /// `service:Action`, in any case.
    public var action: String {
        didSet {
            actionHash = Self.loweredHash(action)
            prepare()
        }
    }
    /// The resource ARN (case-sensitive), or `*`.
    public var resource: String {
        didSet { prepare() }
    }
    /// The account owning the resource; `nil` means the principal's own account.
    public var resourceAccount: String?
    /// Request context keys; keys compare case-insensitively, as AWS does.
    public var context: [String: ContextValue] {
        didSet { prepare() }
    }
    /// The principal's identity-based policies (its own, its groups', or the role's).
    public var identityPolicies: [ParsedPolicy] {
        didSet { policySetPlan = nil }
    }
    /// The principal's permissions boundary, if it has one.
    public var permissionsBoundary: ParsedPolicy? {
        didSet { policySetPlan = nil }
    }
    /// The resource-based policy of ``resource``, if any.
    public var resourcePolicy: ParsedPolicy?
    /// What kind of policy ``resourcePolicy`` is.
    public var resourcePolicyKind: ResourcePolicyKind
    /// One array per level of the organization path (root, OUs, account); empty when not in an organization.
    public var scps: [[ParsedPolicy]]
    /// Session policies passed when the session was created.
    public var sessionPolicies: [ParsedPolicy]
    /// ``context`` and the principal-derived keys, searchable without hashing strings, with the action and
    /// resource's bytes; kept in step by the observers of ``principal``, ``action``, ``resource`` and ``context``.
    private(set) var prepared: PreparedContext
    /// Where ``prepared`` is, read without touching it (reading a reference retains it, a write to its
    /// object): the engine asks for its memory one request ahead.
    private(set) var preparedMemory: PreparedMemory
    /// The merged form of ``identityPolicies`` and ``permissionsBoundary`` (``PolicySetPlans``); dropped by
    /// their observers, so when present it was built from exactly these policy objects.
    var policySetPlan: PolicySetPlan?
    /// ``ActionIndex/hash(_:)`` of ``action`` lowered, kept in step by its observer: the plan's list and the
    /// policies' candidates are found with it.
    private(set) var actionHash: UInt64

    /// Whether evaluation can use a plan shared with other requests (``PolicySetPlans/attach(to:)``).
    public var hasPolicySetPlan: Bool { policySetPlan != nil }

    /// Creates a request; only the principal, action and resource are required.
    public init(
        principal: EvaluationPrincipal, action: String, resource: String, resourceAccount: String? = nil,
        context: [String: ContextValue] = [:], identityPolicies: [ParsedPolicy] = [],
        permissionsBoundary: ParsedPolicy? = nil, resourcePolicy: ParsedPolicy? = nil,
        resourcePolicyKind: ResourcePolicyKind = .generic, scps: [[ParsedPolicy]] = [],
        sessionPolicies: [ParsedPolicy] = []
    ) {
        storedPrincipal = principal
        self.action = action
        actionHash = Self.loweredHash(action)
        self.resource = resource
        self.resourceAccount = resourceAccount
        self.context = context
        self.identityPolicies = identityPolicies
        self.permissionsBoundary = permissionsBoundary
        self.resourcePolicy = resourcePolicy
        self.resourcePolicyKind = resourcePolicyKind
        self.scps = scps
        self.sessionPolicies = sessionPolicies
        (principalTraits, prepared, preparedMemory) = Self.preparation(principal, action, resource, context)
    }

    /// Also finds the plan's list again: it depends on the action and the resource.
    private mutating func prepare() {
        (principalTraits, prepared, preparedMemory) = Self.preparation(principal, action, resource, context)
        policySetPlan = policySetPlan?.located(for: prepared, actionHash: actionHash)
    }

    /// What ``prepare()`` keeps of the request, made from its principal, action, resource and context.
    private static func preparation(
        _ principal: EvaluationPrincipal, _ action: String, _ resource: String, _ context: [String: ContextValue]
    ) -> (PrincipalTraits, PreparedContext, PreparedMemory) {
        let prepared = PreparedContext(context, principal: principal, action: action, resource: resource)
        return (PrincipalTraits(principal), prepared, PreparedMemory(prepared))
    }

    private static func loweredHash(_ action: String) -> UInt64 {
        ActionIndex.hash(action.utf8.lazy.map(lowerASCII))
    }
}

/// The request context as conditions and policy variables read it (*Variables and tags*).
struct RequestContext {
    /// Not retained: a context is made for one decision, during which the request being decided holds its
    /// prepared context; a retain and release per decision wrote to the object's cache line.
    unowned(unsafe) let prepared: PreparedContext
    /// The prepared block, read per condition without touching the object.
    let block: PreparedBlock

    init(_ prepared: PreparedContext) {
        self.prepared = prepared
        block = prepared.view
    }

    /// The value of the key numbered `id` (``ContextKeyIDs``); explicit context wins over principal-derived
    /// keys.
    @inline(__always)
    func value(id: UInt32) -> ContextValue? {
        block.position(id: id).map(prepared.value(at:))
    }

    /// A value usable as a policy variable: single-valued only (*Variables and tags*).
    func singleValue(id: UInt32) -> String? {
        switch value(id: id) {
        case .string(let text): text
        case .strings(let texts) where texts.count == 1: texts[0]
        default: nil
        }
    }
}

/// The addresses of a request's ``PreparedContext``: its object and its block. Plain values, so the engine
/// reads them from the request without retaining the object; the request keeps the object alive.
struct PreparedMemory: @unchecked Sendable {
    let object: UnsafeRawPointer
    let block: UnsafeRawPointer
    let blockSize: Int

    init(_ prepared: PreparedContext) {
        object = UnsafeRawPointer(Unmanaged.passUnretained(prepared).toOpaque())
        block = UnsafeRawPointer(prepared.block)
        blockSize = prepared.blockSize
    }
}

/// What the decision needs to know of a request's principal besides its names, computed when the request is
/// prepared.
struct PrincipalTraits: Sendable {
    /// ``EvaluationPrincipal/isAccountIdentity``.
    let isAccountIdentity: Bool
    /// Whether the principal is an account's root user.
    let isRoot: Bool

    init(_ principal: EvaluationPrincipal) {
        isAccountIdentity = principal.isAccountIdentity
        if case .root = principal.kind { isRoot = true } else { isRoot = false }
    }
}

extension UnsafePointer where Pointee == EvaluationRequest {
    /// The request's principal, in place (see ``EvaluationRequest/storedPrincipal``).
    var principal: UnsafePointer<EvaluationPrincipal> {
        guard let offset = MemoryLayout<EvaluationRequest>.offset(of: \.storedPrincipal) else {
            preconditionFailure("a stored property has an offset")
        }
        return (UnsafeRawPointer(self) + offset).assumingMemoryBound(to: EvaluationPrincipal.self)
    }
}
