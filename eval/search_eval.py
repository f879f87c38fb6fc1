#!/usr/bin/env python3
"""Search quality of khabar beside SQLite FTS5 and Lucene (make eval).

Two evaluations, as docs/protocols.md ("Search (issue 3)") fixes them:

qa       QA retrieval. Documents: every distinct paragraph text of ARCD and
         of XQuAD-ar (body only) plus every SaudiNewsNet article (title and
         content) as distractors, in one index. Queries: every question as
         plain words (quote marks, '-', '*' and ':' removed), any word may
         match. Relevant: the paragraph with the question's exact context.
         MRR@10, recall@10 and recall@100, per set.
known    Known-item search on ANT v1.1: <TEXT> only is indexed; each title
         is a query (plain words, any word); its own DOCNO is the one right
         answer. Documents with an empty title or text, or a title or text
         shared with another document, give no query. MRR@10, recall@10.

Every system indexes the same JSON Lines and runs the same queries, with its
own command-line driver. Prints name<TAB>value lines on stdout.

usage: search_eval.py --khabar BIN --peers DIR --data DIR --work DIR
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

STRIP = re.compile(r'["\u201c\u201d\u00ab\u00bb\u2018\u2019\'\-*:]')
SYSTEMS = ("khabar", "fts5", "lucene")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def plain(q):
    return " ".join(STRIP.sub(" ", q).split())


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def write_queries(path, queries):
    with open(path, "w", encoding="utf-8") as f:
        for qid, text in queries:
            f.write("%s\t%s\n" % (qid, text))


def run_system(name, args, docs_path, q_path, work, k):
    """Indexes docs_path and runs q_path; returns {qid: [docid, ...]}."""
    out = os.path.join(work, "%s.run" % name)
    if name == "khabar":
        db = os.path.join(work, "khabar.db")
        for f in glob.glob(db + "*"):
            os.remove(f)
        subprocess.run([args.khabar, "index", "--db", db, "--no-progress", docs_path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cmd = [args.khabar, "search", "--db", db, "--any", "--limit", str(k), "--queries", q_path]
    else:
        drv = os.path.join(args.peers, "search-" + name)
        idx = os.path.join(work, "idx-" + name)
        with open(docs_path, "rb") as inp:
            subprocess.run([drv, "index", idx], stdin=inp, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cmd = [drv, "search", idx, "--k", str(k), "--mode", "any"]
    with open(q_path, "rb") as inp, open(out, "wb") as o:
        subprocess.run(cmd, stdin=None if name == "khabar" else inp, stdout=o,
                       stderr=subprocess.DEVNULL, check=True)
    ranked = collections.defaultdict(list)
    with open(out, encoding="utf-8") as f:
        for line in f:
            qid, rank, docid = line.rstrip("\n").split("\t")[:3]
            ranked[qid].append((int(rank), docid))
    return {q: [d for _, d in sorted(v)] for q, v in ranked.items()}


def scores(ranked, relevant, cutoffs):
    """MRR@10 and recall@k (share of queries with a relevant doc in the top k)."""
    n = len(relevant)
    mrr, hit = 0.0, collections.Counter()
    for qid, rel in relevant.items():
        docs = ranked.get(qid, [])
        for i, d in enumerate(docs[:10]):
            if d in rel:
                mrr += 1.0 / (i + 1)
                break
        for k in cutoffs:
            if any(d in rel for d in docs[:k]):
                hit[k] += 1
    out = {"mrr10": mrr / n if n else 0.0}
    for k in cutoffs:
        out["recall%d" % k] = hit[k] / n if n else 0.0
    return out


def qa_eval(args, work):
    data = args.data
    sets = {"arcd": os.path.join(data, "qa/arcd/arcd.json"),
            "xquad": os.path.join(data, "qa/xquad-ar/xquad.ar.json")}
    context_id, docs, queries, relevant = {}, [], [], {}
    for name, path in sets.items():
        relevant[name] = {}
        for art in json.load(open(path, encoding="utf-8"))["data"]:
            for para in art["paragraphs"]:
                ctx = para["context"]
                if ctx not in context_id:
                    context_id[ctx] = "p%d" % len(context_id)
                    docs.append({"id": context_id[ctx], "body": ctx})
                for qa in para["qas"]:
                    qid = "%s-%s" % (name, qa["id"])
                    queries.append((qid, plain(qa["question"])))
                    relevant[name][qid] = {context_id[ctx]}
    for f in sorted(glob.glob(os.path.join(data, "news/saudinewsnet/*.json"))):
        for o in json.load(open(f, encoding="utf-8")):
            docs.append({"id": "snn-" + o["url"], "title": o["title"], "body": o["content"]})
    docs_path, q_path = os.path.join(work, "qa-docs.jsonl"), os.path.join(work, "qa-q.tsv")
    write_jsonl(docs_path, docs)
    write_queries(q_path, queries)
    print("search_qa_documents\t%d" % len(docs))
    for name in sets:
        print("search_qa_%s_questions\t%d" % (name, len(relevant[name])))
    for system in args.systems.split(","):
        log("eval: qa retrieval with %s" % system)
        ranked = run_system(system, args, docs_path, q_path, work, 100)
        for name in sets:
            for fig, v in scores(ranked, relevant[name], (10, 100)).items():
                print("search_qa_%s_%s_%s\t%.4f" % (name, system, fig, v))


def trec_field(doc, tag):
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), doc, re.S)
    return m.group(1).strip() if m else ""


def known_item_eval(args, work):
    items = []
    for path in sorted(glob.glob(os.path.join(args.data, "news/ant/*/*.txt"))):
        for doc in re.findall(r"<DOC>.*?</DOC>", open(path, encoding="utf-8").read(), re.S):
            items.append((trec_field(doc, "DOCNO"), trec_field(doc, "TITLE"),
                          trec_field(doc, "TEXT")))
    titles = collections.Counter(t for _, t, _ in items)
    texts = collections.Counter(x for _, _, x in items)
    docs, queries, relevant, seen = [], [], {}, set()
    for docno, title, text in items:
        if text and docno not in seen:
            docs.append({"id": docno, "body": text})
            seen.add(docno)
        if title and text and titles[title] == 1 and texts[text] == 1:
            qid = "ant-%d" % len(queries)
            queries.append((qid, plain(title)))
            relevant[qid] = {docno}
    docs_path, q_path = os.path.join(work, "ant-docs.jsonl"), os.path.join(work, "ant-q.tsv")
    write_jsonl(docs_path, docs)
    write_queries(q_path, queries)
    print("search_known_item_ant_documents\t%d" % len(docs))
    print("search_known_item_ant_queries\t%d" % len(queries))
    for system in args.systems.split(","):
        log("eval: known-item search with %s" % system)
        ranked = run_system(system, args, docs_path, q_path, work, 10)
        for fig, v in scores(ranked, relevant, (10,)).items():
            print("search_known_item_ant_%s_%s\t%.4f" % (system, fig, v))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--khabar", required=True)
    ap.add_argument("--peers", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--only", choices=("qa", "known"))
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    if args.only in (None, "qa"):
        qa_eval(args, args.work)
    if args.only in (None, "known"):
        known_item_eval(args, args.work)


if __name__ == "__main__":
    main()
