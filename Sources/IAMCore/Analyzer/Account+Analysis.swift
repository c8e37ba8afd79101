/// Keeping every analyzer's findings in step with the account's resource and trust policies.
extension Account {
    /// A policy an analyzer reads: the resource it belongs to and its document.
    public struct AnalyzedPolicy: Sendable {
        public var arn: String
        public var type: AnalyzedResourceType
        public var region: String?
        public var document: String?
    }

    /// Every policy the analyzers read: each role's trust policy and each shared resource's policy.
    public var analyzedPolicies: [AnalyzedPolicy] {
        roles.values.map {
            AnalyzedPolicy(arn: arn(of: $0), type: .iamRole, region: nil, document: $0.assumeRolePolicyDocument)
        }
            + resources.values.map {
                AnalyzedPolicy(arn: $0.arn, type: $0.type, region: $0.region, document: $0.policy)
            }
    }

    /// The policy of the resource or role with this ARN, if it exists.
    public func analyzedPolicy(arn: String) -> AnalyzedPolicy? {
        if let resource = resources[arn] {
            return AnalyzedPolicy(arn: arn, type: resource.type, region: resource.region, document: resource.policy)
        }
        if let name = IAMResourceName(arn), name.kind == "role", name.account == id, let role = role(named: name.name),
            role.path == name.path
        {
            return AnalyzedPolicy(
                arn: arn, type: .iamRole, region: nil, document: role.assumeRolePolicyDocument)
        }
        return nil
    }

    /// The zone of trust of an analyzer: the account, and for an organization analyzer the
    /// organization's accounts and id.
    public func zoneOfTrust(_ type: Analyzer.ZoneType) -> ZoneOfTrust {
        guard type == .organization, let organization else { return ZoneOfTrust(accounts: [id]) }
        return ZoneOfTrust(accounts: Set(organization.accounts).union([id]), organizationId: organization.id)
    }

    /// Re-analyzes one resource or role (after its policy changed, or it was created or deleted)
    /// for every analyzer.
    public mutating func reanalyze(arn: String, at now: Timestamp) {
        guard !analyzers.isEmpty else { return }
        let policy = analyzedPolicy(arn: arn)
        for name in analyzers.keys {
            guard var analyzer = analyzers[name] else { continue }
            let zone = zoneOfTrust(analyzer.type)
            let existing = analyzer.findings.values.filter { $0.resource == arn }.map(\.id)
            FindingReconciler.reconcile(
                &analyzer, arn: arn, policy: policy, zone: zone, owner: id, existing: existing, at: now)
            analyzers[name] = analyzer
        }
    }

    /// Re-analyzes everything for one analyzer (when it is created, or its zone of trust changes).
    public mutating func reanalyzeAll(analyzer name: String, at now: Timestamp) {
        guard var analyzer = analyzers[name] else { return }
        let zone = zoneOfTrust(analyzer.type)
        let policies = analyzedPolicies
        let present = Set(policies.map(\.arn))
        // Grouped once: looking each resource's findings up among all of them would be quadratic.
        var existing: [String: [String]] = [:]
        for finding in analyzer.findings.values { existing[finding.resource, default: []].append(finding.id) }
        for policy in policies.sorted(by: { $0.arn < $1.arn }) {
            FindingReconciler.reconcile(
                &analyzer, arn: policy.arn, policy: policy, zone: zone, owner: id, existing: existing[policy.arn] ?? [],
                at: now)
        }
        // Resources that are gone: their findings are resolved.
        for arn in Set(existing.keys).subtracting(present).sorted() {
            FindingReconciler.reconcile(
                &analyzer, arn: arn, policy: nil, zone: zone, owner: id, existing: existing[arn] ?? [], at: now)
        }
        analyzers[name] = analyzer
    }

    /// Re-analyzes everything for every analyzer.
    public mutating func reanalyzeAll(at now: Timestamp) {
        for name in analyzers.keys.sorted() { reanalyzeAll(analyzer: name, at: now) }
    }
}

/// Applies one resource's current external grants to an analyzer's findings.
enum FindingReconciler {
    /// New grants become `ACTIVE` findings (or `ARCHIVED` when an archive rule matches them); a
    /// grant that holds again after being resolved is `ACTIVE` again; an archived one stays archived;
    /// findings whose grant is gone become `RESOLVED`.
    static func reconcile(
        _ analyzer: inout Analyzer, arn: String, policy: Account.AnalyzedPolicy?, zone: ZoneOfTrust, owner: String,
        existing: [String], at now: Timestamp
    ) {
        var current: [ExternalAccess] = []
        if let policy, let document = policy.document, covers(analyzer, policy) {
            current = ExternalAccessAnalysis.analyze(document, policyName: policy.type.policyName, zone: zone)
        }
        var seen = Set<String>()
        for access in current {
            let id = FindingIdentity.id(analyzer: analyzer.arn, resource: arn, access: access)
            seen.insert(id)
            if var finding = analyzer.findings[id] {
                if finding.status == .resolved {
                    finding.status = archives(analyzer, finding) ? .archived : .active
                    finding.updatedAt = now
                }
                if finding.statement != access.statement || finding.isPublic != access.isPublic {
                    finding.statement = access.statement
                    finding.isPublic = access.isPublic
                    finding.updatedAt = now
                }
                finding.analyzedAt = now
                analyzer.findings[id] = finding
            } else if let type = policy?.type {
                var finding = Finding(
                    id: id, resource: arn, resourceType: type, resourceOwnerAccount: owner, access: access,
                    status: .active, at: now)
                if archives(analyzer, finding) { finding.status = .archived }
                analyzer.findings[id] = finding
            }
        }
        for id in existing where !seen.contains(id) {
            guard let finding = analyzer.findings[id], finding.status != .resolved else { continue }
            var resolved = finding
            resolved.status = .resolved
            resolved.updatedAt = now
            resolved.analyzedAt = now
            analyzer.findings[id] = resolved
        }
        analyzer.lastResourceAnalyzed = arn
        analyzer.lastResourceAnalyzedAt = now
    }

    /// Whether the analyzer looks at this resource: IAM roles are global, the rest only in the analyzer's Region.
    static func covers(_ analyzer: Analyzer, _ policy: Account.AnalyzedPolicy) -> Bool {
        guard let region = policy.region else { return true }
        return region == analyzer.region
    }

    static func archives(_ analyzer: Analyzer, _ finding: Finding) -> Bool {
        analyzer.archiveRules.values.contains { FindingFilter.matches(finding, $0.filter) }
    }
}
