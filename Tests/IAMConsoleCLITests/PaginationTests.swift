import Foundation
import Testing

/// `--max-items`, `--starting-token` and `--page-size`, which the AWS CLI turns into Marker paging.
@Suite("pagination")
struct PaginationTests {
    @Test func pagesCoverEveryUserOnceAndTheDefaultMergesAllPages() throws {
        let box = try Sandbox()
        try box.initSample()
        for index in 0..<25 {
            let name = "user" + String(format: "%02d", index)
            let result = try box.iam("create-user", "--user-name", name)
            try #require(result.status == 0, "create-user \(name): \(result.stderr)")
        }
        let expected =
            (["alice", "bob", "carol", "dave", "deploy-bot"] + (0..<25).map { "user" + String(format: "%02d", $0) })
            .sorted()

        let all = try box.ok("list-users")
        #expect(Set(all.keys) == ["Users"], "the merged output has no IsTruncated, Marker or NextToken")
        #expect(values(all["Users"], "UserName") == expected)
        let ids = values(all["Users"], "UserId")
        #expect(Set(ids).count == 30, "user ids must be unique")

        let paged = try box.ok("list-users", "--page-size", "7")
        #expect(Set(paged.keys) == ["Users"])
        #expect(values(paged["Users"], "UserName") == expected)

        var seen: [String] = []
        var token: String?
        var pages = 0
        repeat {
            var arguments = ["iam", "list-users", "--max-items", "10"]
            if let token { arguments += ["--starting-token", token] }
            let result = try box.run(arguments)
            try #require(result.status == 0, "\(result.stderr)")
            let page = try result.json()
            let names = values(page["Users"], "UserName")
            #expect(page["IsTruncated"] == nil && page["Marker"] == nil)
            #expect(names.count == 10)
            seen += names
            token = page["NextToken"] as? String
            pages += 1
            if pages < 3 {
                #expect(token != nil, "page \(pages) must carry a NextToken")
                #expect(Set(page.keys) == ["Users", "NextToken"])
            }
        } while token != nil && pages < 5
        #expect(pages == 3)
        #expect(seen == expected, "pages must neither lose nor repeat users")
    }

    @Test func noPaginateReturnsOnePageWithTheServiceMarker() throws {
        let box = try Sandbox()
        try box.initSample()
        let page = try box.ok("list-users", "--no-paginate", "--max-items", "2")
        #expect(values(page["Users"], "UserName") == ["alice", "bob"])
        #expect(page["IsTruncated"] as? Bool == true)
        let marker = try #require(page["Marker"] as? String)
        let rest = try box.ok("list-users", "--no-paginate", "--starting-token", marker)
        #expect(values(rest["Users"], "UserName") == ["carol", "dave", "deploy-bot"])
        #expect(rest["IsTruncated"] as? Bool == false)
    }
}
