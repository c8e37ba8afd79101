import Foundation
import Testing

@testable import IAMCore

/// Access advisor: activity recorded for allowed requests, the 400-day window, the services
/// policies grant, and GenerateServiceLastAccessedDetails / GetServiceLastAccessedDetails.
@Suite("Access advisor")
struct AccessAdvisorTests {
    static func day(_ days: Int64) -> Timestamp { TestAccount.now.adding(seconds: days * 86_400) }
    static let ana = TestAccount.arn("user/", "ana")
    static let ben = TestAccount.arn("user/", "ben")
    static let ops = TestAccount.arn("role/", "ops")
    static let opsPolicy = TestAccount.arn("policy/", "ops-policy")
    static let devs = TestAccount.arn("group/", "devs")

    static func allow(_ actions: String...) -> String {
        let list = actions.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["#
            + list + #"],"Resource":"*"}]}"#
    }

    /// `ana` (iam reads and s3:GetObject) and `ben` are in `devs` (EC2 descriptions, Lambda
    /// denied); `ops-policy` (all of IAM and sts:AssumeRole) is attached to the role `ops` and to `ben`.
    static func scenario() -> Account {
        var account = TestAccount.make().account
        var ana = User(name: "ana", path: "/", id: "AIDAEXAMPLEANA000001", createDate: TestAccount.now)
        ana.inlinePolicies = [InlinePolicy(name: "reads", document: allow("iam:Get*", "iam:List*", "s3:GetObject"))]
        ana.groups = ["devs"]
        account.users["ana"] = ana
        var ben = User(name: "ben", path: "/", id: "AIDAEXAMPLEBEN000001", createDate: TestAccount.now)
        ben.groups = ["devs"]
        ben.attachedPolicies = [opsPolicy]
        account.users["ben"] = ben
        var devs = Group(name: "devs", path: "/", id: "AGPAEXAMPLEDEVS00001", createDate: TestAccount.now)
        devs.inlinePolicies = [
            InlinePolicy(
                name: "ec2",
                document: #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","#
                    + #""Resource":"*"},{"Effect":"Deny","Action":"lambda:*","Resource":"*"}]}"#)
        ]
        account.groups["devs"] = devs
        var role = Role(
            name: "ops", path: "/", id: "AROAEXAMPLEOPS000001", createDate: TestAccount.now,
            assumeRolePolicyDocument: Docs.trustEC2)
        role.attachedPolicies = [opsPolicy]
        account.roles["ops"] = role
        account.policies["ops-policy"] = ManagedPolicy(
            name: "ops-policy", path: "/", id: "ANPAEXAMPLEOPS000001", description: nil, createDate: TestAccount.now,
            document: allow("iam:*", "sts:AssumeRole"))
        return account
    }

    static func service(_ account: Account, at time: Timestamp = TestAccount.now) -> IAMService {
        IAMService(account: account, clock: FixedClock(time), random: SeededRandomSource(seed: "advisor"))
    }

    static func report(
        _ arn: String, _ account: Account, at time: Timestamp = TestAccount.now, granularity: String? = nil
    ) throws -> GetServiceLastAccessedDetailsResponse {
        var service = service(account, at: time)
        let job = try service.generateServiceLastAccessedDetails(
            GenerateServiceLastAccessedDetailsRequest(arn: arn, granularity: granularity), as: .root)
        return try service.getServiceLastAccessedDetails(
            GetServiceLastAccessedDetailsRequest(jobId: job.jobId), as: .root)
    }

    @Test func allowedRequestsAreRecordedAndRefusedOnesAreNot() throws {
        var service = Self.service(Self.scenario())
        _ = try service.getUser(UserNameRequest(userName: "ana"), as: .user("ana"))
        #expect(throws: IAMError.self) {
            try service.createUser(CreateUserRequest(userName: "eve"), as: .user("ana"))
        }
        service.absorbActivity()
        let actions = service.account.activity.keys.filter { $0.principalARN == Self.ana }.map(\.action)
        #expect(actions == ["iam:GetUser"])
        // A change folds its own activity in, with no call from the caller.
        _ = try service.createUser(CreateUserRequest(userName: "eve"), as: .user("ben"))
        let key = ActivityKey(principalARN: Self.ben, action: "iam:CreateUser", region: "us-east-1")
        #expect(service.account.activity[key] == TestAccount.now)
    }

    @Test func roleSessionsCountAsTheirRoleAndRootIsNotTracked() throws {
        var service = Self.service(Self.scenario())
        _ = try service.listUsers(ListUsersRequest(), as: .roleSession(role: "ops", session: "night"))
        _ = try service.listUsers(ListUsersRequest(), as: .root)
        service.absorbActivity()
        #expect(service.account.activity.keys.map(\.principalARN) == [Self.ops])
    }

    @Test func activityOlderThanTheTrackingPeriodIsNotReportedAndIsForgotten() throws {
        var account = Self.scenario()
        account.recordActivity(principalARN: Self.ana, action: "s3:GetObject", region: "eu-west-1", at: Self.day(0))
        account.recordActivity(principalARN: Self.ana, action: "iam:GetUser", region: "us-east-1", at: Self.day(2))
        let later = try Self.report(Self.ana, account, at: Self.day(401))
        #expect(later.servicesLastAccessed.first { $0.serviceNamespace == "s3" }?.lastAuthenticated == nil)
        #expect(later.servicesLastAccessed.first { $0.serviceNamespace == "iam" }?.lastAuthenticated == Self.day(2))
        account.pruneActivity(at: Self.day(401))
        #expect(account.activity.count == 1)
    }

    @Test func grantsFollowAllowStatementsWildcardsAndNotAction() {
        #expect(ServiceGrants.services(in: [Self.allow("s3:Get*", "ec2:DescribeInstances")]) == ["s3", "ec2"])
        #expect(ServiceGrants.services(in: [Self.allow("s?:GetObject")]).contains("s3"))
        #expect(ServiceGrants.services(in: [Self.allow("*")]).isSuperset(of: ["iam", "s3", "lambda", "sts"]))
        let deny = #"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*"}}"#
        #expect(ServiceGrants.services(in: [deny]).isEmpty)
        let notAction =
            #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":["iam:*","s3:Get*"],"Resource":"*"}}"#
        let granted = ServiceGrants.services(in: [notAction])
        #expect(!granted.contains("iam"))
        #expect(granted.contains("s3"))  // s3:PutObject is still allowed
        #expect(granted.contains("ec2"))
        #expect(ServiceGrants.serviceName("s3") == "Amazon S3")
    }

    @Test func aUsersServicesComeFromItsOwnAndItsGroupsPolicies() throws {
        let report = try Self.report(Self.ana, Self.scenario())
        #expect(Set(report.servicesLastAccessed.map(\.serviceNamespace)) == ["iam", "s3", "ec2"])
        #expect(report.jobStatus == "COMPLETED")
        #expect(report.jobType == "SERVICE_LEVEL")
        #expect(report.servicesLastAccessed.allSatisfy { $0.trackedActionsLastAccessed == nil })
    }

    @Test func aGroupReportNamesTheMemberWhoLastUsedTheService() throws {
        var account = Self.scenario()
        account.recordActivity(
            principalARN: Self.ana, action: "ec2:DescribeInstances", region: "eu-west-1", at: Self.day(1))
        account.recordActivity(
            principalARN: Self.ben, action: "ec2:DescribeVpcs", region: "us-west-2", at: Self.day(3))
        let ec2 = try #require(
            try Self.report(Self.devs, account, at: Self.day(4)).servicesLastAccessed.first)
        #expect(ec2.serviceNamespace == "ec2")
        #expect(ec2.serviceName == "Amazon EC2")
        #expect(ec2.lastAuthenticated == Self.day(3))
        #expect(ec2.lastAuthenticatedEntity == Self.ben)
        #expect(ec2.lastAuthenticatedRegion == "us-west-2")
        #expect(ec2.totalAuthenticatedEntities == 2)
    }

    @Test func aPolicyReportCountsItsRolesAndUsers() throws {
        var service = Self.service(Self.scenario(), at: Self.day(1))
        _ = try service.listUsers(ListUsersRequest(), as: .roleSession(role: "ops", session: "night"))
        service.absorbActivity()
        let iam = try #require(
            try Self.report(Self.opsPolicy, service.account, at: Self.day(2)).servicesLastAccessed.first)
        #expect(iam.serviceNamespace == "iam")
        #expect(iam.lastAuthenticatedEntity == Self.ops)
        #expect(iam.totalAuthenticatedEntities == 1)
    }

    @Test func anActionLevelReportListsIAMActionsUsedFirst() throws {
        var service = Self.service(Self.scenario())
        _ = try service.getUser(UserNameRequest(userName: "ana"), as: .user("ana"))
        service.absorbActivity()
        let report = try Self.report(Self.ana, service.account, granularity: "ACTION_LEVEL")
        #expect(report.jobType == "ACTION_LEVEL")
        let iam = try #require(report.servicesLastAccessed.first { $0.serviceNamespace == "iam" })
        let tracked = try #require(iam.trackedActionsLastAccessed)
        #expect(tracked.first?.actionName == "GetUser")
        #expect(tracked.first?.lastAccessedEntity == Self.ana)
        #expect(tracked.first?.lastAccessedRegion == "us-east-1")
        #expect(tracked.contains { $0.actionName == "ListUsers" && $0.lastAccessedTime == nil })
        #expect(!tracked.contains { $0.actionName == "CreateUser" })
    }

    @Test func withEntitiesListsAGroupsMembersMostRecentFirst() throws {
        var account = Self.scenario()
        account.recordActivity(
            principalARN: Self.ben, action: "ec2:DescribeVpcs", region: "us-west-2", at: Self.day(3))
        var service = Self.service(account, at: Self.day(4))
        let job = try service.generateServiceLastAccessedDetails(
            GenerateServiceLastAccessedDetailsRequest(arn: Self.devs), as: .root)
        let response = try service.getServiceLastAccessedDetailsWithEntities(
            GetServiceLastAccessedDetailsWithEntitiesRequest(jobId: job.jobId, serviceNamespace: "ec2"), as: .root)
        #expect(response.entityDetailsList.map(\.entityInfo.name) == ["ben", "ana"])
        #expect(response.entityDetailsList.first?.entityInfo.type == "USER")
        #expect(response.entityDetailsList.first?.lastAuthenticated == Self.day(3))
        #expect(response.entityDetailsList.last?.lastAuthenticated == nil)
    }

    @Test func theResponseHasAWSMemberNames() throws {
        let encoded = try AWSShapeEncoder.encode(try Self.report(Self.ana, Self.scenario()))
        let keys = encoded.objectMembers?.map(\.key) ?? []
        #expect(
            keys == [
                "JobStatus", "JobType", "JobCreationDate", "ServicesLastAccessed", "JobCompletionDate", "IsTruncated",
            ])
        let first = encoded["ServicesLastAccessed"]?[0]?.objectMembers?.map(\.key) ?? []
        #expect(first == ["ServiceName", "ServiceNamespace", "TotalAuthenticatedEntities"])
    }

    @Test func errorsFollowAWS() throws {
        var account = Self.scenario()
        account.users["cy"] = User(name: "cy", path: "/", id: "AIDAEXAMPLECY0000001", createDate: TestAccount.now)
        var service = Self.service(account)
        #expect(
            throws: IAMError(.noSuchEntity, "The entity with ARN \(TestAccount.arn("user/", "zed")) cannot be found.")
        ) {
            try service.generateServiceLastAccessedDetails(
                GenerateServiceLastAccessedDetailsRequest(arn: TestAccount.arn("user/", "zed")), as: .root)
        }
        #expect(throws: IAMError(.invalidInput, "ARN nonsense is not valid.")) {
            try service.generateServiceLastAccessedDetails(
                GenerateServiceLastAccessedDetailsRequest(arn: "nonsense"), as: .root)
        }
        #expect(throws: IAMError.self) {
            try service.generateServiceLastAccessedDetails(
                GenerateServiceLastAccessedDetailsRequest(arn: Self.ana, granularity: "WEEKLY"), as: .root)
        }
        #expect(throws: IAMError(.noSuchEntity, "The job with ID 0000 cannot be found.")) {
            try service.getServiceLastAccessedDetails(GetServiceLastAccessedDetailsRequest(jobId: "0000"), as: .root)
        }
        let job = try service.generateServiceLastAccessedDetails(
            GenerateServiceLastAccessedDetailsRequest(arn: Self.ana), as: .root)
        #expect(job.jobId.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
        #expect(throws: IAMError.self) {
            try service.getServiceLastAccessedDetails(
                GetServiceLastAccessedDetailsRequest(jobId: job.jobId), as: .user("cy"))
        }
    }
}
