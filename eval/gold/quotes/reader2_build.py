#!/usr/bin/env python3
"""Second reader: turn hand decisions into second-reader.tsv (byte offsets).

Decisions are written below per article:
  ('D', n, speaker, cue)            direct quote = n-th mark pair of `annotate_helper.py show`
  ('DU', ctx, open_mark_in_ctx, end_text_in_ctx, speaker, cue)
                                    direct quote with a missing closing mark: text starts after
                                    the mark, ends after end_text (both located inside the
                                    unique context string ctx)
  ('N', n)                          quoted text that is no statement
  ('R', ctx, cue, particle, speaker)
                                    reported statement: cue = the word `cue` inside the unique
                                    context string ctx; the clause starts at the first token
                                    after the cue equal to `particle`; it ends at the first
                                    . ؟ ! ? outside quotation marks, or at the line end.
Output lines: KEY, kind, start, end, speaker, cue (end exclusive, bytes of the UTF-8 body).

Usage: KHABAR_DATA=.../build/data python3 reader2_build.py [out.tsv]
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from annotate_helper import pairs, QMARKS, DATA  # noqa: E402
from select import load_article  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
LIST = os.path.join(HERE, '..', '..', '..', 'reader2-list.txt')

KHAMENEI = 'علي خامنئي'
MOH = 'وزارة الصحة في غزة'
ADCOCK = 'ستيف ادكوك'
FRANCHI = 'غاري فرانتشي'
QASSEM = 'فيصل القاسم'
SHEHRI = 'ظافر الشهري'
SADR = 'مقتدى الصدر'
ABADI = 'حيدر العبادي'

ANN = {
    'CN-middleEast-145-20180302': [
        ('R', 'قال المرشد', 'قال', 'إن', KHAMENEI),
        ('D', 1, KHAMENEI, 'قال'),
        ('D', 2, KHAMENEI, 'قال'),
        ('R', 'واصفا الرئيس', 'واصفا', 'بانه', KHAMENEI),
        ('D', 3, KHAMENEI, 'واصفا'),
        ('R', 'مضيفا أن يوم', 'مضيفا', 'أن', KHAMENEI),
        ('D', 4, KHAMENEI, 'مضيفا'),
        ('N', 5),
        ('R', 'إذ قال أمامه', 'قال', 'أن', KHAMENEI),
        ('D', 6, KHAMENEI, 'قال'),
        ('R', 'وتابع خامنئي', 'وتابع', 'إن', KHAMENEI),
        ('D', 7, KHAMENEI, 'وتابع'),
        ('D', 8, KHAMENEI, 'وتابع'),
        ('D', 9, KHAMENEI, 'مضيفا'),
        ('R', 'واعتبر خامنئي', 'واعتبر', 'أن', KHAMENEI),
        ('D', 10, KHAMENEI, 'واعتبر'),
        ('D', 11, KHAMENEI, 'قائلا'),
        ('D', 12, KHAMENEI, 'يستطرد'),
        ('D', 13, KHAMENEI, 'وختم'),
    ],
    'FR-internationalNews-1715-20180608': [
        ('N', 1),
        ('R', 'قالت وزارة الصحة في غزة', 'قالت', 'إن', MOH),
        ('R', 'وأشارت وزارة الصحة', 'وأشارت', 'أن', MOH),
        ('D', 2, MOH, 'وأشارت'),
        ('D', 3, MOH, 'أعلنت'),
        ('DU', 'أعلنت الوزارة "استشهاد زياد البريم برصاص الاحتلال شرق خان يونس (جنوب القطاع)',
         '"', '(جنوب القطاع)', MOH, 'أعلنت'),
        ('D', 4, MOH, 'أعلنت'),
        ('N', 5),
        ('D', 6, 'محمد عبد البابا', 'وقال'),
        ('D', 7, 'محمد عبد البابا', 'وتابع'),
        ('R', 'وأوضح أحد الأطباء', 'وأوضح', 'أن', 'أحد الأطباء'),
        ('D', 8, 'أحد الأطباء', 'وأوضح'),
        ('R', 'ووصف جروح', 'ووصف', 'بأنها', 'أحد الأطباء'),
        ('D', 9, 'أحد الأطباء', 'ووصف'),
        ('N', 10),
        ('N', 11),
        ('D', 12, 'أشرف القدرة', 'وصرح'),
        ('D', 13, 'أشرف القدرة', 'مشيرا'),
    ],
    'http://www.alyaum.com/article/4079396': [
        ('N', 1),
        ('N', 2),
        ('N', 3),
        ('D', 4, ADCOCK, 'وقال'),
        ('D', 5, ADCOCK, 'واضاف'),
        ('R', 'وقال ادكوك ان الاهالي', 'وقال', 'ان', ADCOCK),
        ('D', 6, ADCOCK, 'وقال'),
        ('D', 7, ADCOCK, 'واضاف'),
        ('R', 'وقالت المحامية', 'وقالت', 'ان', 'كاي روجرز'),
        ('D', 8, 'كاي روجرز', 'واضافت'),
        ('N', 9),
        ('R', 'الاميركيين يرون ان', 'يرون', 'ان', 'نحو 60% من الاميركيين'),
        ('D', 10, 'نحو 60% من الاميركيين', 'يرون'),
        ('R', 'وقال ثلثا', 'وقال', 'انهم', 'ثلثا المستطلعين'),
        ('D', 11, 'ثلثا المستطلعين', 'وقال'),
        ('R', 'طمأنة الناس', 'طمأنة', 'بأنهم', 'الجيش الاميركي'),
        ('D', 12, 'الجيش الاميركي', 'طمأنة'),
        ('D', 13, 'الجيش الاميركي', 'طمأنة'),
        ('D', 14, 'مارك لاستوريا', 'وقال'),
        ('D', 15, 'مارك لاستوريا', 'واضاف'),
        ('N', 16),
        ('D', 17, 'خريطة', 'وصفت'),
        ('R', 'وحذر غاري', 'وحذر', 'ان', FRANCHI),
        ('D', 18, FRANCHI, 'وحذر'),
        ('D', 19, FRANCHI, 'وكتب'),
        ('R', 'ويضيف فرانتشي', 'ويضيف', 'ان', FRANCHI),
        ('D', 20, FRANCHI, 'ويضيف'),
    ],
    'http://www.3alyoum.com/news/pol/a/ماذا-قال-فيصل-القاسم-بعد-صدور-حكم-القضا/': [
        ('D', 1, QASSEM, 'قال'),
        ('N', 2),
        ('D', 3, QASSEM, 'وذكر'),
        ('D', 4, QASSEM, 'وتابع'),
        ('D', 5, QASSEM, 'وأضاف'),
        ('D', 6, QASSEM, 'وواصل'),
        ('D', 7, QASSEM, 'واستطرد'),
        ('N', 8),
        ('N', 9),
    ],
    'http://www.alwatan.com.sa/Culture/News_Detail.aspx?ArticleID=230892&CategoryID=7': [
        ('D', 1, SHEHRI, 'وصفها'),
        ('R', 'مشيراً إلى أنها', 'مشيراً', 'أنها', SHEHRI),
        ('N', 2),
        ('R', 'وأشار الشهري', 'وأشار', 'أنه', SHEHRI),
        ('D', 3, SHEHRI, 'وأشار'),
        ('D', 4, SHEHRI, 'وأشار'),
        ('R', 'وأبان أن', 'وأبان', 'أن', SHEHRI),
        ('D', 5, SHEHRI, 'وأبان'),
        ('R', 'مؤكدا أن كتابي', 'مؤكدا', 'أن', SHEHRI),
        ('N', 6),
        ('N', 7),
        ('D', 8, SHEHRI, 'مؤكدا'),
        ('D', 9, SHEHRI, 'وأضاف'),
    ],
    'http://www.alriyadh.com/1072052': [
        ('D', 1, 'غابريل فيرنشتدت', 'وقال'),
        ('N', 2),
        ('R', 'المحلية أن الفتاة', 'المحلية', 'أن',
         'صحيفة اكسبرسين السويدية اليومية وصحيفة بوراس تيدنغ المحلية', 'وذكرت'),
        ('R', 'وقالت تقارير محلية', 'وقالت', 'أن', 'تقارير محلية'),
        ('R', 'وقالت لوالديها', 'وقالت', 'أنها', 'الفتاة'),
        ('D', 3, 'والد الفتاة', 'وصرح'),
        ('D', 4, 'والد الفتاة', 'وأضاف'),
    ],
    'JA-internationalNews-1159-20161008': [
        ('R', 'وأعلن ترامب', 'وأعلن', 'أنه', 'دونالد ترامب'),
        ('R', 'وقال إنه سيتوسع', 'وقال', 'إنه', 'دونالد ترامب'),
        ('N', 1),
        ('D', 2, 'دونالد ترامب', 'وقال'),
        ('D', 3, 'دونالد ترامب', 'وأضاف'),
    ],
    'http://aawsat.com/home/article/417076/مشروع-أوروبي-يرصد-دور-الجينات-المنفردة-في-نشوء-الأمراض': [
        ('N', 1),
        ('R', 'وقال البروفسور', 'وقال', 'إن', 'مارتن هراب دي أنغليز'),
        ('N', 2),
        ('N', 3),
        ('D', 4, 'مارتن هراب دي أنغليز', 'وقال'),
        ('N', 5),
    ],
    'BB-middleEast-609-20180611': [
        ('R', 'اتهامات من الحكومة', 'اتهامات', 'بأن', 'الحكومة المنتهية ولايتها'),
        ('D', 1, SADR, 'دعا'),
        ('D', 2, SADR, 'وقال'),
        ('D', 3, SADR, 'وأضاف'),
        ('R', 'قال رئيس الوزراء', 'قال', 'إن', ABADI),
        ('D', 4, ABADI, 'قال'),
        ('R', 'وقال العبادي', 'وقال', 'إن', ABADI),
        ('D', 5, ABADI, 'متعهدا'),
        ('R', 'وأفادت تقارير', 'وأفادت', 'بأن', 'تقارير'),
        ('N', 6),
    ],
    'FR-internationalNews-2556-20180801': [
        ('N', 1),
        ('R', 'وقالت المجموعة', 'وقالت', 'إنه', 'زد بي سي'),
        ('D', 2, 'زد بي سي', 'وقالت'),
        ('R', 'قالت اللجنة الانتخابية', 'قالت', 'إنها', 'اللجنة الانتخابية'),
        ('R', 'يتهم اللجنة', 'يتهم', 'بأنها', 'حركة التغيير الديمقراطي'),
        ('R', 'وقال المسؤول', 'وقال', 'إن', 'تنداي بيتي'),
        ('D', 3, 'تنداي بيتي', 'وقال'),
        ('R', 'موضحا أنه', 'موضحا', 'أنه', 'تنداي بيتي'),
    ],
}


def b(t, i):
    return len(t[:i].encode('utf-8'))


def tokens_after(t, i):
    for m in re.finditer(r'[^\s]+', t[i:]):
        s, e = i + m.start(), i + m.end()
        while s < e and t[s] in QMARKS + '(،,:':
            s += 1
        while e > s and t[e - 1] in QMARKS + '.،,:;؛)!?؟':
            e -= 1
        yield s, t[s:e]


def unique(t, ctx):
    i = t.find(ctx)
    assert i >= 0, ctx
    assert t.find(ctx, i + 1) < 0, 'not unique: ' + ctx
    return i


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'second-reader.tsv')
    rows = []
    for line in open(LIST, encoding='utf-8'):
        corpus, file, key = line.rstrip('\n').split('\t')
        t = load_article(DATA, corpus, file, key).decode('utf-8')
        ps = pairs(t)
        spans = [(a, c + 1) for a, c in ps]   # char spans incl. marks: in-quote test
        for it in ANN[key]:
            if it[0] == 'DU':
                _, ctx, mark, endtxt, spk, cue = it
                i = unique(t, ctx)
                s = i + ctx.index(mark) + 1
                e = i + ctx.index(endtxt) + len(endtxt)
                spans.append((s - 1, e))
        print(f'== {key}')
        for it in ANN[key]:
            kind = it[0]
            if kind == 'D':
                a, c = ps[it[1] - 1]
                rows.append((key, 'direct', b(t, a + 1), b(t, c), it[2], it[3]))
                print(f'  D{it[1]:<3} {it[2]} | {it[3]} | {t[a + 1:c][:60]}')
            elif kind == 'DU':
                _, ctx, mark, endtxt, spk, cue = it
                i = unique(t, ctx)
                s = i + ctx.index(mark) + 1
                e = i + ctx.index(endtxt) + len(endtxt)
                rows.append((key, 'direct', b(t, s), b(t, e), spk, cue))
                print(f'  DU   {spk} | {cue} | {t[s:e]}')
            elif kind == 'N':
                a, c = ps[it[1] - 1]
                rows.append((key, 'not', b(t, a + 1), b(t, c), '', ''))
                print(f'  N{it[1]:<3} {t[a + 1:c]}')
            elif kind == 'R':
                ctx, cue, particle, spk = it[1:5]
                cue_out = it[5] if len(it) > 5 else cue
                i = unique(t, ctx)
                ci = i + ctx.index(cue)
                s = next(p for p, w in tokens_after(t, ci + len(cue)) if w == particle)
                j = s
                while j < len(t):
                    ch = t[j]
                    if ch == '\n':
                        break
                    if ch in '.؟!?' and not any(a <= j < z for a, z in spans):
                        break
                    j += 1
                rows.append((key, 'reported', b(t, s), b(t, j), spk, cue_out))
                print(f'  R    {spk} | {cue_out} | {t[s:s + 40]} … {t[max(s, j - 40):j]}⟩{t[j:j + 1]!r}')
    with open(out_path, 'w', encoding='utf-8') as f:
        for r in rows:
            f.write('\t'.join(str(x) for x in r) + '\n')
    print(f'{len(rows)} rows -> {out_path}')


if __name__ == '__main__':
    main()
