import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.2 Resource"

private func resourceCase(_ note: String, _ pattern: String, _ resource: String, _ matches: Bool) -> EvalCase {
    EvalCase(
        rule: "\(rule): \(note)", resource: resource, identity: [evalDoc(stmt("Allow", "*", pattern))],
        expected: matches ? .allowed : .implicitDeny)
}

@Suite struct ResourceMatchingTests {
    static let cases: [EvalCase] = [
        resourceCase("'*' matches everything", "*", "arn:aws:s3:::bucket/key", true),
        resourceCase("exact ARN", "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/alice", true),
        resourceCase(
            "case-sensitive user name", "arn:aws:iam::111122223333:user/Alice",
            "arn:aws:iam::111122223333:user/alice", false),
        resourceCase(
            "case-sensitive service", "arn:aws:IAM::111122223333:user/alice",
            "arn:aws:iam::111122223333:user/alice", false),
        resourceCase(
            "wildcard user name", "arn:aws:iam::111122223333:user/*", "arn:aws:iam::111122223333:user/alice",
            true),
        resourceCase(
            "wildcard spans path slashes", "arn:aws:iam::111122223333:user/*",
            "arn:aws:iam::111122223333:user/eng/alice", true),
        resourceCase(
            "prefix is not a match", "arn:aws:iam::111122223333:user/ali",
            "arn:aws:iam::111122223333:user/alice", false),
        resourceCase(
            "'?' within the name", "arn:aws:iam::111122223333:user/al?ce",
            "arn:aws:iam::111122223333:user/alice", true),
        resourceCase(
            "other account", "arn:aws:iam::444455556666:user/*", "arn:aws:iam::111122223333:user/alice",
            false),
        resourceCase(
            "wildcard account segment", "arn:aws:iam::*:user/alice", "arn:aws:iam::111122223333:user/alice",
            true),
        resourceCase(
            "wildcard region segment", "arn:aws:ec2:*:111122223333:instance/*",
            "arn:aws:ec2:us-east-1:111122223333:instance/i-1", true),
        resourceCase(
            "region wildcard stays in its segment", "arn:aws:ec2:us-*:111122223333:instance/*",
            "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", false),
        resourceCase(
            "region wildcard in its segment", "arn:aws:ec2:us-*:111122223333:instance/*",
            "arn:aws:ec2:us-west-2:111122223333:instance/i-1", true),
        resourceCase(
            "doc: */test/* spans several slashes", "arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*",
            "arn:aws:s3:::DOC-EXAMPLE-BUCKET/1///test///object.jpg", true),
        resourceCase(
            "doc: */test/* needs a segment before test", "arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*",
            "arn:aws:s3:::DOC-EXAMPLE-BUCKET/test/object.jpg", false),
        resourceCase(
            "doc: trailing * matches beyond ':'", "arn:aws:lambda:us-east-1:111122223333:function:my-func*",
            "arn:aws:lambda:us-east-1:111122223333:function:my-func:PROD", true),
        resourceCase(
            "function without the alias", "arn:aws:lambda:us-east-1:111122223333:function:my-func",
            "arn:aws:lambda:us-east-1:111122223333:function:my-func:PROD", false),
        resourceCase(
            "short pattern with trailing *", "arn:aws:lambda:*",
            "arn:aws:lambda:us-east-1:111122223333:function:f", true),
        resourceCase(
            "short pattern without * matches nothing", "arn:aws:lambda",
            "arn:aws:lambda:us-east-1:111122223333:function:f", false),
        resourceCase(
            "no wildcard in the service segment", "arn:aws:*:us-east-1:111122223333:function:f",
            "arn:aws:lambda:us-east-1:111122223333:function:f", false),
        resourceCase(
            "no partial wildcard in the service segment", "arn:aws:lamb*:us-east-1:111122223333:function:f",
            "arn:aws:lambda:us-east-1:111122223333:function:f", false),
        resourceCase("partition wildcard", "arn:*:s3:::bucket/*", "arn:aws:s3:::bucket/key", true),
        resourceCase("bucket ARN is not its objects", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket/key", false),
        resourceCase("objects pattern is not the bucket", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false),
        resourceCase("one of a list", "arn:aws:s3:::a/*|arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/key", true),
        resourceCase("none of a list", "arn:aws:s3:::a/*|arn:aws:s3:::b/*", "arn:aws:s3:::bucket/key", false),
        resourceCase(
            "resource with colons in the resource part", "arn:aws:logs:*:*:log-group:app:*",
            "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:x", true),
        resourceCase(
            "wildcard in the middle of the resource part", "arn:aws:s3:::bucket/*.jpg",
            "arn:aws:s3:::bucket/a/b.jpg", true),
        resourceCase(
            "wildcard in the middle, wrong suffix", "arn:aws:s3:::bucket/*.jpg", "arn:aws:s3:::bucket/a/b.png",
            false),
        resourceCase("request '*' against a pattern", "arn:aws:s3:::bucket/*", "*", false),
        resourceCase("non-ASCII key with '?'", "arn:aws:s3:::bucket/caf?", "arn:aws:s3:::bucket/café", true),
        EvalCase(
            rule: "\(rule) NotResource: allow everything but the listed",
            resource: "arn:aws:s3:::open/key",
            identity: [
                evalDoc("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::secret/*\"}")
            ],
            expected: .allowed),
        EvalCase(
            rule: "\(rule) NotResource: the listed resource is excluded",
            resource: "arn:aws:s3:::secret/key",
            identity: [
                evalDoc("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::secret/*\"}")
            ],
            expected: .implicitDeny),
        EvalCase(
            rule: "\(rule) NotResource: Action still scopes",
            action: "ec2:RunInstances", resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
            identity: [
                evalDoc("{\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"NotResource\": \"arn:aws:s3:::secret/*\"}")
            ],
            expected: .implicitDeny),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
