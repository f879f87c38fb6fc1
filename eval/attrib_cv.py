#!/usr/bin/env python3
"""attrib_cv.py - the learned speaker chooser against the rules, by
leave-articles-out cross-validation over the ANT training part of the
quotation gold (8 folds of whole articles; --train dev32 for the articles
the rules were written from; held-out articles are never read).

    python3 eval/attrib_cv.py [--data build/data] [--l2 X ...] [--drop FEATURE ...]

Builds build/tools/attrib-dump if needed, then prints name<TAB>value lines:
the rules' speaker accuracy and reported-with-speaker share (the
quotes_trainant_* figures of eval/quotes.py), and for each L2 value the model's,
per fold ("rules right/total right/total  model right/total right/total",
direct quotes then reported statements) and pooled. --drop zeroes features:
`--drop rule_dropped rule_carried` gives a model that must resolve dropped
subjects without the rules' choice for them. See tools/train-attrib.py for
the model and its training.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

if __name__ == "__main__":
    subprocess.run(["make", "--no-print-directory", "-s", "build/tools/attrib-dump"], cwd=ROOT,
                   stdout=sys.stderr, check=True)
    sys.exit(subprocess.run([sys.executable, os.path.join(ROOT, "tools", "train-attrib.py"), "cv"]
                            + sys.argv[1:], cwd=ROOT).returncode)
