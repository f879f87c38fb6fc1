#!/usr/bin/env python3
"""List candidate articles for the issue-4 quotation gold set, reproducibly.

Usage:  python3 select.py [--data DIR] [--per-source N] [--seed S] [--out FILE]
        python3 select.py --source JawharaFM --per-source 120 --out train-ant-candidates.tsv

DIR is the `build/data` folder (default: /work/main/build/data, or $KHABAR_DATA).
Prints (and writes to FILE, default candidates.tsv next to this script) one
line per candidate: rank, corpus, source, file (relative to DIR), key, body
bytes, number of quote marks, number of speech-verb hits.

Body texts (the same rule as gold.jsonl / verify.py):
  * news/saudinewsnet: the `content` string after JSON decoding, UTF-8 encoded;
    key = `url`.
  * news/ant and news/ant-multisource: the bytes strictly between the first
    `<TEXT>` and the following `</TEXT>` of the file, unchanged (the newline
    right after `<TEXT>` is KEPT, so offset 0 is that newline); key = DOCNO.

Selection rule (deterministic): for every source, keep the articles whose body
is 900..6500 bytes, holds at least 6 quotation marks (" “ ” « ») and at least
3 speech-verb hits (قال أضاف أكد أوضح صرح ... with و/ف and inflections),
drop bodies that occur twice (same sha256), sort by key, shuffle with
random.Random(f"{seed}:{source}") and keep the first N per source.
With --source S only that source is written (the same fixed order, so its
ranks 1..8 are the ranks 1..8 of candidates.tsv); --out is then required, so
candidates.tsv is never overwritten by a one-source list.
The annotator then took candidates in rank order per source and skipped a
candidate only for a reason logged in README.md (duplicate story, no real
quotation once read, etc.).
"""
import argparse
import glob
import hashlib
import json
import os
import random
import re
import sys

MARKS = '"\u201c\u201d\u00ab\u00bb'
VERB_RE = re.compile(
    r'(?:^|[\s"«“”(،:])[وف]?'
    r'(?:قال|قالت|قالا|قالوا|يقول|تقول|قائلا|قائلاً|'
    r'أضاف|أضافت|أضافوا|يضيف|تضيف|مضيفا|مضيفاً|'
    r'أكد|أكدت|أكدوا|يؤكد|تؤكد|مؤكدا|مؤكداً|'
    r'أوضح|أوضحت|يوضح|توضح|موضحا|موضحاً|'
    r'صرح|صرحت|يصرح|تصرح|'
    r'أشار|أشارت|يشير|تشير|مشيرا|مشيراً|'
    r'تابع|تابعت|ذكر|ذكرت|شدد|شددت|مشددا|مشدداً|لفت|لفتت|لافتا|لافتاً|'
    r'اعتبر|اعتبرت|معتبرا|معتبراً|أعلن|أعلنت|أفاد|أفادت|كشف|كشفت|حذر|حذرت|'
    r'نفى|نفت|رأى|رأت|يرى|ترى)'
    r'(?=[\s:،"«“”]|$)')

SNN_SOURCES = ['aawsat', 'alriyadh', 'sabq', 'okaz', 'alweeam', 'alyaum',
               'aljazirah', 'alwatan', 'almadina', '3alyoum', 'aleqtisadiya']
MULTI_SOURCES = ['Alarabia', 'BBC', 'CNN', 'France24', 'SkyNews']


def trec_body(raw: bytes) -> bytes:
    """Bytes strictly between <TEXT> and </TEXT>; nothing stripped."""
    i = raw.find(b'<TEXT>')
    j = raw.find(b'</TEXT>', i)
    if i < 0 or j < 0:
        return b''
    return raw[i + len(b'<TEXT>'):j]


def trec_docno(raw: bytes) -> str:
    m = re.search(rb'<DOCNO>(.*?)</DOCNO>', raw)
    return m.group(1).decode('utf-8').strip() if m else ''


def iter_saudinewsnet(data):
    for path in sorted(glob.glob(os.path.join(data, 'news/saudinewsnet/*.json'))):
        rel = os.path.relpath(path, data)
        for art in json.load(open(path, encoding='utf-8')):
            yield ('news/saudinewsnet', art['source'], rel, art['url'],
                   art['content'].encode('utf-8'))


def iter_trec(data, corpus, source_of):
    root = os.path.join(data, corpus)
    for path in sorted(glob.glob(os.path.join(root, '**/*.txt'), recursive=True)):
        raw = open(path, 'rb').read()
        rel = os.path.relpath(path, data)
        yield (corpus, source_of(os.path.relpath(path, root)), rel,
               trec_docno(raw), trec_body(raw))


def load_article(data, corpus, file, key) -> bytes:
    """Body bytes for (corpus, file, key) -- the offset base of gold.jsonl."""
    path = os.path.join(data, file)
    if corpus == 'news/saudinewsnet':
        for art in json.load(open(path, encoding='utf-8')):
            if art['url'] == key:
                return art['content'].encode('utf-8')
        raise KeyError(key)
    raw = open(path, 'rb').read()
    if trec_docno(raw) != key:
        raise KeyError(key)
    return trec_body(raw)


def stats(body: bytes):
    t = body.decode('utf-8')
    return sum(t.count(c) for c in MARKS), len(VERB_RE.findall(t))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', default=os.environ.get('KHABAR_DATA', '/work/main/build/data'))
    ap.add_argument('--per-source', type=int, default=8)
    ap.add_argument('--seed', default='khabar-issue4')
    ap.add_argument('--out', default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                  'candidates.tsv'))
    ap.add_argument('--source', default=None,
                    help='write only this source (e.g. JawharaFM); needs --out')
    a = ap.parse_args()
    if a.source and not any(x == '--out' or x.startswith('--out=') for x in sys.argv[1:]):
        ap.error('--source needs --out (candidates.tsv holds all sources)')

    groups = {}
    seen = set()

    def consider(corpus, source, rel, key, body):
        if not (900 <= len(body) <= 6500):
            return
        h = hashlib.sha256(body).hexdigest()
        if h in seen:
            return
        seen.add(h)
        nm, nv = stats(body)
        if nm >= 6 and nv >= 3:
            groups.setdefault((corpus, source), []).append((key, rel, len(body), nm, nv))

    for rec in iter_saudinewsnet(a.data):
        if rec[1] in SNN_SOURCES:
            consider(*rec)
    for rec in iter_trec(a.data, 'news/ant', lambda r: 'JawharaFM'):
        consider(*rec)
    for rec in iter_trec(a.data, 'news/ant-multisource', lambda r: r.split(os.sep)[0]):
        if rec[1] in MULTI_SOURCES:
            consider(*rec)

    lines = []
    for (corpus, source) in sorted(groups):
        if a.source and source != a.source:
            continue
        items = sorted(groups[(corpus, source)])
        random.Random(f'{a.seed}:{source}').shuffle(items)
        for rank, (key, rel, n, nm, nv) in enumerate(items[:a.per_source], 1):
            lines.append('\t'.join(map(str, (rank, corpus, source, rel, key, n, nm, nv))))
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write('rank\tcorpus\tsource\tfile\tkey\tbytes\tmarks\tverbs\n')
        f.write('\n'.join(lines) + '\n')
    print('\n'.join(lines))
    nsrc = 1 if a.source else len(groups)
    print(f'# {len(lines)} candidates from {nsrc} sources -> {a.out}', file=sys.stderr)


if __name__ == '__main__':
    main()
