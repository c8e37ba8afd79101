#!/usr/bin/env python3
"""Writes an `aws iam get-account-authorization-details` output for a large synthetic account,
laid out exactly as the AWS CLI prints it (json.dumps, indent=4), for the import benchmark.

usage: generate_authorization_details.py [--users N] OUT
"""
import argparse
import json

ACCOUNT = "123456789012"
DATE = "2026-01-02T03:04:05+00:00"


def statement(index, service):
    return {
        "Sid": f"Allow{service.capitalize()}{index}",
        "Effect": "Allow",
        "Action": [f"{service}:Get*", f"{service}:List*", f"{service}:Describe*"],
        "Resource": [f"arn:aws:{service}:::example-{index}-*", f"arn:aws:{service}:::example-{index}-*/*"],
        "Condition": {"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "us-east-1"]}},
    }


def document(index, services):
    return {"Version": "2012-10-17", "Statement": [statement(index, s) for s in services]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=5000)
    parser.add_argument("out")
    args = parser.parse_args()
    groups = [
        {
            "Path": "/teams/",
            "GroupName": f"team{g}",
            "GroupId": f"AGPA{g:017d}",
            "Arn": f"arn:aws:iam::{ACCOUNT}:group/teams/team{g}",
            "CreateDate": DATE,
            "GroupPolicyList": [{"PolicyName": "team-read", "PolicyDocument": document(g, ["s3", "dynamodb"])}],
            "AttachedManagedPolicies": [
                {"PolicyName": f"Shared{g % 50}", "PolicyArn": f"arn:aws:iam::{ACCOUNT}:policy/Shared{g % 50}"}
            ],
        }
        for g in range(200)
    ]
    users = [
        {
            "Path": "/people/",
            "UserName": f"user{u:05d}",
            "UserId": f"AIDA{u:017d}",
            "Arn": f"arn:aws:iam::{ACCOUNT}:user/people/user{u:05d}",
            "CreateDate": DATE,
            "UserPolicyList": [
                {"PolicyName": "own-bucket", "PolicyDocument": document(u, ["s3", "sqs"])}
            ],
            "GroupList": [f"team{u % 200}", f"team{(u + 7) % 200}"],
            "AttachedManagedPolicies": [
                {"PolicyName": f"Shared{u % 50}", "PolicyArn": f"arn:aws:iam::{ACCOUNT}:policy/Shared{u % 50}"}
            ],
            "Tags": [{"Key": "team", "Value": f"team{u % 200}"}, {"Key": "cost-center", "Value": f"cc-{u % 13}"}],
        }
        for u in range(args.users)
    ]
    policies = [
        {
            "PolicyName": f"Shared{p}",
            "PolicyId": f"ANPA{p:017d}",
            "Arn": f"arn:aws:iam::{ACCOUNT}:policy/Shared{p}",
            "Path": "/",
            "DefaultVersionId": "v2",
            "AttachmentCount": 0,
            "PermissionsBoundaryUsageCount": 0,
            "IsAttachable": True,
            "CreateDate": DATE,
            "UpdateDate": DATE,
            "PolicyVersionList": [
                {"Document": document(p, ["ec2", "s3"]), "VersionId": "v2", "IsDefaultVersion": True, "CreateDate": DATE},
                {"Document": document(p, ["ec2"]), "VersionId": "v1", "IsDefaultVersion": False, "CreateDate": DATE},
            ],
        }
        for p in range(50)
    ]
    details = {"UserDetailList": users, "GroupDetailList": groups, "RoleDetailList": [], "Policies": policies}
    with open(args.out, "w") as out:
        out.write(json.dumps(details, indent=4, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
