"""Shared plumbing for the evaluation scripts: running the analyzers on a
word list and tying their tokens back to the input lines.

Every evaluation feeds one unit (a word, a surface type) per line, because
that is the only input shape all analyzers accept alike; what comes back is a
flat token stream that has to be regrouped per line.
"""

import bisect
import os
import subprocess
import sys
import tempfile

# Harakat U+064B..U+0652, superscript alef U+0670 and tatweel U+0640: the
# marks the protocols strip before comparing undiacritized text.
DIACRITICS = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670"}
TATWEEL = "\u0640"
_STRIP = {ord(c): None for c in DIACRITICS | {TATWEEL}}


def strip_diacritics(s):
    return s.translate(_STRIP)


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def write_lines(lines):
    """Write units one per line to a temp file; return (path, byte spans).

    The spans are computed from the bytes actually written so that token
    offsets can be mapped back without trusting any line counting.
    """
    spans = []
    fd, path = tempfile.mkstemp(prefix="khabar-eval-", suffix=".txt")
    pos = 0
    with os.fdopen(fd, "wb") as f:
        for line in lines:
            if "\n" in line or "\r" in line:
                raise ValueError("unit contains a line break: %r" % line)
            b = line.encode("utf-8")
            spans.append((pos, pos + len(b)))
            f.write(b + b"\n")
            pos += len(b) + 1
    return path, spans


def run(cmd):
    """Run a command, return stdout bytes; any failure is fatal."""
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        sys.exit("cannot run %s: %s" % (cmd[0], e))
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode("utf-8", "replace")[-2000:])
        sys.exit("%s exited with status %d" % (" ".join(cmd), p.returncode))
    return p.stdout


class KhabarToken:
    __slots__ = ("surface", "normalized", "segmentation", "key", "start", "end")

    def __init__(self, fields):
        (self.surface, self.normalized, self.segmentation, self.key) = fields[:4]
        self.start = int(fields[4])
        self.end = int(fields[5])


def khabar_tokens(khabar, path):
    """Parse `khabar tokens FILE`: six TAB-separated fields per token, empty
    lines between sentences (ignored here: lines are regrouped by offset)."""
    out = run([khabar, "tokens", path]).decode("utf-8")
    toks = []
    for n, line in enumerate(out.split("\n"), 1):
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != 6:
            sys.exit("khabar tokens: output line %d has %d fields, want 6: %r"
                     % (n, len(fields), line))
        try:
            toks.append(KhabarToken(fields))
        except ValueError:
            sys.exit("khabar tokens: bad offsets on output line %d: %r" % (n, line))
    return toks


def group_by_offsets(tokens, spans):
    """Assign each token to the input line whose byte span holds its start.

    Returns one list of tokens per line. A token starting outside every line
    (on a newline byte, past the end) is a contract violation and fatal.
    """
    starts = [s for s, _ in spans]
    groups = [[] for _ in spans]
    for t in tokens:
        i = bisect.bisect_right(starts, t.start) - 1
        if i < 0 or not (spans[i][0] <= t.start < t.end <= spans[i][1]):
            sys.exit("khabar token %r has offsets %d..%d outside any input line"
                     % (t.surface, t.start, t.end))
        groups[i].append(t)
    return groups


def peer_keys(cmd, path):
    """Parse a peer's `keys` output: `token<TAB>key` per line."""
    out = run(cmd + ["keys", path]).decode("utf-8")
    pairs = []
    for line in out.split("\n"):
        if not line:
            continue
        tok, sep, key = line.partition("\t")
        if not sep:
            sys.exit("%s keys: line without TAB: %r" % (cmd[0], line))
        pairs.append((tok, key))
    return pairs


# How far ahead a token may be looked for before it is declared unplaceable.
# Lines that yield no token at all (a type made only of stop-word-free
# separators, say) are skipped by this look-ahead.
_LOOKAHEAD = 50


def group_by_text(pairs, lines):
    """Tie a peer's tokens to input lines by consuming the text in order.

    The peers print tokens without offsets, so each token is searched in the
    rest of the current line, then in the following lines. Matching is
    case-insensitive because a peer may print a lowercased token. Returns
    (groups, unplaced) where unplaced counts tokens found nowhere nearby.
    """
    low = [l.lower() for l in lines]
    groups = [[] for _ in lines]
    li, pos = 0, 0
    unplaced = 0
    for tok, key in pairs:
        t = tok.lower()
        found = False
        for j in range(li, min(len(lines), li + _LOOKAHEAD)):
            k = low[j].find(t, pos if j == li else 0)
            if k >= 0:
                groups[j].append((tok, key))
                li, pos = j, k + len(t)
                found = True
                break
        if not found:
            unplaced += 1
    return groups, unplaced
