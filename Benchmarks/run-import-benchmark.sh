#!/usr/bin/env bash
# Generates a 5,000-user `get-account-authorization-details` file (about 17 MB, laid out as the AWS
# CLI prints it) and times importing it against Python's json.load of the same file, in one run.
# usage: Benchmarks/run-import-benchmark.sh [USERS] [RUNS]   (from the package root)
set -euo pipefail
users=${1:-5000}
runs=${2:-5}
file=$(mktemp -d)/authorization-details.json
trap 'rm -rf "$(dirname "$file")"' EXIT
python3 Benchmarks/generate_authorization_details.py --users "$users" "$file"
swift build -c release --product iamconsole-bench >/dev/null
.build/release/iamconsole-bench --import "$file" --runs "$runs"
