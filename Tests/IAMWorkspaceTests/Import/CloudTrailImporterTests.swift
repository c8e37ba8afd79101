import Foundation
import IAMCore
import IAMWorkspace
import Testing

/// CloudTrail log files as access advisor activity: who counts, which action, what is skipped and why.
@Suite struct CloudTrailImporterTests {
    static let now = Timestamp(iso8601: "2026-11-29T12:00:00Z") ?? Timestamp(secondsSince1970: 0)
    static let mira = "arn:aws:iam::444455556666:user/mira"
    static let deployBot = "arn:aws:iam::444455556666:user/service/deploy-bot"
    static let thumbnailer = "arn:aws:iam::444455556666:role/thumbnailer"

    static func imported(
        _ bytes: [UInt8], file: String = "log.json", into account: Account? = nil
    ) throws -> (Account, CloudTrailImporter.Tally) {
        var tally = CloudTrailImporter.Tally()
        var result = try account ?? ImportFixtures.importedFixture().0
        try CloudTrailImporter.record(bytes, file: file, into: &result, now: now, tally: &tally)
        return (result, tally)
    }

    static func fixtureBytes() throws -> [UInt8] { [UInt8](try ImportFixtures.data("cloudtrail-log.json")) }

    static func time(_ text: String) throws -> Timestamp { try #require(Timestamp(iso8601: text)) }

    @Test func logFileBecomesActivityOfUsersAndRoles() throws {
        let (account, tally) = try Self.imported(Self.fixtureBytes())
        let activity = account.sortedActivity
        #expect(
            activity == [
                ServiceActivity(
                    principal: Self.thumbnailer, action: "lambda:GetFunction", region: "eu-central-1",
                    time: try Self.time("2026-11-22T08:00:05Z")),
                ServiceActivity(
                    principal: Self.mira, action: "s3:ListAllMyBuckets", region: "eu-west-1",
                    time: try Self.time("2026-11-20T09:12:44Z")),
                ServiceActivity(
                    principal: Self.mira, action: "s3:ListAllMyBuckets", region: "us-east-1",
                    time: try Self.time("2026-11-21T16:40:02Z")),
                ServiceActivity(
                    principal: Self.deployBot, action: "cloudwatch:PutMetricData", region: "us-east-1",
                    time: try Self.time("2026-11-24T12:05:00Z")),
            ])
        #expect(tally.read == 9)
        #expect(tally.recorded == 4)
        #expect(tally.principals == [Self.mira, Self.deployBot, Self.thumbnailer])
        #expect(
            tally.skipped == [
                "by the root user (access advisor tracks users and roles)": 1,
                "AwsConsoleSignIn events are not service requests": 1,
                "by AWSAccount identities": 1,
                "not authenticated (InvalidClientTokenId)": 1,
                "older than the 400-day tracking period": 1,
            ])
    }

    @Test func deniedAttemptsCountAsAccessAdvisorDoes() throws {
        // AWS: last accessed data "includes all attempts to access an AWS API, not just the successful ones".
        let (account, _) = try Self.imported(Self.fixtureBytes())
        let role = account.sortedActivity.filter { $0.principal == Self.thumbnailer }
        #expect(role.map(\.action) == ["lambda:GetFunction"])
    }

    @Test func gzippedLogsReadTheSame() throws {
        let plain = try Self.imported(Self.fixtureBytes()).0.sortedActivity
        let gzipped = try Self.gzip(Self.fixtureBytes())
        #expect(Gzip.isCompressed(gzipped))
        #expect(try Self.imported(gzipped, file: "log.json.gz").0.sortedActivity == plain)
        // Two members concatenated, as `cat a.gz b.gz` makes them, are one stream to gzip.
        let halves =
            try Self.gzip(Array("{\"Records\":".utf8)) + Self.gzip(Array(try Self.fixtureBytes().dropFirst(11)))
        #expect(try Gzip.decompress(halves, file: "two.gz") == Self.fixtureBytes())
    }

    @Test func damagedGzipIsAnErrorNamingTheFile() throws {
        let gzipped = try Self.gzip(Self.fixtureBytes())
        let truncated = Array(gzipped.prefix(gzipped.count / 2))
        let error = try #require(throws: ImportError.self) { try Gzip.decompress(truncated, file: "cut.json.gz") }
        #expect(error.description == "cut.json.gz: the gzip file is truncated")
        var corrupt = gzipped
        corrupt[12] ^= 0xff
        corrupt[13] ^= 0xff
        let second = try #require(throws: ImportError.self) { try Gzip.decompress(corrupt, file: "bad.gz") }
        #expect(second.description.hasPrefix("bad.gz: "))
    }

    @Test func lookupEventsOutputIsReadToo() throws {
        let record = try #require(
            try JSONSerialization.jsonObject(with: ImportFixtures.data("cloudtrail-log.json")) as? [String: Any])
        let records = try #require(record["Records"] as? [[String: Any]])
        let events = try records.map { record -> [String: Any] in
            let text = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
            return [
                "EventId": record["eventID"] ?? "", "EventName": record["eventName"] ?? "", "CloudTrailEvent": text,
            ]
        }
        let lookup = try JSONSerialization.data(withJSONObject: ["Events": events])
        let fromLookup = try Self.imported([UInt8](lookup)).0.sortedActivity
        #expect(fromLookup == (try Self.imported(Self.fixtureBytes()).0.sortedActivity))
    }

    @Test func laterEventsWinAndEarlierOnesDoNotMoveTheTimeBack() throws {
        let (first, _) = try Self.imported(Self.fixtureBytes())
        let older = Self.record(
            user: "mira", id: "y6w0d9p7ef13xwl3h7lk", time: "2026-11-19T00:00:00Z", source: "s3.amazonaws.com",
            name: "ListBuckets", region: "eu-west-1")
        let (again, _) = try Self.imported(Array("{\"Records\":[\(older)]}".utf8), into: first)
        #expect(again.sortedActivity == first.sortedActivity)
    }

    @Test func usersOfAnotherIdOrAccountAreSkipped() throws {
        let records = [
            Self.record(
                user: "mira", id: "AIDAOLDMIRAOLDMIRA01", time: "2026-11-20T00:00:00Z", source: "iam.amazonaws.com",
                name: "ListUsers"),
            Self.record(
                user: "ghost", id: "AIDAGHOSTGHOSTGHOST1", time: "2026-11-20T00:00:00Z", source: "iam.amazonaws.com",
                name: "ListUsers"),
            Self.record(
                user: "mira", id: nil, time: "2026-11-20T00:00:00Z", source: "iam.amazonaws.com", name: "ListUsers",
                account: "777788889999"),
            Self.record(
                user: "mira", id: nil, time: "2026-11-20T00:00:00Z", source: "madeup.amazonaws.com",
                name: "DoThings"),
        ]
        let (account, tally) = try Self.imported(Array("{\"Records\":[\(records.joined(separator: ","))]}".utf8))
        #expect(account.sortedActivity.isEmpty)
        #expect(
            tally.skipped == [
                "by an earlier user of the same name (another unique id)": 1,
                "by users not in the workspace": 1,
                "by principals of other accounts": 1,
                "action not in the catalog of AWS actions": 1,
            ])
    }

    @Test func badFilesSayWhatAndWhere() throws {
        let cases: [(String, String)] = [
            ("{\"Records\": 3}", "log.json:1:13: the file: 'Records' must be a list, found number"),
            ("{\"UserDetailList\": []}", "log.json:1:1: not a CloudTrail file"),
            ("{\"Records\": [{\"eventName\": \"X\"}]}", "log.json:1:14: Records[0]: missing field 'userIdentity'"),
            ("{\"Records\": [", "log.json:1:14: not JSON"),
        ]
        for (text, expected) in cases {
            let error = try #require(throws: ImportError.self) { try Self.imported(Array(text.utf8)) }
            #expect(error.description.hasPrefix(expected), "\(text) → \(error.description)")
        }
    }

    @Test func versionSuffixesOfEventNamesAreDropped() throws {
        let (account, _) = try Self.imported(
            Array(
                """
                {"Records":[\(Self.record(user: "mira", id: nil, time: "2026-11-25T00:00:00Z",
                    source: "cloudfront.amazonaws.com", name: "GetDistribution2020_05_31"))]}
                """.utf8))
        #expect(account.sortedActivity.map(\.action) == ["cloudfront:GetDistribution"])
    }

    @Test func operationsAuthorisedByOtherActionsAreRecordedUnderTheAction() throws {
        let operations = [
            ("s3.amazonaws.com", "HeadObject"), ("s3.amazonaws.com", "ListObjectsV2"),
            ("s3.amazonaws.com", "CompleteMultipartUpload"), ("lambda.amazonaws.com", "Invoke"),
            ("kms.amazonaws.com", "Decrypt"),
        ]
        let records = operations.enumerated().map { index, operation in
            Self.record(
                user: "mira", id: nil, time: "2026-11-25T00:00:0\(index)Z", source: operation.0, name: operation.1)
        }
        let (account, _) = try Self.imported(Array("{\"Records\":[\(records.joined(separator: ","))]}".utf8))
        #expect(
            account.sortedActivity.map(\.action) == [
                "kms:Decrypt", "lambda:InvokeFunction", "s3:GetObject", "s3:ListBucket", "s3:PutObject",
            ])
    }

    /// One IAM user record in CloudTrail's shape.
    static func record(
        user: String, id: String?, time: String, source: String, name: String, region: String = "us-east-1",
        account: String = "444455556666"
    ) -> String {
        let principalId = id.map { "\"principalId\":\"\($0)\"," } ?? ""
        return """
            {"eventVersion":"1.08","userIdentity":{"type":"IAMUser",\(principalId)"arn":"arn:aws:iam::\(account):user/\(user)",\
            "accountId":"\(account)","userName":"\(user)"},"eventTime":"\(time)","eventSource":"\(source)",\
            "eventName":"\(name)","awsRegion":"\(region)","eventType":"AwsApiCall"}
            """
    }

    /// `bytes` compressed by the system's gzip.
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}
