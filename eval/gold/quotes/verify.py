#!/usr/bin/env python3
"""Check gold.jsonl against the corpora and print counts.

Usage: python3 verify.py [gold.jsonl] [--data DIR]   (DIR = build/data, default
/work/main/build/data or $KHABAR_DATA).  Exit status 1 on any error.

Body rule (the offset base), independent of the other scripts here:
  news/saudinewsnet          json.load(file); the record whose `url` == key;
                             body = record['content'].encode('utf-8')
  news/ant, news/ant-multisource
                             raw = file bytes; body = raw[raw.find(b'<TEXT>') + 6 :
                             raw.find(b'</TEXT>')]  -- nothing stripped, so the
                             body starts with the newline that follows <TEXT>.
All offsets are byte offsets into body, end exclusive.
"""
import argparse
import collections
import hashlib
import json
import os
import re
import sys

QMARKS = {'"', '\u201c', '\u201d', '\u00ab', '\u00bb', '\u201e'}
_snn_cache = {}


def load_body(data, corpus, file, key):
    path = os.path.join(data, file)
    if corpus == 'news/saudinewsnet':
        if path not in _snn_cache:
            _snn_cache[path] = {a['url']: a for a in json.load(open(path, encoding='utf-8'))}
        art = _snn_cache[path][key]
        return art['content'].encode('utf-8'), art['source']
    raw = open(path, 'rb').read()
    m = re.search(rb'<DOCNO>(.*?)</DOCNO>', raw)
    if not m or m.group(1).decode().strip() != key:
        raise KeyError(f'DOCNO {key} not in {file}')
    i = raw.find(b'<TEXT>')
    j = raw.find(b'</TEXT>', i)
    src = 'JawharaFM' if corpus == 'news/ant' else file.split('/')[2]
    return raw[i + 6:j], src


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument('gold', nargs='?', default=os.path.join(here, 'gold.jsonl'))
    ap.add_argument('--data', default=os.environ.get('KHABAR_DATA', '/work/main/build/data'))
    a = ap.parse_args()

    errors = []
    n = collections.Counter()
    per_source = collections.Counter()
    per_corpus = collections.Counter()
    all_sources = collections.Counter()
    speakers = collections.Counter()
    cues = collections.Counter()
    for ln, line in enumerate(open(a.gold, encoding='utf-8'), 1):
        rec = json.loads(line)
        where = f'line {ln} {rec["key"][:60]}'
        try:
            body, src = load_body(a.data, rec['corpus'], rec['file'], rec['key'])
        except Exception as e:  # noqa: BLE001
            errors.append(f'{where}: cannot load: {e}')
            continue
        if hashlib.sha256(body).hexdigest() != rec['body_sha256']:
            errors.append(f'{where}: body_sha256 differs')
            continue
        n['articles'] += 1
        per_corpus[rec['corpus']] += 1
        all_sources[src] += 1
        L = len(body)

        def dec(s, e):
            return body[s:e].decode('utf-8')

        def span_ok(what, s, e):
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= L):
                errors.append(f'{where}: {what} span {s}-{e} outside body ({L})')
                return False
            try:
                dec(s, e)
            except UnicodeDecodeError:
                errors.append(f'{where}: {what} span {s}-{e} cuts a UTF-8 character')
                return False
            return True

        spans = set()
        for q in rec['quotes']:
            n['direct'] += 1
            per_source[src] += 1
            if not (span_ok('quote', q['start'], q['end']) and span_ok('quote marks', q['mark_start'], q['mark_end'])):
                continue
            if not (q['mark_start'] <= q['start'] <= q['end'] <= q['mark_end']):
                errors.append(f'{where}: quote {q["start"]} marks not around text')
            opening = dec(q['mark_start'], q['start'])
            closing = dec(q['end'], q['mark_end'])
            if q.get('unopened'):
                n['unopened'] += 1
                if opening != '':
                    errors.append(f'{where}: unopened quote {q["start"]} has mark_start != start')
            elif opening not in QMARKS:
                errors.append(f'{where}: quote {q["start"]}: mark_start not at a quotation mark ({opening!r})')
            if q.get('unclosed'):
                n['unclosed'] += 1
                if closing != '':
                    errors.append(f'{where}: unclosed quote {q["start"]} has mark_end != end')
            elif closing not in QMARKS:
                errors.append(f'{where}: quote {q["start"]}: mark_end not after a quotation mark ({closing!r})')
            if q['speaker'] is None:
                n['direct_no_speaker'] += 1
            speakers[q['speaker']] += 1
            cues[q['cue']] += 1
            spans.add((q['start'], q['end']))
        for r in rec['reported']:
            n['reported'] += 1
            if not (span_ok('clause', r['clause_start'], r['clause_end']) and span_ok('cue', r['cue_start'], r['cue_end'])):
                continue
            if dec(r['cue_start'], r['cue_end']) != r['cue']:
                errors.append(f'{where}: cue {r["cue"]} not at {r["cue_start"]}')
            head = body[r['clause_start']:r['clause_start'] + 24].decode('utf-8', 'ignore').split()[0]
            if not re.match(r'^(?:ب|ل)?[إأا]ن', head):
                errors.append(f'{where}: clause at {r["clause_start"]} does not start with إن/أن ({head})')
            if r['cue_end'] > r['clause_start']:
                errors.append(f'{where}: clause before its cue at {r["cue_start"]}')
            if r['speaker'] is None:
                n['reported_no_speaker'] += 1
        for x in rec['not_quotes']:
            n['not_quotes'] += 1
            if not span_ok('not_quote', x['start'], x['end']):
                continue
            before = body[max(0, x['start'] - 3):x['start']].decode('utf-8', 'ignore')
            after = body[x['end']:x['end'] + 3].decode('utf-8', 'ignore')
            if not (before and before[-1] in QMARKS and after and after[0] in QMARKS):
                errors.append(f'{where}: not_quote {x["start"]}-{x["end"]} not between quotation marks')
            if (x['start'], x['end']) in spans:
                errors.append(f'{where}: span {x["start"]} is both a quote and a not_quote')

    print(f'articles\t{n["articles"]}')
    print(f'sources\t{len(all_sources)}')
    print(f'direct_quotes\t{n["direct"]}')
    print(f'reported_statements\t{n["reported"]}')
    print(f'not_quotes\t{n["not_quotes"]}')
    print(f'direct_without_speaker\t{n["direct_no_speaker"]}')
    print(f'reported_without_speaker\t{n["reported_no_speaker"]}')
    print(f'unclosed_quotes\t{n["unclosed"]}')
    print(f'unopened_quotes\t{n["unopened"]}')
    print(f'distinct_speakers\t{len(speakers)}')
    for c, k in sorted(per_corpus.items()):
        print(f'articles[{c}]\t{k}')
    for s in sorted(all_sources):
        print(f'articles/direct[{s}]\t{all_sources[s]}/{per_source[s]}')
    print('top_cues\t' + ', '.join(f'{c}:{k}' for c, k in cues.most_common(12)))
    for e in errors:
        print('ERROR', e, file=sys.stderr)
    print(f'errors\t{len(errors)}')
    sys.exit(1 if errors else 0)


if __name__ == '__main__':
    main()
