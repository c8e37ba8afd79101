/// The sections of the navigation sidebar, in the order it lists them.
enum Section: Int, CaseIterable, Sendable, Equatable {
    case dashboard
    case root
    case users
    case groups
    case roles
    case policies
    case passwordPolicy
    case credentialReport
    case accessAdvisor
    case accessAnalyzer
    case simulator
    case auditLog

    /// The sidebar and breadcrumb title.
    var title: String {
        switch self {
        case .dashboard: return "Dashboard"
        case .root: return "Root account"
        case .users: return "Users"
        case .groups: return "User groups"
        case .roles: return "Roles"
        case .policies: return "Policies"
        case .passwordPolicy: return "Password policy"
        case .credentialReport: return "Credential report"
        case .accessAdvisor: return "Access advisor"
        case .accessAnalyzer: return "Access analyzer"
        case .simulator: return "Policy simulator"
        case .auditLog: return "Audit log"
        }
    }

    /// True for the sections drawn as a page with tabs (the Root account, the Password policy).
    var hasDetailPage: Bool { self == .root || self == .passwordPolicy }

    /// True for the sections that show a filterable table.
    var isList: Bool {
        [.users, .groups, .roles, .policies, .credentialReport, .accessAdvisor, .accessAnalyzer, .auditLog].contains(
            self)
    }

    /// The section a `:` command names (`users`, `roles`, `creds`…), if any.
    static func named(_ command: String) -> Section? {
        switch command.lowercased() {
        case "dashboard", "home": return .dashboard
        case "root": return .root
        case "users", "user": return .users
        case "groups", "group", "usergroups": return .groups
        case "roles", "role": return .roles
        case "policies", "policy": return .policies
        case "passwordpolicy", "password": return .passwordPolicy
        case "creds", "credentialreport", "report": return .credentialReport
        case "advisor", "accessadvisor": return .accessAdvisor
        case "analyzer", "accessanalyzer": return .accessAnalyzer
        case "simulator", "sim": return .simulator
        case "audit", "auditlog": return .auditLog
        default: return nil
        }
    }
}

/// Where a view is: a sidebar section or one entity's detail page.
enum Route: Sendable, Hashable {
    case section(Section)
    case user(String)
    case group(String)
    case role(String)
    /// A managed policy, by ARN.
    case policy(String)
    /// An inline policy, by the identity it is embedded in and its name.
    case inlinePolicy(EntityRef, String)
    /// A record of the audit trail, by its position (oldest is 0).
    case auditRecord(Int)
    /// An access analyzer's finding, by the analyzer's name and the finding's id.
    case finding(analyzer: String, id: String)

    /// The section the route belongs to, for the sidebar highlight.
    var section: Section {
        switch self {
        case .section(let section): return section
        case .user: return .users
        case .group: return .groups
        case .role: return .roles
        case .policy: return .policies
        case .inlinePolicy(let owner, _): return owner.route.section
        case .auditRecord: return .auditLog
        case .finding: return .accessAnalyzer
        }
    }
}

/// The state of one view on the navigation stack, kept while deeper views are open so Esc
/// returns exactly where the user was.
struct ViewState: Sendable, Equatable {
    var route: Route
    /// List views: the filter typed after `/`.
    var filter = ""
    /// List views: indices into the list's rows that match the filter, in order.
    var visible: [Int] = []
    /// List views: the selected position in `visible`; detail views: the cursor line.
    var selection = 0
    /// The first visible row or line.
    var offset = 0
    /// List views: the key of the selected row, to find it again after a reload.
    var selectedKey: String?
    /// Detail views: the content, built when the view opens and on reload.
    var detail: EntityDetail?
    /// Detail views: the selected tab.
    var tab = 0
    /// AWS's access-denied message when the signed-in principal may not read this view.
    var denied: String?
    /// List views: the sort `s` chose, or nil for the list's own order (by name).
    var sort: ListSort?
    /// List views: each row's position under `sort` (see `ListSort.ranks`).
    var sortRanks: [Int] = []

    init(route: Route) {
        self.route = route
    }
}
