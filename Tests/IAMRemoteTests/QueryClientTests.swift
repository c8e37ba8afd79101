import Foundation
import IAMCore
import IAMRemote
import Testing

/// The Query API client: form encoding, signing headers, XML results, AWS errors, pagination.
@Suite struct QueryClientTests {
    static let credentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        sessionToken: "session-token-1", source: "test")
    static let time = Timestamp(iso8601: "2026-11-29T12:00:00Z") ?? Timestamp(microseconds: 0)

    static func client(_ transport: FakeTransport, endpoint: String = "http://127.0.0.1:5000") throws -> QueryClient {
        var client = QueryClient.iam(
            endpoint: try #require(URL(string: endpoint)), credentials: credentials, region: "us-east-1",
            transport: transport)
        client.clock = FixedClock(time)
        return client
    }

    @Test func encodesListsTagsAndReservedCharacters() {
        var parameters = QueryParameters(["UserName": "a b+c/d", "Path": "/eng/"])
        parameters.addTags([Tag(key: "team", value: "dev ops"), Tag(key: "cost=center", value: "4€")])
        parameters.addList("TagKeys", ["x", "y"])
        #expect(
            parameters.formEncoded(action: "TagUser", version: "2010-05-08")
                == "Action=TagUser&Version=2010-05-08&UserName=a%20b%2Bc%2Fd&Path=%2Feng%2F"
                + "&Tags.member.1.Key=team&Tags.member.1.Value=dev%20ops"
                + "&Tags.member.2.Key=cost%3Dcenter&Tags.member.2.Value=4%E2%82%AC"
                + "&TagKeys.member.1=x&TagKeys.member.2=y")
        #expect(AWSPercentEncoding.decode("a%20b%2Fc%zz") == "a b/c%zz")
    }

    @Test func signsThePostWithDateTokenAndHost() throws {
        let transport = FakeTransport([
            (
                200,
                "<GetUserResponse><GetUserResult><User><UserName>alice</UserName></User></GetUserResult></GetUserResponse>"
            )
        ])
        let result = try Self.client(transport).call("GetUser", QueryParameters(["UserName": "alice"]))
        #expect(result.text("User/UserName") == "alice")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        let headers = Dictionary(uniqueKeysWithValues: request.headers.map { ($0.name, $0.value) })
        #expect(headers["Host"] == "127.0.0.1:5000")
        #expect(headers["X-Amz-Date"] == "20261129T120000Z")
        #expect(headers["X-Amz-Security-Token"] == "session-token-1")
        #expect(headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8")
        let authorization = try #require(headers["Authorization"])
        #expect(
            authorization.hasPrefix(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/iam/aws4_request, "
                    + "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature="))
        #expect(!authorization.contains(Self.credentials.secretAccessKey))
        #expect(transport.bodies == ["Action=GetUser&Version=2010-05-08&UserName=alice"])
    }

    @Test func mapsAWSErrorXMLToCodeAndMessage() throws {
        let transport = FakeTransport([
            (
                404,
                """
                <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <Error><Type>Sender</Type><Code>NoSuchEntity</Code>
                    <Message>The user with name bob cannot be found.</Message></Error>
                  <RequestId>req-1</RequestId>
                </ErrorResponse>
                """
            )
        ])
        #expect(
            throws: RemoteError.service(
                action: "GetUser", code: "NoSuchEntity", message: "The user with name bob cannot be found.",
                status: 404,
                requestId: "req-1")
        ) {
            try Self.client(transport).call("GetUser", QueryParameters(["UserName": "bob"]))
        }
        let error = RemoteError.service(
            action: "GetUser", code: "NoSuchEntity", message: "The user with name bob cannot be found.", status: 404,
            requestId: "req-1")
        #expect(
            error.description
                == "GetUser: NoSuchEntity: The user with name bob cannot be found. (HTTP 404, request id req-1)")
    }

    @Test func retriesThrottledCallsAndServerErrorsOnly() throws {
        let throttled =
            "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>"
        let failed = "<ErrorResponse><Error><Code>ServiceFailure</Code><Message>oops</Message></Error></ErrorResponse>"
        let done = "<ListUsersResponse><ListUsersResult><Users/></ListUsersResult></ListUsersResponse>"
        let transport = FakeTransport([(400, throttled), (500, failed), (200, done)])
        var client = try Self.client(transport)
        client.retryDelays = [0, 0, 0]
        _ = try client.call("ListUsers")
        #expect(transport.requests.count == 3)

        let refused = FakeTransport([
            (
                409,
                "<ErrorResponse><Error><Code>EntityAlreadyExists</Code><Message>exists</Message></Error></ErrorResponse>"
            )
        ])
        var once = try Self.client(refused)
        once.retryDelays = [0, 0]
        #expect(throws: RemoteError.self) { try once.call("CreateUser") }
        #expect(refused.requests.count == 1)

        let always = FakeTransport(Array(repeating: (400, throttled), count: 3))
        var limited = try Self.client(always)
        limited.retryDelays = [0, 0]
        #expect { try limited.call("ListUsers") } throws: { ($0 as? RemoteError)?.code == "Throttling" }
        #expect(always.requests.count == 3)
    }

    @Test func readsErrorsNestedInErrors() throws {
        let transport = FakeTransport([
            (
                403,
                "<?xml version=\"1.0\"?><ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code>"
                    + "<Message>The request signature we calculated does not match</Message></Error></Errors></ErrorResponse>"
            )
        ])
        #expect(
            throws: RemoteError.service(
                action: "GetCallerIdentity", code: "SignatureDoesNotMatch",
                message: "The request signature we calculated does not match", status: 403, requestId: nil)
        ) { try Self.client(transport).call("GetCallerIdentity") }
    }

    @Test func reportsAnswersThatAreNotTheExpectedXML() throws {
        let transport = FakeTransport([(502, "<html>Bad Gateway"), (200, "<OtherResponse/>")])
        let client = try Self.client(transport)
        #expect {
            try client.call("ListUsers")
        } throws: { error in
            guard case .malformedResponse(let action, let status, let message) = error as? RemoteError else {
                return false
            }
            return action == "ListUsers" && status == 502 && message.contains("<html>Bad Gateway")
        }
        #expect(
            throws: RemoteError.malformedResponse(
                action: "ListUsers", status: 200, message: "expected <ListUsersResponse>, found <OtherResponse>")
        ) { try client.call("ListUsers") }
    }

    @Test func followsMarkersUntilTheLastPage() throws {
        func page(_ names: [String], marker: String?) -> (status: Int, body: String) {
            let members = names.map { "<member><UserName>\($0)</UserName></member>" }.joined()
            let tail =
                marker.map { "<IsTruncated>true</IsTruncated><Marker>\($0)</Marker>" }
                ?? "<IsTruncated>false</IsTruncated>"
            return (
                200,
                "<ListUsersResponse><ListUsersResult><Users>\(members)</Users>\(tail)</ListUsersResult></ListUsersResponse>"
            )
        }
        let transport = FakeTransport([
            page(["a", "b"], marker: "m 1"), page(["c"], marker: "m2"), page(["d"], marker: nil),
        ])
        var client = try Self.client(transport)
        client.pageSize = 2
        let users = try client.list("ListUsers", "Users", QueryParameters(["PathPrefix": "/"]))
        #expect(users.compactMap { $0.text("UserName") } == ["a", "b", "c", "d"])
        #expect(
            transport.bodies == [
                "Action=ListUsers&Version=2010-05-08&PathPrefix=%2F&MaxItems=2",
                "Action=ListUsers&Version=2010-05-08&PathPrefix=%2F&MaxItems=2&Marker=m%201",
                "Action=ListUsers&Version=2010-05-08&PathPrefix=%2F&MaxItems=2&Marker=m2",
            ])
    }

    @Test func parsesXMLKeepingLeafTextExactly() throws {
        let node = try XMLNode.parse(
            Data(
                "<a:Root xmlns:a=\"x\">\n  <Tags>\n    <member><Key>k</Key><Value>  spaced  </Value></member>\n  </Tags>\n  <Empty/>\n</a:Root>"
                    .utf8))
        #expect(node.name == "Root")
        #expect(node.members("Tags").first?.text("Value") == "  spaced  ")
        #expect(node.text("Empty") == "")
        #expect(node.text("Missing") == nil)
        #expect(throws: XMLParseError.self) { try XMLNode.parse(Data("<a><b></a>".utf8)) }
    }

    @Test func stsEndpointFollowsTheIAMEndpoint() throws {
        let aws = try RemoteConnection(
            endpoint: nil, stsEndpoint: nil, region: "us-east-1", credentials: Self.credentials)
        #expect(aws.iam.endpoint.absoluteString == "https://iam.amazonaws.com")
        #expect(aws.sts.endpoint.absoluteString == "https://sts.amazonaws.com")
        #expect(aws.sts.signer.service == "sts")
        let local = try RemoteConnection(
            endpoint: "http://127.0.0.1:5000", stsEndpoint: nil, region: "eu-west-1", credentials: Self.credentials)
        #expect(local.sts.endpoint.absoluteString == "http://127.0.0.1:5000")
        #expect(local.iam.signer.region == "eu-west-1")
        #expect(throws: RemoteSetupError.self) {
            try RemoteConnection(
                endpoint: "iam.local", stsEndpoint: nil, region: "us-east-1", credentials: Self.credentials)
        }
    }
}
