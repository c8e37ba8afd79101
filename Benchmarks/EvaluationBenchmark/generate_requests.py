#!/usr/bin/env python3
"""Writes a deterministic, realistic `iamconsole policy evaluate` requests file (JSON Lines).

Usage: python3 Benchmarks/EvaluationBenchmark/generate_requests.py OUT.jsonl [--principals N]
       [--requests-per-principal K] [--seed S]

The account (111122223333) has N principals (default 1,000): 70% IAM users under a team path, 30% roles.
Each principal has 3-12 identity policies of 5-30 statements: about 60% drawn from a pool of shared
customer managed policies, the rest inline and its own. A third of the statements carry conditions
(StringEquals on aws:PrincipalTag/team, IpAddress/NotIpAddress on aws:SourceIp, Bool on
aws:MultiFactorAuthPresent, DateLessThan/DateGreaterThan on aws:CurrentTime, StringLike on s3:prefix,
StringEqualsIgnoreCase on aws:RequestedRegion, NumericLessThan on aws:MultiFactorAuthAge, ...).
Actions and ARNs come from S3, EC2, IAM, DynamoDB and Lambda, with wildcards; about 6% of the
statements are Deny (of destructive actions) and 5% use NotAction. A quarter of the principals have a permissions boundary.

Each principal makes K requests (default 5): most for an action and resource its own policies mention
(so that a realistic share is allowed), the rest anything from the catalog. The context carries the
principal's team tag, a source IP (office, VPN or elsewhere), MFA, the current time and the region;
some keys are left out on purpose.
"""
import json
import random
import sys

ACCOUNT = "111122223333"
TEAMS = ["payments", "search", "data", "platform", "mobile", "security", "growth", "infra"]
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"]
BUCKETS = ["data-lake-%d" % i for i in range(12)] + ["logs-%s" % t for t in TEAMS] + ["artifacts", "backups"]
TABLES = ["orders", "orders-archive", "customers", "sessions", "inventory", "events-2026", "audit"]
FUNCTIONS = ["resize-image", "send-email", "etl-nightly", "auth-hook", "billing-sync", "thumbnailer"]

ACTIONS = {
    "s3": ["GetObject", "PutObject", "DeleteObject", "ListBucket", "GetBucketPolicy", "PutBucketPolicy",
           "GetObjectTagging", "PutObjectAcl", "ListAllMyBuckets", "GetBucketLocation"],
    "ec2": ["DescribeInstances", "StartInstances", "StopInstances", "TerminateInstances", "RunInstances",
            "DescribeVolumes", "CreateTags", "DescribeSecurityGroups", "AuthorizeSecurityGroupIngress"],
    "iam": ["GetUser", "ListUsers", "CreateUser", "DeleteUser", "PassRole", "GetRole", "ListRoles",
            "AttachUserPolicy", "CreateAccessKey", "ListAccessKeys", "ChangePassword"],
    "dynamodb": ["GetItem", "PutItem", "Query", "Scan", "DeleteItem", "UpdateItem", "DescribeTable",
                 "BatchGetItem", "CreateTable", "DeleteTable"],
    "lambda": ["InvokeFunction", "GetFunction", "ListFunctions", "UpdateFunctionCode", "CreateFunction",
               "DeleteFunction", "GetFunctionConfiguration"],
}
WILDCARD_ACTIONS = {
    "s3": ["s3:Get*", "s3:List*", "s3:*Object", "s3:Put*", "s3:*"],
    "ec2": ["ec2:Describe*", "ec2:*Instances", "ec2:*"],
    "iam": ["iam:Get*", "iam:List*", "iam:*AccessKey*", "iam:*"],
    "dynamodb": ["dynamodb:Get*", "dynamodb:Query", "dynamodb:Batch*", "dynamodb:*"],
    "lambda": ["lambda:Get*", "lambda:List*", "lambda:Invoke*", "lambda:*"],
}
DESTRUCTIVE = {
    "s3": ["DeleteObject", "PutBucketPolicy", "PutObjectAcl", "DeleteBucket*"],
    "ec2": ["TerminateInstances", "AuthorizeSecurityGroupIngress", "Delete*"],
    "iam": ["CreateUser", "DeleteUser", "AttachUserPolicy", "CreateAccessKey", "PassRole"],
    "dynamodb": ["DeleteTable", "DeleteItem", "CreateTable"],
    "lambda": ["DeleteFunction", "UpdateFunctionCode", "CreateFunction"],
}
OBJECT_KEYS = ["reports/2026/q1.csv", "reports/2026/q2.csv", "Reports/summary.pdf", "raw/events/part-0001.json",
               "tmp/upload.bin", "home/alice/notes.txt", "exports/orders.parquet"]


def resource_patterns(rng, service, team):
    """One to three Resource values for a statement about `service`."""
    def one():
        if rng.random() < 0.12:
            return "*"
        if service == "s3":
            bucket = rng.choice(BUCKETS)
            return rng.choice([
                "arn:aws:s3:::%s" % bucket, "arn:aws:s3:::%s/*" % bucket, "arn:aws:s3:::%s/reports/*" % bucket,
                "arn:aws:s3:::data-lake-*/raw/*", "arn:aws:s3:::logs-%s/*" % team, "arn:aws:s3:::*/tmp/*"])
        if service == "ec2":
            region = rng.choice(REGIONS + ["*"])
            return rng.choice([
                "arn:aws:ec2:%s:%s:instance/*" % (region, ACCOUNT), "arn:aws:ec2:*:%s:volume/*" % ACCOUNT,
                "arn:aws:ec2:%s:%s:security-group/sg-0%02d*" % (region, ACCOUNT, rng.randrange(100))])
        if service == "iam":
            return rng.choice([
                "arn:aws:iam::%s:user/%s/*" % (ACCOUNT, team), "arn:aws:iam::%s:role/app-*" % ACCOUNT,
                "arn:aws:iam::%s:user/*" % ACCOUNT, "arn:aws:iam::%s:role/%s-*" % (ACCOUNT, team)])
        if service == "dynamodb":
            region = rng.choice(REGIONS + ["*"])
            table = rng.choice(TABLES)
            return rng.choice([
                "arn:aws:dynamodb:%s:%s:table/%s" % (region, ACCOUNT, table),
                "arn:aws:dynamodb:%s:%s:table/%s*" % (region, ACCOUNT, table.split("-")[0]),
                "arn:aws:dynamodb:%s:%s:table/%s/index/*" % (region, ACCOUNT, table)])
        region = rng.choice(REGIONS + ["*"])
        return rng.choice([
            "arn:aws:lambda:%s:%s:function:%s" % (region, ACCOUNT, rng.choice(FUNCTIONS)),
            "arn:aws:lambda:%s:%s:function:%s*" % (region, ACCOUNT, rng.choice(FUNCTIONS)[:4]),
            "arn:aws:lambda:*:%s:function:*" % ACCOUNT])
    values = [one() for _ in range(rng.randint(1, 3))]
    return values[0] if len(values) == 1 else values


def condition(rng, team):
    """One or two condition operators, as a policy author would write them."""
    choices = [
        lambda: ("StringEquals", {"aws:PrincipalTag/team": rng.choice([team, team, rng.choice(TEAMS)])}),
        lambda: ("IpAddress", {"aws:SourceIp": rng.sample(["203.0.113.0/24", "198.51.100.0/24", "10.0.0.0/8"],
                                                          rng.randint(1, 2))}),
        lambda: ("NotIpAddress", {"aws:SourceIp": ["203.0.113.0/24", "10.0.0.0/8"]}),
        lambda: ("Bool", {"aws:MultiFactorAuthPresent": rng.choice(["true", "true", "false"])}),
        lambda: ("DateLessThan", {"aws:CurrentTime": rng.choice(["2027-01-01T00:00:00Z", "2026-03-01T00:00:00Z"])}),
        lambda: ("DateGreaterThan", {"aws:CurrentTime": "2025-01-01T00:00:00Z"}),
        lambda: ("StringLike", {"s3:prefix": ["home/${aws:username}/*", "reports/*"]}),
        lambda: ("StringEqualsIgnoreCase", {"aws:RequestedRegion": rng.sample(REGIONS, 2)}),
        lambda: ("NumericLessThan", {"aws:MultiFactorAuthAge": rng.choice(["3600", "900"])}),
        lambda: ("StringNotEquals", {"aws:PrincipalTag/team": "security"}),
        lambda: ("BoolIfExists", {"aws:MultiFactorAuthPresent": "true"}),
        lambda: ("StringEquals", {"aws:ResourceTag/owner": "${aws:PrincipalTag/team}"}),
    ]
    block = {}
    for _ in range(rng.choice([1, 1, 1, 2])):
        operator, keys = rng.choice(choices)()
        block.setdefault(operator, {}).update(keys)
    return block


def statement(rng, team, index, conditional):
    service = rng.choice(list(ACTIONS))
    effect = "Deny" if rng.random() < 0.06 else "Allow"
    actions = []
    for _ in range(rng.randint(1, 4)):
        if effect == "Deny":
            actions.append("%s:%s" % (service, rng.choice(DESTRUCTIVE[service])))
        elif rng.random() < 0.35:
            actions.append(rng.choice(WILDCARD_ACTIONS[service]))
        else:
            actions.append("%s:%s" % (service, rng.choice(ACTIONS[service])))
    result = {"Sid": "S%d" % index, "Effect": effect}
    if rng.random() < 0.05:
        result["NotAction"] = actions if len(actions) > 1 else actions[0]
        result["Resource"] = "*" if effect == "Deny" else resource_patterns(rng, service, team)
    else:
        result["Action"] = actions if len(actions) > 1 else actions[0]
        result["Resource"] = resource_patterns(rng, service, team)
    if conditional:
        result["Condition"] = condition(rng, team)
    return result


def policy(rng, team, statements):
    return {"Version": "2012-10-17", "Statement": [
        statement(rng, team, index, rng.random() < 1 / 3) for index in range(statements)]}


def boundary(rng):
    services = rng.sample(list(ACTIONS), rng.randint(3, 5))
    return {"Version": "2012-10-17", "Statement": [
        {"Sid": "Services", "Effect": "Allow", "Action": ["%s:*" % s for s in services], "Resource": "*"},
        {"Sid": "NoUserAdmin", "Effect": "Deny", "Action": ["iam:CreateUser", "iam:AttachUserPolicy"],
         "Resource": "*"}]}


def concrete_resource(rng, service, team, pattern=None):
    """A resource ARN a request would name; from `pattern` when given (wildcards filled in)."""
    if pattern and pattern != "*" and rng.random() < 0.8:
        filled = pattern.replace("${aws:username}", "alice")
        filled = filled.replace("*", rng.choice(["", "a", "reports/2026/q1.csv", "1"]), 1).replace("*", "x")
        return filled.replace("arn:aws:ec2:x:", "arn:aws:ec2:us-east-1:")
    region = rng.choice(REGIONS)
    if service == "s3":
        return "arn:aws:s3:::%s/%s" % (rng.choice(BUCKETS), rng.choice(OBJECT_KEYS))
    if service == "ec2":
        return "arn:aws:ec2:%s:%s:instance/i-0%08x" % (region, ACCOUNT, rng.randrange(1 << 32))
    if service == "iam":
        return rng.choice(["arn:aws:iam::%s:user/%s/u%d" % (ACCOUNT, team, rng.randrange(500)),
                           "arn:aws:iam::%s:role/app-%d" % (ACCOUNT, rng.randrange(300))])
    if service == "dynamodb":
        return "arn:aws:dynamodb:%s:%s:table/%s" % (region, ACCOUNT, rng.choice(TABLES))
    return "arn:aws:lambda:%s:%s:function:%s" % (region, ACCOUNT, rng.choice(FUNCTIONS))


def context(rng, team):
    result = {}
    if rng.random() < 0.9:
        result["aws:PrincipalTag/team"] = team
    result["aws:SourceIp"] = rng.choice(["203.0.113.25", "198.51.100.7", "10.1.2.3", "192.0.2.44"])
    if rng.random() < 0.8:
        result["aws:MultiFactorAuthPresent"] = rng.choice(["true", "false"])
    if rng.random() < 0.5:
        result["aws:MultiFactorAuthAge"] = str(rng.choice([60, 1200, 7200]))
    result["aws:CurrentTime"] = "2026-06-15T09:30:00Z"
    result["aws:RequestedRegion"] = rng.choice(REGIONS)
    if rng.random() < 0.3:
        result["s3:prefix"] = rng.choice(["reports/2026/", "home/alice/", "raw/"])
    if rng.random() < 0.5:
        result["aws:ResourceTag/owner"] = rng.choice([team, rng.choice(TEAMS)])
    return result


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out = argv[1]
    options = {"--principals": 1000, "--requests-per-principal": 5, "--seed": 2026}
    args = argv[2:]
    while args:
        name = args.pop(0)
        if name not in options or not args:
            sys.exit("unknown option or missing value: %s" % name)
        options[name] = int(args.pop(0))
    rng = random.Random(options["--seed"])
    shared = [policy(rng, rng.choice(TEAMS), rng.randint(5, 30)) for _ in range(400)]
    boundaries = [boundary(rng) for _ in range(6)]
    count = 0
    with open(out, "w") as handle:
        for number in range(options["--principals"]):
            team = rng.choice(TEAMS)
            if rng.random() < 0.7:
                arn = "arn:aws:iam::%s:user/%s/u%d" % (ACCOUNT, team, number)
            else:
                arn = "arn:aws:iam::%s:role/%s-app-%d" % (ACCOUNT, team, number)
            policies = [rng.choice(shared) if rng.random() < 0.6 else policy(rng, team, rng.randint(5, 30))
                        for _ in range(rng.randint(3, 12))]
            bound = rng.choice(boundaries) if rng.random() < 0.25 else None
            mentioned = [s for p in policies for s in p["Statement"] if "Action" in s]
            for _ in range(options["--requests-per-principal"]):
                if mentioned and rng.random() < 0.75:
                    chosen = rng.choice(mentioned)
                    actions = chosen["Action"] if isinstance(chosen["Action"], list) else [chosen["Action"]]
                    action = rng.choice(actions)
                    service = action.split(":")[0]
                    if "*" in action:
                        action = "%s:%s" % (service, rng.choice(ACTIONS[service]))
                    resources = chosen["Resource"] if isinstance(chosen["Resource"], list) else [chosen["Resource"]]
                    resource = concrete_resource(rng, service, team, rng.choice(resources))
                else:
                    service = rng.choice(list(ACTIONS))
                    action = "%s:%s" % (service, rng.choice(ACTIONS[service]))
                    resource = concrete_resource(rng, service, team)
                request = {"principal": arn, "action": action, "resource": resource,
                           "context": context(rng, team), "identityPolicies": policies,
                           "permissionsBoundary": bound}
                handle.write(json.dumps(request, separators=(",", ":")) + "\n")
                count += 1
    print(count)


if __name__ == "__main__":
    main(sys.argv)
