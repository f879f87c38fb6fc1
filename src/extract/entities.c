/*
** entities.c - the recognizer's entities complete what the rules read
** (kh_extract_entities): after kh_ner_tag has run on the article's own
** analysis, person entities give speakers the names the word lists do not
** know (هيليل نوير), end names the rules ran on (أنور قرقاش | أداء عناصر),
** resolve titles and dropped subjects, and quoted names are no statements.
** Each step changes a speaker only where an entity gives evidence; without
** entities (khabar analyze --no-entities) the rules' answer stands.
*/
#include "extract/extract.h"

#include <string.h>

#define N(list) (sizeof(list) / sizeof(list)[0])

/* Whether token i is على as written, with ى: the preposition, which folds
** to the name علي. */
static int preposition_ala(const kh_extractor *x, uint32_t i)
{
    const kh_token *t = kx_token(x, i);
    return t->end - t->start == 6 && !memcmp(x->text + t->start, "على", 6);
}

/* Whether byte offset at lies in a boilerplate line (the page's tags, سمات
** X Y Z, run names together that the text never writes so). */
static int in_boilerplate(const kh_extractor *x, uint32_t at)
{
    for (size_t k = 0; k < x->nboiler; k++)
        if (at >= x->boiler[k].start && at < x->boiler[k].end) return 1;
    return 0;
}

/* Nouns that call a woman or a girl by what she is, before her name. */
static const char *const WOMEN[] = {"طفلة",   "سيدة", "فتاة",  "شابة", "امرأة", "طالبة",
                                    "مواطنة", "ابنة", "رضيعة", "زوجة", "أرملة"};

/* Whether a woman's noun (الطفلة، الطفلة السعودية) stands right before the
** name that starts at token a, past one ال adjective. */
static int woman_titled(kh_extractor *x, uint32_t a)
{
    for (uint32_t k = a; k > 0 && a - k < 2 && kx_same_line(x, k - 1, a); k--) {
        if (!(x->tk[k - 1].pro & KX_P_AL)) return 0;
        if (kx_stem_in(x, k - 1, WOMEN, N(WOMEN))) return 1;
    }
    return 0;
}

/* وقال طيب after … سمير الطيب: a surname with ال said once without it.
** The person entity of two words or more whose last word is token w with
** ال, when there is exactly one such; else sp. */
static kh_span al_surname_entity(kh_extractor *x, uint32_t w, kh_span sp, const kh_ner_result *nr)
{
    const kh_token *t = &x->A->tokens[w];
    if (x->tk[w].pro || t->kind != KH_TOK_ARABIC || t->norm_len < 6) return sp;
    const kh_entity *found = NULL;
    for (size_t k = 0; k < nr->nentities; k++) {
        const kh_entity *e = &nr->entities[k];
        if (e->type != KH_ENT_PER || e->nwords < 2 || e->first + e->nwords > x->A->ntokens)
            continue;
        const kh_token *u = &x->A->tokens[e->first + e->nwords - 1];
        if (u->norm_len != t->norm_len + 4 || memcmp(u->norm, "\xd8\xa7\xd9\x84", 4) ||
            memcmp(u->norm + 4, t->norm, t->norm_len))
            continue;
        if (found && (found->end - found->start != e->end - e->start ||
                      memcmp(x->text + found->start, x->text + e->start, e->end - e->start)))
            return sp; /* two people of that name */
        found = e;
    }
    return found ? kx_span(found->start, found->end) : sp;
}

/* The longest person entity that holds the speaker's name sp among more
** words, no title before it: هيليل نوير for نوير, صباح خالد الحمد الصباح
** for خالد الحمد. fullest() extends a name only over words it knows for
** names or where the mention is anchored; the recognizer tags foreign and
** unlisted first names that it cannot. A title is left out (كولونيل مارك
** لاستوريا is مارك لاستوريا). sp itself when no entity is longer. */
static kh_span entity_fullest(kh_extractor *x, kh_span sp, const kh_ner_result *nr)
{
    uint32_t a, b;
    if (sp.start == KH_NONE || !kx_span_tokens(x, sp, &a, &b)) return sp;
    uint32_t n = b - a, best_m = n;
    kh_span best = sp;
    for (size_t k = 0; k < nr->nentities; k++) {
        const kh_entity *e = &nr->entities[k];
        uint32_t m = e->nwords;
        if (e->type != KH_ENT_PER || e->first + m > x->A->ntokens || in_boilerplate(x, e->start))
            continue;
        while (m > 1 && kx_is(x, e->first + m - 1, KX_WEEKDAY | KX_RELDATE | KX_SAY))
            m--; /* جيرار كولومب | الخميس, أبو شعيب | قائلا: the day or the verb
                 ** of saying the recognizer ran the name into */
        uint32_t f = e->first;
        if (m > 1 && preposition_ala(x, f)) f++, m--; /* على | ابن تيمية */
        if (m <= best_m || m > KX_NAME_MAX_TOKENS + 1) continue;
        for (uint32_t j = f; j + n <= f + m; j++) {
            if (!kx_name_seq_eq(x, a, j, n)) continue;
            uint32_t t = f;
            while (t < j && !kx_is(x, t, KX_TITLE))
                t++;
            if (t < j)
                break; /* a title before the name (كولونيل | مارك لاستوريا); after
                        ** it a title word is a name's part (بن مساعد) */
            if (j > f && n >= 2 && woman_titled(x, f))
                break; /* الطفلة زينب | محمد لباد: a daughter's name before her
                       ** father's is not his fuller name */
            best = kx_span(f > e->first ? kx_token(x, f)->start : e->start,
                           f + m < e->first + e->nwords ? kx_token(x, f + m - 1)->end : e->end);
            best_m = m;
            break;
        }
    }
    if (best_m == n && n == 1) best = al_surname_entity(x, a, best, nr);
    return best;
}

/* Whether any entity of nr covers token i. */
static int in_entity(const kh_ner_result *nr, uint32_t i)
{
    for (size_t k = 0; k < nr->nentities; k++)
        if (i >= nr->entities[k].first && i < nr->entities[k].first + nr->entities[k].nwords)
            return 1;
    return 0;
}

/* What follows a ruler's or a father's name as part of it: يوحنا بولس
** الثاني، جورج بوش الابن. */
static const char *const REGNAL[] = {"الأول",  "الثاني", "الثالث", "الرابع", "الخامس",
                                     "السادس", "السابع", "الثامن", "التاسع", "العاشر",
                                     "الابن",  "الأب",   "الأكبر", "الأصغر"};

/* Bare titles a recognizer's person runs on into where an apposition
** opens after the name (علي أبو ساق | شيخ شمل قبائل آل فاطمة); none is a
** given name (أمين، أمير are). */
static const char *const APPOSED[] = {"شيخ",   "رئيس", "وزير",  "مدير",   "نائب", "قائد", "عضو",
                                      "مسؤول", "سفير", "محافظ", "مستشار", "مدرب", "لاعب", "نجم"};

/* The same with ال, where none is a family name (القاضي، الخطيب، الإمام،
** الشيخ are). */
static const char *const APPOSED_DEFINITE[] = {
    "باحث", "خبير", "مدير", "متحدث", "ناطق",  "محلل",  "مستشار", "وزير",  "سفير", "مسؤول",
    "مدرب", "لاعب", "نائب", "محافظ", "باحثة", "خبيرة", "مديرة",  "محللة", "وزيرة"};

/* The links of an Arabic name's nasab: محمد بن | عبدالله. */
static const char *const NASAB[] = {"بن", "بنت"};

/* The particles of foreign names that the next word continues, as
** NAME_LINKS does Arabic ones: جان-ايف لو | دريان، شارل دو | غول. */
static const char *const FOREIGN_LINKS[] = {"لو", "دي", "دو", "فان", "فون", "ولد", "ابو", "إل"};

/* First names written as two words with الله (not حزب الله, a body, nor
** آية الله, a cleric's rank). */
static const char *const ALLAH_NAMES[] = {"رحمة", "فضل",  "نصر", "جار", "خير", "عطا",
                                          "رزق",  "حسب",  "فتح", "سيف", "عوض", "ضيف",
                                          "هبة",  "نعمة", "فرج", "لطف", "حمد", "عبد"};

/* رحمة الله | يوسف زائي: a first name in الله before token f goes on into
** the name at f (not لحزب الله | حسن نصر الله). */
static int compound_allah(kh_extractor *x, uint32_t f)
{
    return f >= 2 && kx_norm_is(x, f - 1, "الله") && !x->tk[f - 2].pro &&
           kx_norm_in(x, f - 2, ALLAH_NAMES, N(ALLAH_NAMES));
}

/* Whether the words [a, f) before a person entity are no title, no
** prepositional phrase and no other person: هاجم | كمال كيليتشدار أوغلو,
** مسعى | باشينيان. After a title (المتحدث باسم | الشيخ دريان، مستشار
** الرئيس | ترامب) the person may be someone else than the speaker; nor a
** first name in الله (compound_allah) or with ال (البرت | ديل روزاريو). */
static int untitled_lead(kh_extractor *x, const kh_ner_result *nr, uint32_t a, uint32_t f)
{
    if (f > a && compound_allah(x, f)) return 0;
    for (uint32_t t = a; t < f; t++)
        if (kx_is(x, t, KX_TITLE) || (x->tk[t].pro & (KX_P_B | KX_P_L)) || in_entity(nr, t) ||
            (t + 1 == f && kx_al_name(x, t)))
            return 0;
    return 1;
}

/* Whether the words [a, b) are bare name words: no title, no verb of
** saying, no clitic (واستذكرت رجوي، وكيل الرقيب حسين are no first names). */
static int bare_names(kh_extractor *x, uint32_t a, uint32_t b)
{
    for (uint32_t t = a; t < b; t++)
        if (!kx_name_word(x, t) || x->tk[t].pro || kx_is(x, t, KX_SAY)) return 0;
    return 1;
}

/* Whether the words [t, b) after a person entity are no part of its name:
** no entity holds them, and no ordinal or name link ties them to it. */
static int plain_tail(kh_extractor *x, const kh_ner_result *nr, uint32_t t, uint32_t b)
{
    if (kx_name_link(x, t - 1) || kx_norm_in(x, t - 1, FOREIGN_LINKS, N(FOREIGN_LINKS))) return 0;
    for (uint32_t k = t; k < b; k++)
        if (in_entity(nr, k) || kx_norm_in(x, k, REGNAL, N(REGNAL)) || kx_name_link(x, k) ||
            kx_is(x, k, KX_TITLE))
            return 0;
    return 1;
}

/* The speaker's name cut to the person entity it holds. fullest() extends
** a name over bare words the lists do not know, and the rules' subject may
** start on a word before the name:
** - ووصف أنور قرقاش | أداء عناصر، ويبور روس | الضربة الأمريكية: a speaker
**   that runs on past a person entity of two words or more opening it, into
**   a word no entity holds, ends with the entity (not after a word that
**   links name parts, جان-ايف لو | دريان, nor before an ordinal, يوحنا
**   بولس | الثاني);
** - لحزب الله | حسن نصر الله، بغرفة تجارة | جدة سعيد البسامي: one that
**   opens inside a body's or a place's name (or a word before it) ending
**   where a person entity starts starts with the person;
** - فلاح | مصطفى قرار: one that opens inside a person entity whose first
**   words are bare names and runs on past it is the entity;
** - هاجم | كمال كيليتشدار أوغلو: one whose words before a person entity
**   ending it are no title (untitled_lead) is the entity, a one-word
**   entity only where the article names that person in full. */
static kh_span entity_trim(kh_extractor *x, kh_span sp, const kh_ner_result *nr)
{
    uint32_t a, b;
    if (sp.start == KH_NONE || !kx_span_tokens(x, sp, &a, &b)) return sp;
    for (size_t k = 0; k < nr->nentities; k++) {
        const kh_entity *e = &nr->entities[k];
        if (e->type == KH_ENT_PER && e->first > a && e->first + e->nwords == b && k > 0 &&
            nr->entities[k - 1].type != KH_ENT_PER && nr->entities[k - 1].first + 1 >= a &&
            nr->entities[k - 1].first + nr->entities[k - 1].nwords == e->first &&
            !compound_allah(x, e->first))
            return kx_span(e->start, e->end); /* الأمين العام لحزب الله | حسن نصر الله,
                                               ** بغرفة تجارة جدة | سعيد البسامي: a body's or
                                               ** a place's name ends where the person's starts */
        if (e->type == KH_ENT_PER && e->first < a && e->first + e->nwords > a &&
            e->first + e->nwords < b && bare_names(x, e->first, a) &&
            plain_tail(x, nr, e->first + e->nwords, b))
            return entity_fullest(x, kx_span(e->start, e->end),
                                  nr); /* فلاح | مصطفى قرار:
                                        ** the rules' name ran past the person's
                                        ** name, which starts before it */
        if (e->type == KH_ENT_PER && e->first > a && e->first + e->nwords == b &&
            untitled_lead(x, nr, a, e->first)) {
            /* a one-word entity (الدوسي after عوض) may be a name the recognizer
            ** cut short: only where the article names the person in full */
            kh_span p = kx_span(e->start, e->end), full = entity_fullest(x, p, nr);
            if (e->nwords >= 2 || full.end - full.start > p.end - p.start) return full;
        }
        if (e->type == KH_ENT_PER && e->first > a && e->first + e->nwords < b &&
            untitled_lead(x, nr, a, e->first) && plain_tail(x, nr, e->first + e->nwords, b))
            return entity_fullest(x, kx_span(e->start, e->end), nr);
        if (e->type != KH_ENT_PER || e->first != a || e->nwords < 2 || e->first + e->nwords >= b)
            continue;
        uint32_t t = e->first + e->nwords;
        if (in_entity(nr, t) || kx_norm_in(x, t, REGNAL, N(REGNAL)) || kx_name_link(x, t - 1) ||
            kx_norm_in(x, t - 1, FOREIGN_LINKS, N(FOREIGN_LINKS)) ||
            (t >= 2 && t + 1 == b && kx_norm_in(x, t - 2, NASAB, N(NASAB))))
            continue; /* … محمد بن عبدالله | باجودة: one word after بن X may be the
                      ** family name the recognizer left out */
        return kx_span(sp.start, kx_token(x, t - 1)->end);
    }
    return sp;
}

/* The person entity whose mention starts at token k, or NULL. */
static const kh_entity *person_at(const kh_ner_result *nr, uint32_t k, int ends)
{
    for (size_t q = 0; q < nr->nentities; q++) {
        const kh_entity *e = &nr->entities[q];
        if (e->type == KH_ENT_PER && (ends ? e->first + e->nwords == k : e->first == k)) return e;
    }
    return NULL;
}

#define DESCRIBED_WINDOW 4000 /* tokens each way: a long article, not a whole file */
#define DESCRIBED_WORDS  2 /* title words that must recur: المنسق العام, not المنسق */

/* A speaker that is a person's title alone (المنسق العام المساعد لاتحاد …,
** الناطق الرسمي للرابطة) names the person entity the article gives with
** the same title words elsewhere: right after them (المنسق العام المساعد
** ل"إجابة" زياد بن عمر, after a comma too) or right before them (هشام
** المناعي الناطق الرسمي). The description rules read such names only
** when their words are bare; the recognizer tags them with ال too. The
** occurrence nearest before the speaker first, then the nearest after. */
static kh_span entity_described(kh_extractor *x, kh_span sp, const kh_ner_result *nr)
{
    uint32_t a, b;
    if (sp.start == KH_NONE || !kx_span_tokens(x, sp, &a, &b)) return sp;
    if (!kx_is(x, a, KX_TITLE) || kx_is(x, a, KX_ORG)) return sp;
    for (size_t q = 0; q < nr->nentities; q++) {
        const kh_entity *e = &nr->entities[q];
        if (e->type == KH_ENT_PER && e->first < b && e->first + e->nwords > a) return sp;
    }
    uint32_t need = b - a < DESCRIBED_WORDS ? b - a : DESCRIBED_WORDS;
    uint32_t n = (uint32_t)x->A->ntokens;
    for (int pass = 0; pass < 2; pass++) {
        /* the title's own mention first (its fullest form may be the one
        ** the name follows: رئيس الوزراء التشيكي أندريه بابيس), then the
        ** others, nearest before it first */
        for (uint32_t step = pass; step < n && step < DESCRIBED_WINDOW; step++) {
            uint32_t j = pass == 0 ? a - step : b + step - 1;
            if (pass == 0 && step > a) break;
            if (pass == 1 && j >= n) break;
            uint32_t m = 0;
            while (a + m < b && j + m < n && kx_same_stem(x, a + m, j + m) &&
                   kx_same_line(x, j, j + m))
                m++;
            if (m < need) continue;
            const kh_entity *e = person_at(nr, j, 1);
            if (!e && j > 0 && (x->tk[j - 1].flags & KX_T_COMMA)) e = person_at(nr, j - 1, 1);
            uint32_t k = j + m;
            if (!e && k < n && !(x->tk[k].pro & (KX_P_L | KX_P_B)))
                e = person_at(nr, k, 0); /* not مصدر عسكري | لفرانس برس: whom he told */
            if (!e && k + 1 < n && (x->tk[k].flags & (KX_T_COMMA | KX_T_QMARK)))
                e = person_at(nr, k + 1, 0);
            if (e && kx_same_line(x, e->first, j)) return kx_span(e->start, e->end);
        }
    }
    return sp;
}

#define GUESS_WINDOW 1000 /* bytes: about three paragraphs of news */

/* Whether s[0..n) holds the accusative tanween ً (U+064B). */
static int has_tanween(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == 0xD9 && s[i + 1] == 0x8B) return 1;
    return 0;
}

/* Kinship nouns and the Prophet, as a pronoun follows them (ابنها، زوجته،
** نبينا، حبيبنا): whose relative, not a name. Folded forms. */
static const char *const KIN[] = {"ابن", "زوج", "شقيق", "والد", "اخ", "نبي", "حبيب"};

/* واعتبر بلاتيني أن: the rules read no subject where the segmenter cut a
** foreign name into a preposition and a word (ب + لاتيني); the recognizer
** tags the person. A person entity that starts right after the cue's verb
** (a verb in the past or present with no pronoun, not one whose noun is its
** object: ووصف ترامب الاتفاق) is its subject. KH_NONE when there is none. */
static kh_span entity_after_verb(kh_extractor *x, const kh_quote *q, const kh_ner_result *nr)
{
    uint32_t c, d;
    if (q->cue.start == KH_NONE || !kx_span_tokens(x, q->cue, &c, &d) || d != c + 1 ||
        !x->tk[c].e || (x->tk[c].flags & KX_T_ENC))
        return kx_none();
    uint16_t say = x->tk[c].e->say;
    if (!(say & (KX_SAY_PAST | KX_SAY_PRESENT)) || (say & (KX_SAY_OBJECT | KX_SAY_NOUN)))
        return kx_none();
    for (size_t k = 0; k < nr->nentities; k++) {
        const kh_entity *e = &nr->entities[k];
        if (e->first > c + 1) break; /* entities come in text order */
        if (e->first != c + 1 || e->type != KH_ENT_PER || !kx_same_line(x, c, e->first)) continue;
        uint32_t pro = x->tk[e->first].pro, after = e->first + e->nwords;
        const kh_token *ft = kx_token(x, e->first);
        int kin = 0;
        for (size_t j = 0; j < N(KIN) && (x->tk[e->first].flags & KX_T_ENC); j++) {
            size_t kl = strlen(KIN[j]);
            kin |= ft->norm_len > kl && !memcmp(ft->norm, KIN[j], kl);
        }
        if (kx_is(x, e->first, KX_HONOR | KX_SAY) || preposition_ala(x, e->first) || kin ||
            (e->nwords == 1 && ((x->tk[e->first].flags & KX_T_ENC) ||
                                has_tanween(x->text + ft->start, ft->end - ft->start))))
            return kx_none(); /* وقال معاليه، سماحته، ابنها أليكسي، وأكد على، وقال
                               ** متأسفاً (a tanween): no name (but the segmenter's
                               ** pronoun in نينا سبرينجل is a name's letters) */
        if (pro & ~(uint32_t)KX_P_B) return kx_none(); /* وقال لترامب: whom he told */
        if (pro && (after >= x->A->ntokens || !kx_same_line(x, c, after) ||
                    !(x->tk[after].flags & (KX_T_PARTICLE | KX_T_COLON | KX_T_QMARK))))
            return kx_none(); /* ب + a word, then the clause at once: a name */
        return kx_span(x->tk[e->first].word_start, e->end);
    }
    return kx_none();
}

/* أعربت التشيك، الأحد، عن رفضها …، معتبرة أن: a participle with nobody to
** say it hangs on the verb of saying that opens its sentence; the body,
** place or person the recognizer tags right after that verb is its subject
** (the rules found none there: a verb with a statement of its own would have
** given its speaker). Only the sentence's first verb of saying, in the
** past, of the participle's gender. KH_NONE when there is none. Over all
** SaudiNewsNet 35 statements change, nearly all from nobody or the last
** person named to the sentence's subject. */
static kh_span entity_sentence_verb(kh_extractor *x, const kh_quote *q, const kh_ner_result *nr)
{
    uint32_t c, d;
    if (q->cue.start == KH_NONE || !kx_span_tokens(x, q->cue, &c, &d) || d != c + 1 ||
        !x->tk[c].e || !(x->tk[c].e->say & KX_SAY_PARTICIPLE))
        return kx_none();
    uint16_t fem = x->tk[c].e->say & KX_SAY_FEM;
    for (uint32_t v = kx_sentence_first(x, c); v + 1 < c; v++) {
        if (!kx_is(x, v, KX_SAY) || !x->tk[v].e || (x->tk[v].flags & KX_T_ENC) ||
            (x->tk[v].pro & ~(uint32_t)(KX_P_W | KX_P_F)))
            continue;
        uint16_t say = x->tk[v].e->say;
        if (!(say & KX_SAY_PAST) || (say & KX_SAY_FEM) != fem) return kx_none();
        for (size_t k = 0; k < nr->nentities; k++) {
            const kh_entity *e = &nr->entities[k];
            if (e->first > v + 1) break;
            uint32_t pro = x->tk[e->first].pro; /* التشيك, not a person's بـ or لـ */
            if (e->first == v + 1 && e->first + e->nwords <= c &&
                (!pro || (pro == KX_P_AL && e->type != KH_ENT_PER)))
                return kx_span(x->tk[e->first].word_start, e->end);
        }
        return kx_none(); /* the first verb of saying decides */
    }
    return kx_none();
}

/* A statement whose dropped subject the rules found nobody to carry for
** (the article's opening, a speaker they did not read) was most likely
** said by the last person the article named before it: وقال في ذات
** الإطار إن after a paragraph about هايل الفاهوم. A guess, within
** GUESS_WINDOW bytes, with a low confidence. KH_NONE when none is near. */
static kh_span entity_guess(const kh_quote *q, const kh_ner_result *nr)
{
    uint32_t at = q->cue.start != KH_NONE ? q->cue.start : q->marks.start;
    kh_span best = kx_none();
    for (size_t k = 0; k < nr->nentities && nr->entities[k].end <= at; k++) {
        const kh_entity *e = &nr->entities[k];
        if (e->type == KH_ENT_PER && at - e->end < GUESS_WINDOW) best = kx_span(e->start, e->end);
    }
    return best;
}

/* Whether the text of a direct quote is exactly one person's, body's or
** place's mention: "جبهة الانقاذ"، "أيواجيك"، "سبرولس". A quoted name is
** no statement (§6.7); the rules tell one only by its context. */
static int quoted_entity(kh_extractor *x, const kh_quote *q, const kh_ner_result *nr)
{
    static const char *const DESCRIBE[] = {"وصف", "وصفت", "يصف", "تصف", "واصفا", "واصفة", "وصفوا"};
    uint32_t a, b, c, d;
    if (q->kind != KH_QUOTE_DIRECT || !kx_span_tokens(x, q->text, &a, &b)) return 0;
    if (q->cue.start != KH_NONE && kx_span_tokens(x, q->cue, &c, &d) &&
        kx_stem_in(x, c, DESCRIBE, N(DESCRIBE)))
        return 0; /* ووصف ما حصل بـ"الفضيحة": what the speaker called it is his word */
    for (size_t k = 0; k < nr->nentities; k++)
        if (nr->entities[k].first == a && nr->entities[k].first + nr->entities[k].nwords == b &&
            nr->entities[k].type != KH_ENT_MISC)
            return 1; /* MISC is the recognizer's weakest class: it tags a partial
                      ** quote such as “للهيمنة” (the seed) as a concept */
    return 0;
}

#define SUBJECT_LEAD 4 /* tokens from a sentence's start to its subject: وكان | عماد الطرابلسي */

/* Whether the tokens [a, b) may stand between a title and its bearer's
** name: titles (العميد), a place entity and its في (في سان فرانسيسكو). */
static int title_filler(kh_extractor *x, const kh_ner_result *nr, uint32_t a, uint32_t b)
{
    for (uint32_t t = a; t < b; t++)
        if (!kx_is(x, t, KX_TITLE) && !in_entity(nr, t) && !kx_stem_is(x, t, "في")) return 0;
    return 1;
}

/* Prepositions before a complement's noun. The stem comparison folds ى, so
** the name علي reads as على: a person after علي is left to the rules. */
static const char *const PREPOSITIONS[] = {"في", "على", "من", "عن", "إلى", "مع", "لدى"};

#define TITLE_CHAIN 20 /* tokens of a title's complements before its bearer's name */

/* Whether the person entity [f, end) after the title's mention, which ends
** at b, ends the subject of a statement whose clause follows it, at most
** past the one it was told to (سعود التويم لـ«المدينة» إن): then whatever
** stands between is the title's complements, however long (المتحدث
** الإعلامي للجنة الانتخابية بمحافظة جدة وممثل عن الناخبين في الدورة
** الثالثة … سعود التويم). No verb, comma or sentence end between. */
static int opens_statement(kh_extractor *x, const kh_quote *q, uint32_t b, uint32_t f, uint32_t end)
{
    uint32_t c, ce;
    if (f - b > TITLE_CHAIN) return 0;
    if (q->kind == KH_QUOTE_DIRECT) {
        /* … في مؤسسة اسباير زون حسين القحطاني “…”: the mark opens right
        ** after the name, or after its colon */
        if (!kx_span_tokens(x, q->marks, &c, &ce) || c < end || c > end + 1 ||
            (c > end && !(x->tk[end].flags & KX_T_COLON)))
            return 0;
        for (uint32_t t = b; t < f; t++)
            if (!x->tk[t].pro && kx_stem_is(x, t, "من"))
                return 0; /* الخبير هاك بين تشاو من بنك أمريكا | ميريل لينتش: the
                          ** bearer came before where he is from */
    } else if (!kx_span_tokens(x, q->text, &c, &ce) || c < end || c - end > 6 ||
               !(x->tk[c].flags & KX_T_PARTICLE) ||
               (c > end && !(x->tk[end].pro & KX_P_L) &&
                !(c == end + 1 && (x->tk[end].flags & KX_T_COMMA))))
        return 0; /* لـ«المدينة»، لوكالة الأنباء; or the comma before أن */
    for (uint32_t t = b; t < f; t++)
        if ((x->tk[t].flags & (KX_T_COMMA | KX_T_TERM | KX_T_QMARK | KX_T_PARTICLE)) ||
            kx_is(x, t, KX_SAY))
            return 0;
    uint32_t t = f;
    while (t > b && kx_is(x, t - 1, KX_TITLE))
        t--; /* العميد البحري | عبدالله الغرير: the bearer's own rank */
    /* مصادر عسكرية وسط الجيش الموالي للشرعية المتمثلة في | الرئيس عبدربه
    ** منصور هادي: a person inside a complement is not its bearer */
    if (t < f && (x->tk[t].pro & (KX_P_L | KX_P_B))) return 0;
    return !(t > b && kx_stem_in(x, t - 1, PREPOSITIONS, N(PREPOSITIONS)));
}

/* وقال مدير الاشغال العامة في سان فرانسيسكو محمد نورو ان، كشف مدير جوازات
** منطقة الباحة العميد رشيد عبدالله المطيري، أنه: where the rules read the
** title as the statement's speaker and stopped before the name, the person
** entity right after the title (past ranks and a في place) that ends the
** subject (a comma, the particle or the line follows) is the speaker. A
** title that holds a person (المتحدث باسم الرئيس بوتين) is left. */
static kh_span entity_in_mention(kh_extractor *x, const kh_quote *q, const kh_ner_result *nr)
{
    uint32_t a, b, ma, mb;
    kh_span sp = q->speaker;
    if (sp.start == KH_NONE || q->mention.start == KH_NONE || !kx_span_tokens(x, sp, &a, &b) ||
        !kx_span_tokens(x, q->mention, &ma, &mb) || b != mb || !kx_is(x, a, KX_TITLE) ||
        kx_is(x, a, KX_ORG))
        return sp;
    for (size_t k = 0; k < nr->nentities; k++) {
        const kh_entity *e = &nr->entities[k];
        uint32_t end = e->first + e->nwords;
        if (e->type != KH_ENT_PER || end <= a) continue;
        if (e->first < b) return sp; /* the title holds a person */
        if (!kx_same_line(x, b, end - 1)) return sp;
        int chain = opens_statement(x, q, b, e->first, end);
        if ((e->first - b > SUBJECT_LEAD || !title_filler(x, nr, b, e->first)) && !chain) return sp;
        if (x->tk[e->first].pro & (KX_P_L | KX_P_B))
            return sp; /* مصدر عسكري | لفرانس برس: whom the source told */
        if (end < x->A->ntokens && kx_same_line(x, end, end - 1) && !chain &&
            !(x->tk[end].flags & (KX_T_COMMA | KX_T_PARTICLE)))
            return sp;
        return kx_span(e->start, e->end);
    }
    return sp;
}

/* Whether token i spells one of the words [a, b) of a name. */
static int names_word(const kh_extractor *x, uint32_t i, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b; k++)
        if (kx_name_tok_eq(x, i, k)) return 1;
    return 0;
}

#define TITLE_LEAD 10 /* tokens of a title chain before the subject's name */

/* ودانت المتحدثة باسم وزارة الخارجية الأميركية | هيذر نويرت: the verb
** opening sentence s, then a title and its complements, then the name at
** token f: the person is the subject however long the title. */
static int titled_lead(const kh_extractor *x, uint32_t s, uint32_t f)
{
    if (f <= s + 1 || f - s > TITLE_LEAD || !kx_is(x, s + 1, KX_TITLE)) return 0;
    for (uint32_t t = s + 1; t < f; t++)
        if (!kx_same_line(x, t, s) || (x->tk[t].flags & (KX_T_COMMA | KX_T_TERM | KX_T_QMARK)))
            return 0;
    return 1;
}

/* A carried speaker gives way to a person the article made the subject of
** a sentence since it last named the speaker: وكان عماد الطرابلسي استعرض
** في شهادته … إذ أشار إلى أنه, then وأضاف أنه — the rules carry the last
** speaker of a verb of saying (نزار عياد) over a subject whose verb is not
** one. The person entity must open its sentence (within SUBJECT_LEAD
** tokens) and be within GUESS_WINDOW bytes before the cue. */
static kh_span entity_topic(const kh_extractor *x, const kh_quote *q, const kh_ner_result *nr)
{
    uint32_t a, b, at = q->cue.start != KH_NONE ? q->cue.start : q->marks.start;
    if (!kx_span_tokens(x, q->speaker, &a, &b)) return q->speaker;
    uint32_t seen = 0; /* the end of the speaker's last mention before the cue, by any
                       ** word of its name (وانغ for وانغ يي) */
    uint32_t i0, i1;   /* only mentions within the window matter: entities before it are not read */
    kx_span_tokens(x, kx_span(at > GUESS_WINDOW ? at - GUESS_WINDOW : 0, at), &i0, &i1);
    for (uint32_t i = i0; i < x->A->ntokens && kx_token(x, i)->end <= at; i++)
        if (names_word(x, i, a, b)) seen = kx_token(x, i)->end;
    kh_span best = q->speaker;
    for (size_t k = 0; k < nr->nentities && nr->entities[k].end <= at; k++) {
        const kh_entity *e = &nr->entities[k];
        if (e->type != KH_ENT_PER || e->nwords < 2 || e->start < seen ||
            at - e->end >= GUESS_WINDOW)
            continue; /* a person taken up as a topic is named in full */
        uint32_t el = e->first + e->nwords - 1;
        if (el >= x->A->ntokens || names_word(x, el, a, b)) continue;
        const kh_sentence *S = &x->A->sentences[kx_token(x, e->first)->sentence];
        if (e->first - S->first <= SUBJECT_LEAD || titled_lead(x, S->first, e->first))
            best = kx_span(e->start, e->end);
    }
    return best;
}

/* The entity whose mention is exactly the span sp, or NULL. */
static const kh_entity *entity_spanning(const kh_ner_result *nr, kh_span sp)
{
    for (size_t k = 0; k < nr->nentities; k++)
        if (nr->entities[k].start == sp.start && nr->entities[k].end == sp.end)
            return &nr->entities[k];
    return NULL;
}

/* Whether tokens [a, a + n) and [i, i + n) spell the same name the same way,
** byte for byte (their clitics aside). */
static int spelt_alike(const kh_extractor *x, uint32_t a, uint32_t i, uint32_t n)
{
    uint32_t s1 = x->tk[a].word_start, e1 = kx_token(x, a + n - 1)->end;
    uint32_t s2 = x->tk[i].word_start, e2 = kx_token(x, i + n - 1)->end;
    return e1 - s1 == e2 - s2 && !memcmp(x->text + s1, x->text + s2, e1 - s1);
}

#define SPELLINGS 4 /* spellings of one name kept; more are rare */

/* وقال الحاكم نارونجساك أوسوتاناكورن after نارونغساك أوسوتاناكورن: a
** speaker's name the article spells more than one way (غ/ج، هيومن/هيومان)
** takes the spelling the body gives it first, as a reader would name it.
** The mention of that spelling, or sp. */
static kh_span entity_respelt(const kh_extractor *x, kh_span sp, const kh_ner_result *nr)
{
    uint32_t a, b;
    if (sp.start == KH_NONE || !kx_span_tokens(x, sp, &a, &b) || b <= a ||
        !kx_same_line(x, a, b - 1))
        return sp;
    const kh_entity *e = entity_spanning(nr, sp);
    if (!e || b < a + 2 || x->tk[a].pro || (e->type != KH_ENT_PER && e->type != KH_ENT_ORG))
        return sp; /* a name of two words or more, not الباحثون/الباحثين (one
                   ** skeleton), nor a place (اسبانيا/أسبانيا) */
    uint32_t n = b - a, at[SPELLINGS], nf = 0; /* the first mention of each spelling */
    for (uint32_t i = 0; i + n <= x->A->ntokens; i++) {
        uint32_t m = 0;
        while (m < n && kx_name_tok_eq(x, a + m, i + m))
            m++;
        if (m < n || !kx_same_line(x, i, i + n - 1)) continue;
        if (x->doc.title.start != KH_NONE && kx_token(x, i)->start < x->doc.title.end)
            continue; /* the headline's spelling is the desk's, not the writer's */
        uint32_t k = 0;
        while (k < nf && !spelt_alike(x, at[k], i, n))
            k++;
        if (k == nf && nf < SPELLINGS) at[nf++] = i;
    }
    if (nf < 2 || spelt_alike(x, at[0], a, n)) return sp;
    return kx_span(x->tk[at[0]].word_start, kx_token(x, at[0] + n - 1)->end);
}

/* وشدد الفيفا → الاتحاد الدولي لكرة القدم, وقال البنتاغون → وزارة الدفاع
** الأميركية: a body named by an alias or a shorter form takes its canonical
** name (the alias table's, or its fullest mention) where the article writes
** that name out in another mention of the same entity. The speaker's span
** is that mention's; sp itself otherwise. Not for countries: بريطانيا stays
** بريطانيا where the article also writes المملكة المتحدة. */
static kh_span entity_written_out(const kh_extractor *x, kh_span sp, const kh_ner_result *nr)
{
    if (sp.start == KH_NONE) return sp;
    for (size_t k = 0; k < nr->nentities; k++) {
        const kh_entity *e = &nr->entities[k];
        if (e->start != sp.start || e->end != sp.end || e->type != KH_ENT_ORG || !e->canonical)
            continue;
        size_t cn = strlen(e->canonical);
        if (cn <= (size_t)(sp.end - sp.start)) return sp;
        for (size_t m = 0; m < nr->nentities; m++) {
            const kh_entity *o = &nr->entities[m];
            if (o->id == e->id && o->end - o->start == cn &&
                !memcmp(x->text + o->start, e->canonical, cn) && !in_boilerplate(x, o->start))
                return kx_span(o->start, o->end);
        }
        return sp;
    }
    return sp;
}

/* Whether token i is a verb of saying that introduces a statement: read
** as one by the rules, so no first name (دان جاكسون stays whole). */
static int active_cue(const kh_extractor *x, uint32_t i)
{
    for (size_t k = 0; k < x->ncues; k++)
        if (x->cues[k].tok == i) return x->cues[k].active;
    return 0;
}

/* The recognizer's entities as the steps here read them: a person's mention
** cut of the verb of saying that introduces a statement before it (وأوضحت
** | جولي, أبان | عامر المشاري), which the recognizer ran into the name,
** and of the age it ran on into (صالح بن أحمد | البالغ من العمر).
** Every step takes names from these, so none gives a speaker the verb that
** introduced him. The cut mention starts after a و/ف the name's token
** carries, as the recognizer's own mentions do. NULL when out of memory. */
static const kh_ner_result *person_words(kh_extractor *x, const kh_ner_result *nr,
                                         kh_ner_result *own)
{
    *own = *nr;
    if (!nr->nentities) return own;
    if (kx_grow(x, (void **)&x->ents, &x->capents, nr->nentities, sizeof *x->ents)) return NULL;
    for (size_t k = 0; k < nr->nentities; k++) {
        kh_entity *e = &x->ents[k];
        *e = nr->entities[k];
        if (e->type != KH_ENT_PER || e->first + e->nwords > x->A->ntokens) continue;
        while (e->nwords > 1 && active_cue(x, e->first)) {
            e->first++, e->nwords--;
            e->start = x->tk[e->first].word_start;
        }
        while (e->nwords > 1 && kx_age_word(x, e->first + e->nwords - 1)) {
            e->nwords--; /* صالح بن أحمد | البالغ من العمر */
            e->end = x->A->tokens[e->first + e->nwords - 1].end;
        }
        /* علي أبو ساق | شيخ شمل قبائل آل فاطمة (a bare title in construct opens
        ** an apposition), ماريو أبو زيد | الباحث في مركز كارنيغي: a title the
        ** recognizer ran the name into */
        uint32_t last = e->first + e->nwords - 1;
        int bare = !x->tk[last].pro && kx_norm_in(x, last, APPOSED, N(APPOSED)) &&
                   last + 1 < x->A->ntokens && kx_same_line(x, last, last + 1) &&
                   !x->tk[last + 1].pro && x->A->tokens[last + 1].kind == KH_TOK_ARABIC;
        int defined = x->tk[last].pro == KX_P_AL &&
                      kx_stem_in(x, last, APPOSED_DEFINITE, N(APPOSED_DEFINITE));
        if (e->nwords > 2 && (bare || defined)) {
            e->nwords--;
            e->end = x->A->tokens[e->first + e->nwords - 1].end;
        }
    }
    own->entities = x->ents;
    return own;
}

void kh_extract_entities(kh_extractor *x, const kh_ner_result *given)
{
    kh_ner_result own;
    if (!x || !given || !x->A || x->nomem) return;
    const kh_ner_result *nr = person_words(x, given, &own);
    if (!nr) {
        x->nomem = 1;
        return;
    }
    size_t kept = 0;
    for (size_t k = 0; k < x->nquotes; k++)
        if (!quoted_entity(x, &x->quotes[k], nr)) x->quotes[kept++] = x->quotes[k];
    x->nquotes = x->doc.nquotes = kept;
    for (size_t k = 0; k < x->nquotes; k++) {
        /* a title's bearer named by the recognizer (entity_in_mention), here
        ** once for each statement with a mention of its own: مفتي عام المملكة
        ** … الشيخ عبدالعزيز بن عبدالله آل الشيخ، أن …، مبينا أن: the statements
        ** carried from that title take its bearer too */
        kh_quote *q = &x->quotes[k];
        if ((q->flags & KH_QF_CARRIED) || q->speaker.start == KH_NONE) continue;
        kh_span was = q->speaker, now = entity_in_mention(x, q, nr);
        if (now.start == was.start && now.end == was.end) continue;
        for (size_t j = k; j < x->nquotes; j++) {
            kh_quote *o = &x->quotes[j];
            if (o->speaker.start == was.start && o->speaker.end == was.end &&
                (j == k || (o->flags & KH_QF_CARRIED) || o->mention.start == KH_NONE ||
                 (o->mention.start == q->mention.start && o->mention.end == q->mention.end)))
                o->speaker = now;
        }
    }
    for (size_t k = 0; k < x->nquotes; k++) {
        kh_quote *q = &x->quotes[k];
        kh_span after;
        if ((q->speaker.start == KH_NONE || (q->flags & KH_QF_CARRIED)) &&
            (after = entity_after_verb(x, q, nr)).start != KH_NONE) {
            q->speaker = after; /* the verb's own subject, no longer carried */
            q->flags &= ~(uint32_t)KH_QF_CARRIED;
        }
        if (q->speaker.start == KH_NONE &&
            (after = entity_sentence_verb(x, q, nr)).start != KH_NONE) {
            q->speaker = after;
            q->flags &= ~(uint32_t)KH_QF_CARRIED;
        }
        if (q->speaker.start == KH_NONE && (q->flags & KH_QF_CARRIED) &&
            (q->speaker = entity_guess(q, nr)).start != KH_NONE)
            q->confidence *= 0.5f;
        else if (q->flags & KH_QF_CARRIED)
            q->speaker = entity_topic(x, q, nr);
        q->speaker = entity_fullest(x, entity_described(x, entity_trim(x, q->speaker, nr), nr), nr);
        q->speaker = entity_respelt(x, entity_written_out(x, q->speaker, nr), nr);
        q->members[0] = entity_fullest(x, q->members[0], nr);
        q->members[1] = entity_fullest(x, q->members[1], nr);
    }
}
