#!/usr/bin/env python3
"""Checks the layering of src/ that docs/ARCHITECTURE.md states.

1. Include arrows: a folder's code (tests apart) includes only headers of the folders it may
   use, directly or through the folders those may use (ALLOWED below, the arrows of
   docs/ARCHITECTURE.md). Unit tests (*_test.cc) may include anything: they wire real
   collaborators together the way app/ does.
2. Tables: a module's SQL names only the tables it owns (OWNER below, from the migrations),
   apart from the exceptions listed in SHARED with their reason; an exception no longer used
   fails too, so the list stays true. Every table of the migrations must have an owner, so a
   new table cannot slip past the check.
Exit status 1 with one line per violation.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")

# Folder → the folders it may include directly (the rest follows by transitivity).
ALLOWED = {
    "base": [],
    "testing": [],
    "campaigns": [],
    "render": ["base"],
    "text": ["base"],
    "storage": ["text"],
    "audit": ["storage"],
    "mail": ["storage"],
    "accounts": ["audit", "mail"],
    "http": ["base"],
    "site": ["accounts", "http"],
    "search": ["site"],
    "meetings": ["search"],
    "documents": ["meetings", "render"],
    "consultations": ["documents", "campaigns"],
    "proceedings": ["documents"],
    "reports": ["consultations"],
    "desk": ["consultations"],
    "portal": ["consultations", "proceedings"],
    "drafting": ["proceedings"],
    "demo": ["proceedings", "drafting"],
    "feeds": ["consultations"],
    "exports": ["consultations"],
    "imports": ["documents"],
    "follows": ["consultations", "proceedings"],
    "app": ["desk", "portal", "reports", "demo", "drafting", "feeds", "exports", "imports",
            "follows"],
}

# Table → the module that owns it (creates, writes and reads it).
OWNER = {
    "users": "accounts", "sessions": "accounts", "secrets": "accounts",
    "follows": "accounts", "password_resets": "accounts", "digests": "follows",
    "audit_log": "audit",
    "mail_outbox": "mail",
    "bodies": "meetings", "meetings": "meetings", "contributions": "meetings",
    "actions": "meetings", "registrations": "meetings", "attendance": "meetings",
    "stakeholder_types": "meetings", "consultations": "consultations",
    "questions": "consultations", "deadline_extensions": "consultations",
    "responses": "consultations", "answers": "consultations", "attachments": "consultations",
    "response_counts": "consultations", "confirmation_mails": "consultations",
    "search_docs": "search", "search_queue": "search", "search_log": "search",
    "search_log_pruned": "search", "search_terms": "search", "search_top": "search",
    "search_top_groups": "search", "search_top_state": "search", "campaign_assignments": "consultations",
    "documents": "documents", "document_relations": "documents", "document_files": "documents",
    "document_texts": "documents",
    "resolutions": "documents", "resolution_revisions": "documents", "citations": "documents",
    "citations_backfill": "documents",
    "issued_documents": "documents", "issued_renditions": "documents",
    "document_approvals": "documents",
    "agenda_items": "proceedings", "agenda_item_documents": "proceedings",
    "speakers": "proceedings", "interventions": "proceedings", "decisions": "proceedings",
    "candidatures": "proceedings", "action_events": "proceedings",
    "summary_records": "proceedings",
    "texts": "drafting", "provisions": "drafting", "brackets": "drafting",
    "text_history": "drafting", "proposals": "drafting", "text_revisions": "drafting",
    "informal_consultations": "drafting",
    "text_states": "site", "form_refills": "site",
}
for lang in ("ar", "zh", "en", "fr", "ru", "es"):
    OWNER["search_fts_" + lang] = "search"

# Modules that may name any table: the migrations, the demo loader (it writes the fixture of
# every module in one transaction) and the wiring.
ANY_TABLE = {"storage", "demo", "app"}

# (module, table) → why the module names another module's table. Each is a debt or a join
# through columns the owner exports; a new pair fails the check until it is listed here.
SHARED = {
    ("documents", "bodies"): "documents belong to a body (meetings::BodyId resolves it)",
    ("proceedings", "meetings"): "the record's items and actions are labelled by their meeting",
    ("proceedings", "bodies"): "meetings::kLabelColumns joins the body for the meeting label",
    ("proceedings", "actions"): "the record lists the actions decided on its items (join)",
    ("proceedings", "documents"): "agenda items are tied to their documents",
    ("drafting", "documents"): "a text is tied to a document: its symbol and access level (join)",
    ("drafting", "agenda_items"): "a text is tied to an agenda item; texts are listed by meeting",
    ("drafting", "meetings"): "the demo's text finds item 5 of the Council 2022 plenary",
    ("follows", "bodies"): "a followed body's name and a decision's meeting label (read only)",
    ("follows", "meetings"): "a followed meeting's label; decisions of a body's meetings (join)",
    ("follows", "consultations"): "the digest's new consultations, deadlines, results (read only)",
    ("follows", "documents"): "the digest's new public documents (read only)",
    ("follows", "agenda_items"): "the digest's decisions and a meeting's documents (join)",
    ("follows", "agenda_item_documents"): "the documents of a followed meeting (join)",
    ("follows", "decisions"): "the digest's decisions (read only)",
}

INCLUDE = re.compile(r'^#include "([a-z_]+)/', re.M)
TABLE = re.compile(r"\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_0-9]+)")


def closure(folder, seen=None):
    seen = set() if seen is None else seen
    for d in ALLOWED.get(folder, []):
        if d not in seen:
            seen.add(d)
            closure(d, seen)
    return seen


def migration_tables():
    tables = set()
    mig = os.path.join(SRC, "storage", "migrations")
    for name in os.listdir(mig):
        text = open(os.path.join(mig, name), encoding="utf-8").read()
        tables |= set(re.findall(r"CREATE (?:VIRTUAL )?TABLE ([a-z_0-9]+)", text))
    # Tables a migration rebuilds under a temporary name and renames.
    return {t for t in tables if not t.endswith("_new")}


def main():
    problems = []
    used = set()
    for t in sorted(migration_tables() - OWNER.keys()):
        problems.append(f"table {t}: no owner in scripts/check-layers.py")
    for folder in sorted(os.listdir(SRC)):
        path = os.path.join(SRC, folder)
        if not os.path.isdir(path):
            continue
        if folder not in ALLOWED:
            problems.append(f"src/{folder}: not in the layering of scripts/check-layers.py")
            continue
        may = closure(folder) | {folder}
        for name in sorted(os.listdir(path)):
            if not name.endswith((".cc", ".h")) or name.endswith("_test.cc"):
                continue
            text = open(os.path.join(path, name), encoding="utf-8").read()
            for dep in sorted(set(INCLUDE.findall(text))):
                if dep not in may:
                    problems.append(f"src/{folder}/{name}: includes {dep}/, not below {folder}")
            if folder in ANY_TABLE:
                continue
            for table in sorted(set(TABLE.findall(text))):
                owner = OWNER.get(table)
                if owner and owner != folder and (folder, table) in SHARED:
                    used.add((folder, table))
                elif owner and owner != folder:
                    problems.append(f"src/{folder}/{name}: names table {table} of {owner}")
    for pair in sorted(SHARED.keys() - used):
        problems.append(f"SHARED {pair}: no longer used; remove it from scripts/check-layers.py")
    if problems:
        print("\n".join(problems))
        print("check-layers: the layering of docs/ARCHITECTURE.md does not hold", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
