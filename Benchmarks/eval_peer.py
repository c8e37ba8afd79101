#!/usr/bin/env python3
"""The peer of `iamconsole policy evaluate` in the evaluation benchmark: Principal Mapper (PyPI
`principalmapper`), an open-source IAM evaluator, decides the same requests.

Usage: python3 Benchmarks/eval_peer.py REQUESTS.jsonl OURS.jsonl [--repeat N] [--disagreements FILE]

REQUESTS.jsonl is the benchmark's requests file; OURS.jsonl is iamconsole's output for it, line for
line. For every request the script builds a Principal Mapper `Node` (an IAM user or role with its
identity policies and permissions boundary) and calls
`principalmapper.querying.query_interface.local_check_authorization_full`, its full local evaluation
(explicit denies, SCPs, resource policy, boundary, session policy, identity policies, conditions).
Only that call is timed, as `decisions/s` over N passes (default 1); building the nodes is not.

Principal Mapper answers allowed or not (it has no explicit/implicit distinction), so agreement is
counted on "allowed" against "explicitDeny or implicitDeny". It prints one JSON object:
{"requests", "peerDecisionsPerSecond", "agreement", "agreed", "disagreements": {"ours->peer": count},
"peerErrors"}; with --disagreements, each disagreeing request goes to FILE with both answers.

Principal Mapper 1.1.5 imports `Mapping` and `MutableMapping` from `collections`, which Python 3.10
removed; they are aliased to `collections.abc` before the import.
"""
import collections
import collections.abc
import json
import sys
import time

collections.Mapping = collections.abc.Mapping
collections.MutableMapping = collections.abc.MutableMapping

from principalmapper.common import Node, Policy  # noqa: E402
from principalmapper.querying.query_interface import local_check_authorization_full  # noqa: E402

TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}


def document(value):
    return json.loads(value) if isinstance(value, str) else value


def prepare(request, number):
    """The arguments of local_check_authorization_full for one request."""
    arn = request["principal"]
    policies = [Policy(arn, "identityPolicies[%d]" % i, document(doc))
                for i, doc in enumerate(request.get("identityPolicies") or [])]
    boundary = request.get("permissionsBoundary")
    boundary_policy = Policy(arn, "permissionsBoundary", document(boundary)) if boundary else None
    is_role = ":role/" in arn
    node = Node(arn, "AIDA%016d" % number, policies, [], TRUST if is_role else None, None, 0, False, False,
                boundary_policy, False, {})
    resource_policy = request.get("resourcePolicy")
    scps = request.get("scps") or None
    if scps:
        scps = [[Policy(arn, "scp", document(doc)) for doc in level] for level in scps]
    sessions = request.get("sessionPolicies") or []
    return (node, request["action"], request["resource"], dict(request.get("context") or {}),
            document(resource_policy) if resource_policy else None,
            request.get("resourceAccount") or arn.split(":")[4], scps,
            document(sessions[0]) if sessions else None)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    requests_path, ours_path = argv[1], argv[2]
    repeat, disagreements_path = 1, None
    rest = argv[3:]
    while rest:
        name = rest.pop(0)
        if name == "--repeat" and rest:
            repeat = int(rest.pop(0))
        elif name == "--disagreements" and rest:
            disagreements_path = rest.pop(0)
        else:
            sys.exit("unknown option or missing value: %s" % name)

    with open(requests_path) as handle:
        requests = [json.loads(line) for line in handle if line.strip()]
    with open(ours_path) as handle:
        ours = [json.loads(line) for line in handle if line.strip()]
    if len(ours) != len(requests):
        sys.exit("%d requests but %d results from iamconsole" % (len(requests), len(ours)))
    prepared = [prepare(request, number) for number, request in enumerate(requests)]

    answers = [None] * len(prepared)
    errors = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for index, arguments in enumerate(prepared):
            try:
                answers[index] = local_check_authorization_full(*arguments)
            except Exception as error:  # a crash on a request counts as a disagreement
                answers[index] = "error: %s: %s" % (type(error).__name__, error)
    elapsed = time.perf_counter() - start

    agreed = 0
    kinds = collections.Counter()
    disagreeing = []
    for request, mine, theirs in zip(requests, ours, answers):
        if isinstance(theirs, str):
            errors += 1
        peer = theirs if isinstance(theirs, str) else ("allowed" if theirs else "denied")
        ours_allowed = mine.get("decision") == "allowed"
        if not isinstance(theirs, str) and ours_allowed == theirs:
            agreed += 1
            continue
        kinds["%s->%s" % (mine.get("decision", "error"), peer)] += 1
        disagreeing.append({"request": {k: request[k] for k in ("principal", "action", "resource", "context")},
                            "ours": mine, "peer": peer})
    if disagreements_path:
        with open(disagreements_path, "w") as handle:
            for entry in disagreeing:
                handle.write(json.dumps(entry) + "\n")
    total = len(requests) * repeat
    print(json.dumps({
        "requests": len(requests),
        "peerDecisionsPerSecond": round(total / elapsed) if elapsed > 0 else 0,
        "agreement": round(agreed / len(requests), 4) if requests else 1.0,
        "agreed": agreed,
        "disagreements": dict(kinds),
        "peerErrors": errors,
    }))


if __name__ == "__main__":
    main(sys.argv)
