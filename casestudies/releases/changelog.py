"""What changed between two releases, read from their CSV files: case studies added,
removed and changed (with the fields that changed), and fields added or removed."""

import csv
import io


def _read(content):
    if not content:
        return [], {}
    reader = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    return list(reader.fieldnames or []), {row["slug"]: row for row in reader}


def compare(previous_csv, current_csv):
    old_fields, old = _read(previous_csv)
    new_fields, new = _read(current_csv)
    shared = [name for name in new_fields if name in old_fields]
    changed = []
    for slug in sorted(set(old) & set(new)):
        fields = [name for name in shared if old[slug][name] != new[slug][name]]
        if fields:
            changed.append({"slug": slug, "title": new[slug]["title"], "fields": fields})
    return {
        "added": [
            {"slug": slug, "title": new[slug]["title"]} for slug in sorted(set(new) - set(old))
        ],
        "removed": [
            {"slug": slug, "title": old[slug]["title"]} for slug in sorted(set(old) - set(new))
        ],
        "changed": changed,
        "fields_added": [name for name in new_fields if name not in old_fields]
        if previous_csv
        else [],
        "fields_removed": [name for name in old_fields if name not in new_fields],
    }


def is_empty(changelog):
    return not any(changelog.values())
