#!/usr/bin/env python3
"""Offset tooling for the hand annotation (it never decides anything).

  annotate_helper.py show SOURCE:RANK        print a candidate (from candidates.tsv, or from
                                             train-ant-candidates.tsv for ranks beyond it)
  annotate_helper.py show CORPUS FILE KEY    print any article
        -> every line with its byte offset, quote-mark pairs numbered
           [n« ... »n] as paired by position, and a table of the pairs
           (n, mark_start, start, end, mark_end).
  annotate_helper.py build [annotations.txt] [gold.jsonl]
        -> turns the annotator's decisions into gold.jsonl (byte offsets),
           printing every resolved span so it can be re-read.

annotations.txt format (one block per article; '#' starts a comment line):
  @ CORPUS FILE KEY
  Q n | speaker | cue            direct quote = the n-th pair of `show`
  Q a-b | speaker | cue          direct quote with explicit char marks: a = char index of
                                 the opening mark, b = char index of the closing mark
  Q a-~b | speaker | cue         quote whose closing mark is missing: it ends (exclusive) at
                                 char b; stored with "unclosed": true and mark_end = end
  Q ~a-b | speaker | cue         quote whose opening mark is missing: its text starts at char a,
                                 b = closing mark; stored with "unopened": true, mark_start = start
  N n | why                      quoted text that is no statement (pair n or a-b)
  R cue#k | particle[#j] | speaker [| end=TEXT#m]
        reported statement: cue = the k-th whitespace token equal to `cue` in the body
        (k from 1); the clause starts at the j-th token (default 1st) after the cue
        equal to `particle` (إن/أن with clitics, e.g. إنها، بأن، أنه);
        the clause ends at the end of its sentence ('.', '؟', '!', '?' outside
        quote marks, or the line end), terminator excluded; `end=TEXT#m`
        overrides: the clause ends after the m-th occurrence of TEXT after the start.
        A cue written with a trailing `~` (`وجدد~`) is a cue glued to the previous
        word by a full stop (`تونس.وجدد`): any occurrence not preceded by a letter.
        A particle written with a trailing `*` (`إن*`) is a particle glued to the
        opening mark of a quote (`إن"مسؤولين`): the word starts with it, a mark follows.
  speaker '-' means null (no speaker in the article).
"""
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from select import load_article  # noqa: E402  (this folder's select.py)

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get('KHABAR_DATA', '/work/main/build/data')
QMARKS = '"\u201c\u201d\u00ab\u00bb\u201e'
PROCLITIC = 'وفبلك'


def bpos(text, i):
    return len(text[:i].encode('utf-8'))


def role(t, i):
    """'o' opening, 'c' closing, '?' unknown, from the context of mark t[i]."""
    prev = t[i - 1] if i > 0 else '\n'
    nxt = t[i + 1] if i + 1 < len(t) else '\n'
    prev_boundary = prev in ' \n\t\u00a0(:[،,' or (
        prev in PROCLITIC and (i < 2 or t[i - 2] in ' \n\t\u00a0(:')) or (
        prev == 'ـ')
    next_word = not (nxt in ' \n\t\u00a0.,،؛;:!?؟)' or nxt in QMARKS)
    if prev_boundary and next_word:
        return 'o'
    if not prev_boundary and not next_word:
        return 'c'
    if prev_boundary and not next_word:
        return 'c' if prev not in ' \n\t\u00a0' else '?'
    return 'o' if prev in ' \n\t\u00a0' else '?'


def pairs(t):
    """Pair quote marks by position, per line; returns list of (open_i, close_i)."""
    out = []
    pos = 0
    for line in t.split('\n'):
        stack = []
        for k, ch in enumerate(line):
            if ch not in QMARKS:
                continue
            i = pos + k
            r = role(t, i)
            if r == 'o' or (r == '?' and not stack):
                stack.append(i)
            elif stack:
                out.append((stack.pop(), i))
        pos += len(line) + 1
    return sorted(out)


def resolve_article(spec):
    corpus, file, key = spec
    body = load_article(DATA, corpus, file, key)
    return body, body.decode('utf-8')


def show(corpus, file, key):
    body, t = resolve_article((corpus, file, key))
    ps = pairs(t)
    ins = {}
    for n, (a, b) in enumerate(ps, 1):
        ins.setdefault(a, []).append(f'[{n}')
        ins.setdefault(b + 1, []).append(f'{n}]')
    print(f'== {corpus} {file} {key}  bytes={len(body)} sha256={hashlib.sha256(body).hexdigest()[:12]}')
    out = []
    for i, ch in enumerate(t):
        if i in ins:
            out.append(''.join(ins[i]))
        out.append(ch)
    marked = ''.join(out)
    off = 0
    for line, raw in zip(marked.split('\n'), t.split('\n')):
        print(f'{off:6d}| {line}')
        off += len((raw + '\n').encode('utf-8'))
    print('-- pairs: n  char_open char_close  mark_start start end mark_end')
    for n, (a, b) in enumerate(ps, 1):
        print(f'   {n:3d} {a:6d} {b:6d}   {bpos(t, a)} {bpos(t, a + 1)} {bpos(t, b)} {bpos(t, b + 1)}  {t[a + 1:b][:50]}')
    unpaired = [i for i, c in enumerate(t) if c in QMARKS and not any(i in p for p in ps)]
    if unpaired:
        print('-- unpaired marks (char index):', unpaired)


def candidate(ref):
    src, rank = ref.split(':')
    for name in ('candidates.tsv', 'train-ant-candidates.tsv'):
        path = os.path.join(HERE, name)
        if not os.path.exists(path):
            continue
        for line in open(path, encoding='utf-8'):
            f = line.rstrip('\n').split('\t')
            if f[2] == src and f[0] == rank:
                return f[1], f[3], f[4]
    raise SystemExit(f'no candidate {ref}')


# ---------------------------------------------------------------- build
def tok_positions(t, word):
    """char index of each whitespace-delimited token equal to word (after stripping
    surrounding punctuation and quote marks)."""
    res = []
    for m in re.finditer(r'[^\s\u2014\u2013]+', t):
        s, e = m.start(), m.end()
        while s < e and (t[s] in QMARKS or t[s] in '(،,:'):
            s += 1
        while e > s and (t[e - 1] in QMARKS or t[e - 1] in '.،,:;؛)!?؟'):
            e -= 1
        if t[s:e] == word:
            res.append(s)
    return res


def sentence_end(t, i):
    inq = False
    j = i
    while j < len(t):
        c = t[j]
        if c == '\n':
            return j
        if c in QMARKS:
            r = role(t, j)
            inq = (r == 'o') if r != '?' else (not inq)
        elif c in '.؟!?' and not inq:
            # a single-letter abbreviation (د. / م.) is not a sentence end
            if c == '.' and j >= 2 and t[j - 2] in ' \n' and t[j - 1].isalpha():
                j += 1
                continue
            if c == '.' and j + 1 < len(t) and t[j + 1].isdigit():
                j += 1
                continue
            return j
        j += 1
    return j


def parse_ref(s):
    s = s.strip()
    if '#' in s:
        w, k = s.rsplit('#', 1)
        return w, int(k)
    return s, 1


def build(ann_path, out_path):
    arts = []
    cur = None
    for ln, line in enumerate(open(ann_path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        if line.startswith('@'):
            corpus, file, key = line[1:].strip().split(' ', 2)
            cur = {'spec': (corpus, file, key), 'items': []}
            arts.append(cur)
        else:
            cur['items'].append((ln, line))
    n_q = n_r = n_n = 0
    with open(out_path, 'w', encoding='utf-8') as out:
        for art in arts:
            corpus, file, key = art['spec']
            body, t = resolve_article(art['spec'])
            ps = pairs(t)
            rec = {'corpus': corpus, 'file': file, 'key': key,
                   'body_sha256': hashlib.sha256(body).hexdigest(),
                   'quotes': [], 'reported': [], 'not_quotes': []}
            print(f'\n== {key}')

            def pair_of(ref):
                ref = ref.strip()
                if ref.startswith('~'):
                    a, b = map(int, ref[1:].split('-'))
                    assert t[b] in QMARKS, ref
                    return a - 1, b
                if '-~' in ref:
                    a, b = map(int, ref.split('-~'))
                    assert t[a] in QMARKS, ref
                    return a, b
                if '-' in ref:
                    a, b = map(int, ref.split('-'))
                else:
                    a, b = ps[int(ref) - 1]
                assert t[a] in QMARKS and t[b] in QMARKS, (ref, t[a], t[b])
                return a, b

            for ln, line in art['items']:
                kind, rest = line.split(' ', 1)
                f = [x.strip() for x in rest.split('|')]
                if kind == 'Q':
                    a, b = pair_of(f[0])
                    sp = None if f[1] == '-' else f[1]
                    cue = f[2] if len(f) > 2 else ''
                    unclosed = '-~' in f[0]
                    unopened = f[0].startswith('~')
                    qd = {'kind': 'direct', 'start': bpos(t, a + 1), 'end': bpos(t, b),
                          'mark_start': bpos(t, a + 1 if unopened else a),
                          'mark_end': bpos(t, b if unclosed else b + 1),
                          'speaker': sp, 'cue': cue}
                    if unclosed:
                        qd['unclosed'] = True
                    if unopened:
                        qd['unopened'] = True
                    rec['quotes'].append(qd)
                    n_q += 1
                    q = t[a + 1:b]
                    print(f'  Q {bpos(t, a + 1)}-{bpos(t, b)} [{sp} / {cue}] {q[:40]} … {q[-25:]}')
                elif kind == 'N':
                    a, b = pair_of(f[0])
                    rec['not_quotes'].append({'start': bpos(t, a + 1), 'end': bpos(t, b), 'why': f[1]})
                    n_n += 1
                    print(f'  N {bpos(t, a + 1)}-{bpos(t, b)} {t[a + 1:b][:50]}  ({f[1]})')
                elif kind == 'R':
                    cw, ck = parse_ref(f[0])
                    if cw.endswith('~'):
                        cw = cw[:-1]
                        cs = [m.start() for m in re.finditer(re.escape(cw), t)
                              if (m.start() == 0 or not t[m.start() - 1].isalpha())
                              and (m.end() == len(t) or not t[m.end()].isalpha())]
                    else:
                        cs = tok_positions(t, cw)
                    assert len(cs) >= ck, (ln, cw, len(cs))
                    c0 = cs[ck - 1]
                    pw, pk = parse_ref(f[1])
                    if pw.endswith('*'):
                        pw = pw[:-1]
                        ps_ = [m.start() for m in re.finditer(re.escape(pw), t)
                               if m.start() > c0 and (m.start() == 0 or t[m.start() - 1].isspace())
                               and m.end() < len(t) and t[m.end()] in QMARKS]
                    else:
                        ps_ = [p for p in tok_positions(t, pw) if p > c0]
                    assert len(ps_) >= pk, (ln, pw)
                    s0 = ps_[pk - 1]
                    e0 = sentence_end(t, s0)
                    for extra in f[3:]:
                        if extra.startswith('end='):
                            ew, ek = parse_ref(extra[4:])
                            idx = s0
                            for _ in range(ek):
                                idx = t.index(ew, idx) + len(ew)
                            e0 = idx
                    sp = None if f[2] == '-' else f[2]
                    rec['reported'].append({'kind': 'reported', 'cue': cw, 'speaker': sp,
                                            'clause_start': bpos(t, s0), 'clause_end': bpos(t, e0),
                                            'cue_start': bpos(t, c0), 'cue_end': bpos(t, c0 + len(cw))})
                    n_r += 1
                    gap = t[c0 + len(cw):s0]
                    print(f'  R {cw}@{bpos(t, c0)} [{sp}] gap="{gap[:60]}" clause={t[s0:e0][:35]} … {t[s0:e0][-30:]}|{t[e0:e0 + 1]!r}')
                else:
                    raise SystemExit(f'line {ln}: bad kind {kind}')
            rec['quotes'].sort(key=lambda q: q['start'])
            rec['reported'].sort(key=lambda q: q['clause_start'])
            rec['not_quotes'].sort(key=lambda q: q['start'])
            out.write(json.dumps(rec, ensure_ascii=False) + '\n')
    print(f'\narticles {len(arts)}  direct {n_q}  reported {n_r}  not_quotes {n_n}')


if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'show':
        if len(sys.argv) == 3:
            show(*candidate(sys.argv[2]))
        else:
            show(*sys.argv[2:5])
    elif cmd == 'build':
        build(sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, 'annotations.txt'),
              sys.argv[3] if len(sys.argv) > 3 else os.path.join(HERE, 'gold.jsonl'))
