import IAMCore

/// The IAM call behind each tab of a detail page, so a tab the signed-in principal may not read
/// shows AWS's access-denied message instead of its data, as the IAM console does when one tab's
/// List call is refused while the page's Get call is allowed.
enum TabAccess {
    /// The action (without `iam:`) each tab's data comes from, by tab title; tabs whose data comes
    /// from the page's own Get call (a group's users, a role's trust policy) are not listed.
    static func requirements(for route: Route) -> [String: String] {
        switch route {
        case .user:
            return [
                "Permissions": "ListAttachedUserPolicies", "Groups": "ListGroupsForUser", "Tags": "ListUserTags",
                "Security credentials": "ListAccessKeys", "Access Advisor": "GenerateServiceLastAccessedDetails",
            ]
        case .group:
            return ["Permissions": "ListAttachedGroupPolicies", "Access Advisor": "GenerateServiceLastAccessedDetails"]
        case .role:
            return [
                "Permissions": "ListAttachedRolePolicies", "Tags": "ListRoleTags",
                "Access Advisor": "GenerateServiceLastAccessedDetails",
            ]
        case .policy:
            return [
                "Permissions": "GetPolicyVersion", "Entities attached": "ListEntitiesForPolicy",
                "Policy versions": "ListPolicyVersions", "Access Advisor": "GenerateServiceLastAccessedDetails",
            ]
        default:
            return [:]
        }
    }

    /// `detail` with each tab the principal may not read replaced by AWS's refusal.
    static func authorize(
        _ detail: EntityDetail, route: Route, in account: Account, as principal: Principal?,
        session: ConsoleSession?, now: Timestamp
    ) -> EntityDetail {
        guard let principal, principal != .root else { return detail }
        let needs = requirements(for: route)
        guard !needs.isEmpty else { return detail }
        var service = IAMService(account: account, clock: FixedClock(now))
        service.session = session
        var result = detail
        for index in result.tabs.indices {
            guard let action = needs[result.tabs[index].title] else { continue }
            do {
                try service.checkAccess(principal, action: action, resource: detail.arn)
            } catch {
                let message = "\(error.code.rawValue): \(error.message)"
                result.tabs[index].lines =
                    [DetailLine("You don't have permission to view this.", kind: .heading)]
                    + ConsoleScreen.wrap(message, width: 76).map { DetailLine($0) }
            }
        }
        return result
    }
}
