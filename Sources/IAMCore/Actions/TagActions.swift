import Foundation

/// TagUser / TagRole / TagPolicy request (`userName`, `roleName` or `policyArn` names the target).
public struct TagRequest: Codable, Sendable {
    public var userName: String?
    public var roleName: String?
    public var policyArn: String?
    public var tags: [Tag]
    public init(userName: String? = nil, roleName: String? = nil, policyArn: String? = nil, tags: [Tag]) {
        self.userName = userName
        self.roleName = roleName
        self.policyArn = policyArn
        self.tags = tags
    }
}

/// UntagUser / UntagRole / UntagPolicy request.
public struct UntagRequest: Codable, Sendable {
    public var userName: String?
    public var roleName: String?
    public var policyArn: String?
    public var tagKeys: [String]
    public init(userName: String? = nil, roleName: String? = nil, policyArn: String? = nil, tagKeys: [String]) {
        self.userName = userName
        self.roleName = roleName
        self.policyArn = policyArn
        self.tagKeys = tagKeys
    }
}

/// ListUserTags / ListRoleTags / ListPolicyTags request.
public struct ListTagsRequest: Codable, Sendable {
    public var userName: String?
    public var roleName: String?
    public var policyArn: String?
    public var marker: String?
    public var maxItems: Int?
    public init(
        userName: String? = nil, roleName: String? = nil, policyArn: String? = nil, marker: String? = nil,
        maxItems: Int? = nil
    ) {
        self.userName = userName
        self.roleName = roleName
        self.policyArn = policyArn
        self.marker = marker
        self.maxItems = maxItems
    }
}

/// List*Tags response.
public struct ListTagsResponse: Codable, Sendable, Equatable {
    public var tags: [Tag]
    public var isTruncated: Bool
    public var marker: String?
}

extension IAMService {
    /// The kinds of entity that carry tags through these actions.
    private enum TagTarget {
        case user(String)
        case role(String)
        case policy(String)
    }

    private func tagTarget(userName: String?, roleName: String?, policyArn: String?) throws(IAMError) -> TagTarget {
        if let userName {
            try NameRules.checkName(userName, field: "userName", max: 128)
            return .user(try existingUser(userName).name)
        }
        if let roleName {
            try NameRules.checkName(roleName, field: "roleName", max: 64)
            return .role(try existingRole(roleName).name)
        }
        if let policyArn {
            try NameRules.checkARN(policyArn, field: "policyArn")
            guard let policy = account.customerPolicy(arn: policyArn) else { throw .policyNotFound(policyArn) }
            return .policy(policy.name)
        }
        throw NameRules.validationError("null", "userName", "Member must not be null")
    }

    private func tags(of target: TagTarget) -> [Tag] {
        switch target {
        case .user(let name): return account.user(named: name)?.tags ?? []
        case .role(let name): return account.role(named: name)?.tags ?? []
        case .policy(let name): return account.policies[Account.key(name)]?.tags ?? []
        }
    }

    private func arnAndAction(_ target: TagTarget, _ verb: String) -> (String, String) {
        switch target {
        case .user(let name):
            return (account.user(named: name).map(account.arn(of:)) ?? "", verb + "User")
        case .role(let name):
            return (account.role(named: name).map(account.arn(of:)) ?? "", verb + "Role")
        case .policy(let name):
            return (account.policies[Account.key(name)].map(account.arn(of:)) ?? "", verb + "Policy")
        }
    }

    private mutating func setTags(_ tags: [Tag], on target: TagTarget) {
        switch target {
        case .user(let name): account.users[Account.key(name)]?.tags = tags
        case .role(let name): account.roles[Account.key(name)]?.tags = tags
        case .policy(let name): account.policies[Account.key(name)]?.tags = tags
        }
    }

    /// Adds or overwrites tags on a user, role or customer managed policy (at most 50 in all).
    public mutating func tag(_ request: TagRequest, as principal: Principal) throws(IAMError) -> EmptyResponse {
        try recorded(
            "Tag" + AuditEventNames.target(user: request.userName, role: request.roleName, policy: request.policyArn),
            request, principal
        ) { (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleTag(request, as: principal)
        }
    }

    private mutating func handleTag(_ request: TagRequest, as principal: Principal) throws(IAMError) -> EmptyResponse {
        let target = try tagTarget(userName: request.userName, roleName: request.roleName, policyArn: request.policyArn)
        let (arn, action) = arnAndAction(target, "Tag")
        try authorize(principal, action, arn, context: RequestContextBuilder.requestTags(request.tags))
        if case .role(let name) = target, account.role(named: name)?.isServiceLinked == true {
            throw IAMError(.unmodifiableEntity, "Cannot perform the operation on the protected role '\(name)'.")
        }
        try NameRules.checkTags(request.tags)
        var merged = tags(of: target)
        merged.merge(request.tags)
        guard merged.count <= quotas.tagsPerEntity else {
            let entity = action.replacingOccurrences(of: "Tag", with: "")
            throw .quota("TagsPer\(entity)", quotas.tagsPerEntity)
        }
        setTags(merged, on: target)
        committed(principal, action, arn)
        return EmptyResponse()
    }

    /// Removes tags by key from a user, role or customer managed policy; missing keys are ignored.
    public mutating func untag(_ request: UntagRequest, as principal: Principal) throws(IAMError) -> EmptyResponse {
        try recorded(
            "Untag" + AuditEventNames.target(user: request.userName, role: request.roleName, policy: request.policyArn),
            request, principal
        ) { (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            try service.handleUntag(request, as: principal)
        }
    }

    private mutating func handleUntag(
        _ request: UntagRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        let target = try tagTarget(userName: request.userName, roleName: request.roleName, policyArn: request.policyArn)
        let (arn, action) = arnAndAction(target, "Untag")
        try authorize(principal, action, arn, context: request.tagKeys.isEmpty ? [:] : ["aws:TagKeys": request.tagKeys])
        if case .role(let name) = target, account.role(named: name)?.isServiceLinked == true {
            throw IAMError(.unmodifiableEntity, "Cannot perform the operation on the protected role '\(name)'.")
        }
        for (index, key) in request.tagKeys.enumerated() {
            try NameRules.checkLength(key, field: "tagKeys.\(index + 1).member", min: 1, max: 128)
        }
        var remaining = tags(of: target)
        remaining.remove(keys: request.tagKeys)
        setTags(remaining, on: target)
        committed(principal, action, arn)
        return EmptyResponse()
    }

    /// Lists the tags of a user, role or customer managed policy, in the order they were added.
    public func listTags(_ request: ListTagsRequest, as principal: Principal) throws(IAMError) -> ListTagsResponse {
        try recorded(
            "List" + AuditEventNames.target(user: request.userName, role: request.roleName, policy: request.policyArn)
                + "Tags", request, principal
        ) { () throws(IAMError) -> ListTagsResponse in try handleListTags(request, as: principal) }
    }

    private func handleListTags(
        _ request: ListTagsRequest, as principal: Principal
    ) throws(IAMError) -> ListTagsResponse {
        let target = try tagTarget(userName: request.userName, roleName: request.roleName, policyArn: request.policyArn)
        let (arn, action) = arnAndAction(target, "List")
        try authorize(principal, action + "Tags", arn)
        let all = tags(of: target)
        let page = try Paging.inOrder(all, marker: request.marker, maxItems: request.maxItems)
        return ListTagsResponse(tags: page.items, isTruncated: page.isTruncated, marker: page.marker)
    }
}
