/// The order in which an apply makes changes, so each call finds what it needs: policies before
/// they are attached, groups before members join, roles before instance profiles take them,
/// grants before revokes (a principal never loses access it is about to get back elsewhere),
/// detaching before deleting, instance profiles deleted before their roles, users before their
/// groups, and customer managed policies deleted last.
public enum ApplyPhase: Int, Sendable, Comparable, CaseIterable {
    case account
    case createPolicies
    case updatePolicies
    case createGroups
    case createUsers
    case createRoles
    case createInstanceProfiles
    case updateEntities
    case grant
    case revoke
    case deleteInstanceProfiles
    case deleteUsers
    case deleteGroups
    case deleteRoles
    case deletePolicies

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One IAM API call of a change.
public struct PlannedCall: Sendable, Equatable {
    public var action: String
    public var parameters: QueryParameters

    /// Creates a call.
    public init(_ action: String, _ parameters: QueryParameters) {
        self.action = action
        self.parameters = parameters
    }
}

/// A policy document before and after a change, pretty-printed with sorted keys so a line diff
/// shows what changed; nil on the side where there is no document.
public struct DocumentChange: Sendable, Equatable {
    public var old: String?
    public var new: String?

    /// Creates a document change.
    public init(old: String?, new: String?) {
        self.old = old
        self.new = new
    }
}

/// One change of a plan, as a person reads it (`+ create user alice`) and as the calls that make it.
public struct PlannedChange: Sendable, Equatable {
    /// Whether the change adds, alters or removes something: printed as `+`, `~` or `-`.
    public enum Effect: String, Sendable, Equatable, CaseIterable {
        case create, update, delete

        /// `+`, `~` or `-`.
        public var symbol: String {
            switch self {
            case .create: return "+"
            case .update: return "~"
            case .delete: return "-"
            }
        }
    }

    public var effect: Effect
    public var phase: ApplyPhase
    /// What changes, in a few words: `create user alice`, `attach policy ARN to role admin`.
    public var summary: String
    /// Further lines: the settings of a new entity, the fields that change.
    public var details: [String]
    /// The policy document that changes, if any.
    public var document: DocumentChange?
    /// The calls that make the change, in order.
    public var calls: [PlannedCall]

    /// Creates a change.
    public init(
        _ effect: Effect, _ phase: ApplyPhase, _ summary: String, details: [String] = [],
        document: DocumentChange? = nil, calls: [PlannedCall]
    ) {
        self.effect = effect
        self.phase = phase
        self.summary = summary
        self.details = details
        self.document = document
        self.calls = calls
    }
}

/// What would change on an endpoint to make it match a workspace, in the order apply makes it.
public struct RemotePlan: Sendable, Equatable {
    /// The changes, in apply order.
    public var changes: [PlannedChange]
    /// Differences a plan cannot make (passwords, new access keys, MFA devices, paths IAM
    /// cannot change), each said once.
    public var notes: [String]

    /// Creates a plan; the changes are put in apply order (by phase, keeping their order within one).
    public init(changes: [PlannedChange], notes: [String]) {
        self.changes = changes.enumerated().sorted { left, right in
            left.element.phase == right.element.phase
                ? left.offset < right.offset
                : left.element.phase < right.element.phase
        }.map(\.element)
        self.notes = notes
    }

    /// Whether the endpoint already matches.
    public var isEmpty: Bool { changes.isEmpty }

    /// How many changes have each effect.
    public func count(_ effect: PlannedChange.Effect) -> Int { changes.filter { $0.effect == effect }.count }
}
