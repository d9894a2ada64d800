#!/usr/bin/env python3
"""The original monitor's check as its Lambda did it, for bench/monitor-check.sh to compare CPU time with:
list every key of the bucket with boto3 (ListObjectsV2, 1,000 keys a page), split each into folder and base
name, and keep the newest manifest end time per folder. Prints the folders found.
Usage: original-monitor-loop.py ENDPOINT BUCKET (credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)."""
import re
import sys
from datetime import datetime

import boto3

MANIFEST = re.compile(r"\.(\d{8}T\d{6}Z)\.manifest\.gpg$")


def main(endpoint, bucket):
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    newest = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for obj in page.get("Contents", []):
            folder, _, base = obj["Key"].rpartition("/")
            match = MANIFEST.search(base)
            if match:
                end = datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ")
                if folder not in newest or newest[folder] < end:
                    newest[folder] = end
    print(len(newest), "folders")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
