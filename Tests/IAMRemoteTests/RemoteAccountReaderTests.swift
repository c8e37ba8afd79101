import Foundation
import IAMCore
import IAMRemote
import Testing

/// Reading an account from XML shaped as moto_server and AWS send it, without a server.
@Suite struct RemoteAccountReaderTests {
    static let encodedDocument =
        "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
        + "%22Action%22%3A%22s3%3A%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"

    static func wrap(_ action: String, _ result: String) -> (status: Int, body: String) {
        (
            200,
            "<\(action)Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><\(action)Result>\(result)"
                + "</\(action)Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></\(action)Response>"
        )
    }

    /// One user in one group with an attached policy (whose details lack PolicyName and PolicyId,
    /// as moto's do), a role with empty `RoleLastUsed` and `PermissionsBoundary`, an access key,
    /// a login profile, a password policy and an alias.
    static func answer(_ action: String, _ body: String) -> (status: Int, body: String) {
        switch action {
        case "GetCallerIdentity":
            return wrap(action, "<Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/admin</Arn>")
        case "ListPolicies":
            return wrap(
                action,
                "<Policies><member><PolicyName>p1</PolicyName><PolicyId>ANPAP1</PolicyId>"
                    + "<Arn>arn:aws:iam::123456789012:policy/p1</Arn></member></Policies><IsTruncated>false</IsTruncated>"
            )
        case "GetAccountAuthorizationDetails":
            return wrap(
                action,
                """
                <UserDetailList><member><Path>/</Path><UserName>alice</UserName><UserId>u1</UserId>
                <Arn>arn:aws:iam::123456789012:user/alice</Arn><CreateDate>2026-11-29T12:02:18.645699Z</CreateDate>
                <UserPolicyList/><GroupList><member>devs</member></GroupList><AttachedManagedPolicies><member>
                <PolicyName>p1</PolicyName><PolicyArn>arn:aws:iam::123456789012:policy/p1</PolicyArn></member>
                </AttachedManagedPolicies><PermissionsBoundary/><Tags><member><Key>team</Key><Value>x y</Value></member></Tags>
                </member></UserDetailList>
                <GroupDetailList><member><Path>/</Path><GroupName>devs</GroupName><GroupId>g1</GroupId>
                <Arn>arn:aws:iam::123456789012:group/devs</Arn><CreateDate>2026-11-29T12:02:21Z</CreateDate>
                <GroupPolicyList/><AttachedManagedPolicies/></member></GroupDetailList>
                <RoleDetailList><member><Path>/</Path><RoleName>r1</RoleName><RoleId>AROA1</RoleId>
                <Arn>arn:aws:iam::123456789012:role/r1</Arn><CreateDate>2026-11-29T12:02:35Z</CreateDate>
                <AssumeRolePolicyDocument>{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}</AssumeRolePolicyDocument>
                <InstanceProfileList/><RolePolicyList><member><PolicyName>inline</PolicyName>
                <PolicyDocument>\(encodedDocument)</PolicyDocument></member></RolePolicyList>
                <AttachedManagedPolicies/><Tags/><RoleLastUsed/></member></RoleDetailList>
                <Policies><member><Arn>arn:aws:iam::123456789012:policy/p1</Arn><Path>/</Path>
                <DefaultVersionId>v1</DefaultVersionId><AttachmentCount>1</AttachmentCount><IsAttachable>true</IsAttachable>
                <Description/><CreateDate>2026-11-29T12:02:27Z</CreateDate><UpdateDate>2026-11-29T12:02:27Z</UpdateDate>
                <PolicyVersionList><member><Document>\(encodedDocument)</Document><VersionId>v1</VersionId>
                <IsDefaultVersion>true</IsDefaultVersion><CreateDate>2026-11-29T12:02:27Z</CreateDate></member>
                </PolicyVersionList></member></Policies><IsTruncated>false</IsTruncated>
                """)
        case "ListRoles":
            return wrap(
                action,
                "<Roles><member><RoleName>r1</RoleName><Description>builds</Description>"
                    + "<MaxSessionDuration>7200</MaxSessionDuration></member></Roles><IsTruncated>false</IsTruncated>")
        case "ListPolicyTags":
            return wrap(action, "<Tags><member><Key>owner</Key><Value>sec</Value></member></Tags>")
        case "ListInstanceProfiles":
            return wrap(action, "<InstanceProfiles/>")
        case "GetLoginProfile":
            return wrap(
                action,
                "<LoginProfile><UserName>alice</UserName><CreateDate>2026-11-29T12:03:00Z</CreateDate>"
                    + "<PasswordResetRequired>true</PasswordResetRequired></LoginProfile>")
        case "ListAccessKeys":
            return wrap(
                action,
                "<AccessKeyMetadata><member><UserName>alice</UserName><AccessKeyId>AKIAALICE</AccessKeyId>"
                    + "<Status>Inactive</Status><CreateDate>2026-11-29T12:04:00Z</CreateDate></member></AccessKeyMetadata>"
            )
        case "ListMFADevices":
            return wrap(action, "<MFADevices/><IsTruncated>false</IsTruncated>")
        case "ListAccountAliases":
            return wrap(action, "<AccountAliases><member>corp</member></AccountAliases>")
        case "GetAccountPasswordPolicy":
            return wrap(
                action,
                "<PasswordPolicy><MinimumPasswordLength>12</MinimumPasswordLength><RequireSymbols>true</RequireSymbols>"
                    + "<MaxPasswordAge>90</MaxPasswordAge></PasswordPolicy>")
        default:
            return (
                400,
                "<ErrorResponse><Error><Code>InvalidAction</Code><Message>\(action)</Message></Error></ErrorResponse>"
            )
        }
    }

    static func reader(_ transport: FakeTransport) throws -> RemoteAccountReader {
        let url = try #require(URL(string: "http://127.0.0.1:5000"))
        let credentials = AWSCredentials(accessKeyId: "AKIA", secretAccessKey: "s", source: "test")
        return RemoteAccountReader(
            iam: .iam(endpoint: url, credentials: credentials, region: "us-east-1", transport: transport),
            sts: .sts(endpoint: url, credentials: credentials, region: "us-east-1", transport: transport),
            clock: FixedClock(Timestamp(secondsSince1970: 1_780_000_000)))
    }

    @Test func readsTheDetailsAndWhatTheOtherCallsAdd() throws {
        let snapshot = try Self.reader(FakeTransport(byAction: Self.answer)).read()
        #expect(snapshot.accountId == "123456789012")
        #expect(snapshot.callerArn == "arn:aws:iam::123456789012:user/admin")
        let account = snapshot.account
        let alice = try #require(account.user(named: "alice"))
        #expect(alice.groups == ["devs"])
        #expect(alice.attachedPolicies == ["arn:aws:iam::123456789012:policy/p1"])
        #expect(alice.permissionsBoundary == nil)
        #expect(alice.tags == [Tag(key: "team", value: "x y")])
        #expect(alice.loginProfile?.passwordResetRequired == true)
        #expect(alice.accessKeys.map(\.id) == ["AKIAALICE"])
        #expect(alice.accessKeys.first?.status == .inactive)
        let policy = try #require(account.policies["p1"])
        #expect(policy.id == "ANPAP1")
        #expect(policy.description == nil)
        #expect(policy.tags == [Tag(key: "owner", value: "sec")])
        #expect(
            policy.defaultDocument
                == #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#)
        let role = try #require(account.role(named: "r1"))
        #expect(role.description == "builds")
        #expect(role.maxSessionDuration == 7200)
        #expect(role.inlinePolicies.map(\.name) == ["inline"])
        #expect(role.lastUsed == nil)
        #expect(account.alias == "corp")
        #expect(
            account.passwordPolicy
                == PasswordPolicy(minimumPasswordLength: 12, requireSymbols: true, maxPasswordAge: 90))
    }

    @Test func aFailedCallFailsTheWholeRead() throws {
        let transport = FakeTransport { action, body in
            action == "ListAccessKeys"
                ? (
                    403,
                    "<ErrorResponse><Error><Code>AccessDenied</Code><Message>not allowed</Message></Error></ErrorResponse>"
                )
                : Self.answer(action, body)
        }
        let reader = try Self.reader(transport)
        do {
            _ = try reader.read()
            Issue.record("expected the read to fail")
        } catch {
            #expect(error.description == "ListAccessKeys: AccessDenied: not allowed (HTTP 403)")
        }
    }

    @Test func aDocumentAWSWouldRefuseIsReportedWithItsPlace() throws {
        let transport = FakeTransport { action, body in
            var answer = Self.answer(action, body)
            if action == "GetAccountAuthorizationDetails" {
                answer.body = answer.body.replacingOccurrences(
                    of: "%22Effect%22%3A%22Allow%22", with: "%22Effect%22%3A%22Maybe%22")
            }
            return answer
        }
        let reader = try Self.reader(transport)
        do {
            _ = try reader.read()
            Issue.record("expected the read to fail")
        } catch {
            guard case .unreadable(let importError) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(importError.file == "http://127.0.0.1:5000 GetAccountAuthorizationDetails")
            #expect(importError.message.contains("RoleDetailList[0].RolePolicyList[0].PolicyDocument"))
        }
    }
}
