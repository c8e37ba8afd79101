import Foundation
import IAMCore

/// `iamconsole-bench --reports`, the analyzer part: 5,000 resource-based policies of every kind
/// (a realistic mix: most shared inside the account, some with partners, a few public, some public
/// but pinned down by a condition, service grants with a source account) added to the large
/// account, then a new analyzer's full analysis of them and of every role's trust policy, and one
/// PutBucketPolicy that re-analyzes its bucket. Goal: the full analysis under 100 ms.
enum AnalyzerBenchmark {
    static let resourceCount = 5000

    static func run(account: Account, runs: Int) {
        var account = account
        addResources(to: &account)
        let now = Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
        var findings = 0
        var publicFindings = 0
        let full = medianSeconds(runs: runs) {
            var copy = account
            copy.analyzers["bench"] = Analyzer(
                name: "bench", arn: "arn:aws:access-analyzer:us-east-1:\(account.id):analyzer/bench", type: .account,
                createdAt: now, region: "us-east-1")
            copy.reanalyzeAll(analyzer: "bench", at: now)
            findings = copy.analyzers["bench"]?.findings.count ?? 0
            publicFindings = copy.analyzers["bench"]?.findings.values.filter(\.isPublic).count ?? 0
        }
        var analyzed = account
        analyzed.analyzers["bench"] = Analyzer(
            name: "bench", arn: "arn:aws:access-analyzer:us-east-1:\(account.id):analyzer/bench", type: .account,
            createdAt: now, region: "us-east-1")
        analyzed.reanalyzeAll(analyzer: "bench", at: now)
        let bucket = account.resources.values.first { $0.type == .s3Bucket }?.name ?? ""
        let edit = medianSeconds(runs: runs) {
            var service = IAMService(account: analyzed, clock: FixedClock(now))
            service.recordsAudit = false
            _ = try? service.putBucketPolicy(
                PutBucketPolicyRequest(
                    bucket: bucket, policy: policy(.publicRead, type: .s3Bucket, index: 0, in: account.id)),
                as: .root)
        }
        print(
            String(
                format: "  analyzer, %d resource policies + %d trust policies %7.1f ms  (%d findings, %d public)",
                resourceCount, account.roles.count, full * 1000, findings, publicFindings))
        print(String(format: "  PutBucketPolicy + re-analysis of the bucket     %7.1f ms", edit * 1000))
    }

    /// The kinds of policy in the mix, with how many of every 20 resources get each.
    enum Kind: CaseIterable {
        case internalOnly, partner, publicRead, publicWithAccountCondition, publicWithOrganization, serviceWithSource

        var share: Int {
            switch self {
            case .internalOnly: return 9
            case .partner: return 4
            case .publicRead: return 1
            case .publicWithAccountCondition: return 2
            case .publicWithOrganization: return 2
            case .serviceWithSource: return 2
            }
        }
    }

    static let types: [AnalyzedResourceType] = [
        .s3Bucket, .kmsKey, .sqsQueue, .lambdaFunction, .lambdaLayerVersion, .secretsManagerSecret,
    ]
    static let kinds = Kind.allCases.flatMap { Array(repeating: $0, count: $0.share) }

    /// Adds the resources as data: the policies are valid (the service would take each), and
    /// building them through the service would only add setup time.
    static func addResources(to account: inout Account) {
        let created = Timestamp(secondsSince1970: 1_735_689_600)
        for index in 0..<resourceCount {
            let type = types[index % types.count]
            let kind = kinds[(index / types.count) % kinds.count]
            let name = "bench-\(index)"
            let arn: String
            switch type {
            case .s3Bucket: arn = SharedResourceNames.bucket(name)
            case .kmsKey: arn = SharedResourceNames.key(account.id, region: "us-east-1", keyId: name)
            case .sqsQueue: arn = SharedResourceNames.queue(account.id, region: "us-east-1", name: name)
            case .lambdaFunction: arn = SharedResourceNames.function(account.id, region: "us-east-1", name: name)
            case .lambdaLayerVersion:
                arn = SharedResourceNames.layerVersion(account.id, region: "us-east-1", name: name, version: 1)
            default: arn = SharedResourceNames.secret(account.id, region: "us-east-1", name: name, suffix: "AbCdEf")
            }
            var resource = SharedResource(
                type: type, arn: arn, name: name, region: "us-east-1", createDate: created,
                policy: policy(kind, type: type, index: index, in: account.id))
            if type == .lambdaLayerVersion { resource.version = 1 }
            account.resources[arn] = resource
        }
    }

    static func action(_ type: AnalyzedResourceType) -> String {
        switch type {
        case .s3Bucket: return #"["s3:GetObject","s3:ListBucket"]"#
        case .kmsKey: return #"["kms:Decrypt","kms:DescribeKey"]"#
        case .sqsQueue: return #""sqs:SendMessage""#
        case .lambdaFunction: return #""lambda:InvokeFunction""#
        case .lambdaLayerVersion: return #""lambda:GetLayerVersion""#
        default: return #""secretsmanager:GetSecretValue""#
        }
    }

    static func policy(_ kind: Kind, type: AnalyzedResourceType, index: Int, in account: String) -> String {
        let own =
            #"{"Sid":"Owner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::"# + account
            + #":root"},"Action":"*","Resource":"*"}"#
        let grant: String
        switch kind {
        case .internalOnly:
            grant =
                #"{"Sid":"App","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::"# + account
                + ":role/app-\(index % 50)"
                + #""},"Action":"# + action(type) + #","Resource":"*"}"#
        case .partner:
            grant =
                #"{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::"# + AccountBuilder.partnerAccount
                + #":root","99998888\#(String(format: "%04d", index % 10000))"]},"Action":"# + action(type)
                + #","Resource":"*"}"#
        case .publicRead:
            grant = #"{"Sid":"Public","Effect":"Allow","Principal":"*","Action":"# + action(type) + #","Resource":"*"}"#
        case .publicWithAccountCondition:
            grant =
                #"{"Sid":"Pinned","Effect":"Allow","Principal":"*","Action":"# + action(type)
                + #","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalAccount":[""# + account + #""]}}}"#
        case .publicWithOrganization:
            grant =
                #"{"Sid":"Org","Effect":"Allow","Principal":{"AWS":"*"},"Action":"# + action(type)
                + #","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-bench12345"}}}"#
        case .serviceWithSource:
            grant =
                #"{"Sid":"Service","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"#
                + action(type) + #","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":""# + account
                + #""}}}"#
        }
        return #"{"Version":"2012-10-17","Statement":["# + own + "," + grant + "]}"
    }
}
