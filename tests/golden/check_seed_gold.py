#!/usr/bin/env python3
"""check_seed_gold.py GOLD ANALYZE_JSON - the seed article's gold, matched in full.

Compares one `khabar analyze` object (JSON) with the seed gold
(tests/golden/seed-article.gold.json, a copy of ../shared/gold/seed.json) by
the rules of gold/README.md:
  - title, subheadings and boilerplate: same spans;
  - quotes: every direct quotation with the same span (start/end between the
    marks, mark_start/mark_end with them) and a speaker equal to the gold's,
    and no direct quotation that the gold does not have;
  - not_quotes: none of them reported as a quotation;
  - reported: found when a reported statement overlaps the gold clause and
    names the same speaker (and, for a dual speaker, the same members);
  - sources, dates (span, year/month/day, relative), numbers (span, value).
Prints one line per failed expectation and "N checks, N failed"; exits 1 on
any failure.
"""
import json
import sys


def main():
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    got = json.loads(open(sys.argv[2], encoding="utf-8").read())
    checks = 0
    failed = []

    def check(ok, what):
        nonlocal checks
        checks += 1
        if not ok:
            failed.append(what)

    def span(o):
        return (o["start"], o["end"]) if o else None

    check(span(got["title"]) == span(gold["title"]), f"title {span(got['title'])} != {span(gold['title'])}")
    check([span(s) for s in got["subheadings"]] == [span(s) for s in gold["subheadings"]],
          f"subheadings {[span(s) for s in got['subheadings']]}")
    check([span(s) for s in got["boilerplate"]] == [span(s) for s in gold["boilerplate"]],
          f"boilerplate {[span(s) for s in got['boilerplate']]}")

    direct = [q for q in got["quotes"] if q["kind"] == "direct"]
    by_span = {(q["start"], q["end"]): q for q in direct}
    for g in gold["quotes"]:
        q = by_span.get((g["start"], g["end"]))
        check(q is not None, f"direct quote {g['start']}-{g['end']} ({g['text'][:30]}) not found")
        if q:
            check((q["mark_start"], q["mark_end"]) == (g["mark_start"], g["mark_end"]),
                  f"quote {g['start']}: marks {q['mark_start']}-{q['mark_end']}")
            check(q["speaker"] == g["speaker"],
                  f"quote {g['start']}: speaker {q['speaker']!r} != {g['speaker']!r}")
    gold_spans = {(g["start"], g["end"]) for g in gold["quotes"]}
    for q in direct:
        check((q["start"], q["end"]) in gold_spans,
              f"direct quote {q['start']}-{q['end']} ({q['text'][:30]}) is not in the gold")
    for n in gold["not_quotes"]:
        hit = [q for q in got["quotes"] if q["kind"] == "direct" and
               q["start"] < n["end"] and n["start"] < q["end"] and
               (q["start"], q["end"]) == (n["start"], n["end"])]
        check(not hit, f"not_quote {n['text']} reported as a quotation")

    reported = [q for q in got["quotes"] if q["kind"] == "reported"]
    for g in gold["reported"]:
        m = [q for q in reported if q["start"] < g["clause_end"] and g["clause_start"] < q["end"]
             and q["speaker"] == g["speaker"]]
        check(bool(m), f"reported {g['cue']} {g['clause_start']}-{g['clause_end']} "
                       f"speaker {g['speaker']} not found")
        if m and "speaker_members" in g:
            check(sorted(m[0].get("speaker_members", [])) == sorted(g["speaker_members"]),
                  f"reported {g['clause_start']}: members {m[0].get('speaker_members')}")
    check(len(reported) == len(gold["reported"]),
          f"{len(reported)} reported statements, gold has {len(gold['reported'])}")

    check([(s["name"], s["start"], s["end"]) for s in got["sources"]] ==
          [(s["name"], s["start"], s["end"]) for s in gold["sources"]], f"sources {got['sources']}")

    def date_key(d):
        return (d["start"], d["end"], d["year"], d["month"], d["day"], d.get("relative"))
    check(sorted(map(date_key, got["dates"])) == sorted(map(date_key, gold["dates"])),
          f"dates {sorted(map(date_key, got['dates']))}")
    check([(n["start"], n["end"], n["value"]) for n in got["numbers"]] ==
          [(n["start"], n["end"], n["value"]) for n in gold["numbers"]], f"numbers {got['numbers']}")

    for f in failed:
        print("FAIL seed gold:", f)
    print(f"{checks} checks, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
