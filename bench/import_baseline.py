#!/usr/bin/env python3
"""Plain Python baseline for bench/import.sh: zipfile + json doing the same extraction as datamap's import
on the heavy export (read the JSON entries the import needs, parse them, count people, companies and
messages), so the Rust import's speed-up is measured against the obvious script."""
import json
import re
import sys
import time
import zipfile

MESSAGE = re.compile(r"(^|/)messages/[^/]+/[^/]+/message(_\d+)?\.json$")
FAMILIES = ("profile_information.json", "your_friends.json", "friends.json", "removed_friends.json",
            "people_who_followed_you.json", "who_you've_followed.json", "connected_apps_and_websites.json",
            "apps_and_websites.json", "your_activity_off_meta_technologies.json",
            "your_off-facebook_activity.json", "advertisers_using_your_activity_or_information.json",
            "advertisers_you've_interacted_with.json", "account_activity.json", "recognized_devices.json")


def main(path):
    start = time.perf_counter()
    people, companies, messages, threads, files = set(), set(), 0, set(), 0
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            name = info.filename
            if not name.endswith(".json"):
                continue
            is_message = MESSAGE.search(name)
            if not is_message and not name.rsplit("/", 1)[-1] in FAMILIES:
                continue
            files += 1
            doc = json.loads(z.read(info))
            if is_message:
                threads.add(name.rsplit("/", 2)[-2])
                messages += len(doc.get("messages", []))
                for p in doc.get("participants", []):
                    people.add(p.get("name", "").encode("latin-1", "replace").decode("utf-8", "replace"))
            elif "friends_v2" in doc:
                for f in doc["friends_v2"]:
                    people.add(f["name"].encode("latin-1", "replace").decode("utf-8", "replace"))
            elif "off_facebook_activity_v2" in doc:
                for b in doc["off_facebook_activity_v2"]:
                    companies.add(b["name"])
    elapsed = time.perf_counter() - start
    print(f"python_seconds={elapsed:.3f} files={files} people={len(people)} companies={len(companies)} "
          f"threads={len(threads)} messages={messages}")


if __name__ == "__main__":
    main(sys.argv[1])
