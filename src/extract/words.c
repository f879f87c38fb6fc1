/*
** words.c - the extractor's word lists as data, and their folded hash table.
**
** Sources: arabic-news-primer.md §5.3–5.6 (boilerplate, months, relative
** dates, number words) and §6.2–6.6 (verbs of saying, titles, sources).
** Verbs are listed once, as past, present and participle stems; regular
** inflections (قالت قالا قالوا، تقول يقولون، قائلا قائلة) are made from
** them at build time, and irregular ones (نفت، دعوا) are listed whole.
** A participle is left out where it is also a common noun (مقر، مبلغ).
*/
#include "extract/words.h"

#include "text/chars.h"
#include "text/norm.h"
#include "text/utf8.h"

#include <string.h>

#define KX_SLOTS 4096u /* power of two, well above the number of forms */
#define KX_POOL  (64u * 1024u)

struct kx_words {
    kh_alloc_fn alloc;
    void *ud;
    kx_entry *slots; /* KX_SLOTS, word == NULL when empty */
    char *pool;      /* folded strings */
    size_t used;
};

/* ---- the lists ------------------------------------------------------------ */

typedef struct verb_row {
    const char *past, *present, *participle; /* "" when none */
    int strong; /* 1 strong, 0 weak, 2 weak and takes an object first, 3 weak and relays */
    const char *irregular; /* extra forms, space separated, with their own tense */
} verb_row;

static const verb_row VERBS[] = {
    {"قال", "يقول", "قائل", 1, "قلن"},
    {"أضاف", "يضيف", "مضيف", 1, ""},
    {"أكد", "يؤكد", "مؤكد", 1, ""},
    {"شدد", "يشدد", "مشدد", 1, ""},
    {"أوضح", "يوضح", "موضح", 1, ""},
    {"أشار", "يشير", "مشير", 1, ""},
    {"ذكر", "يذكر", "", 1, ""},
    {"صرح", "يصرح", "مصرح", 1, ""},
    {"تابع", "يتابع", "", 1, ""},
    {"لفت", "يلفت", "لافت", 1, ""},
    {"أفاد", "يفيد", "", 1, ""},
    {"أردف", "يردف", "مردف", 1, ""},
    {"استطرد", "يستطرد", "مستطرد", 1, ""},
    {"استدرك", "يستدرك", "مستدرك", 1, ""},
    {"علق", "يعلق", "معلق", 1, ""},
    {"اختتم", "يختتم", "مختتم", 1, ""},
    {"ختم", "يختم", "", 1, ""},
    {"تساءل", "يتساءل", "متسائل", 1, ""},
    {"أجاب", "يجيب", "مجيب", 1, ""},
    {"نوه", "ينوه", "منوه", 1, ""},
    {"واصل", "يواصل", "مواصل", 1, ""},
    {"كتب", "يكتب", "", 1, ""},
    {"اعترف", "يعترف", "معترف", 0, ""},
    {"دان", "يدين", "", 0, "دانت"},
    {"أدان", "يدين", "", 0, ""},
    {"توقع", "يتوقع", "متوقع", 0, ""},
    {"أكدا", "", "", 1, ""},
    {"أبان", "يبين", "", 1, ""},
    {"ذكّر", "يذكّر", "مذكرا", 1, ""},
    {"شكا", "", "", 0, "شكت يشكو تشكو"},
    {"أصر", "يصر", "مصر", 0, ""},
    {"أعلن", "يعلن", "معلن", 0, ""},
    {"نفى", "", "", 0, "نفت نفيا نفوا ينفي تنفي ينفون نافيا نافية"},
    {"اعتبر", "يعتبر", "معتبر", 0, ""},
    {"رأى", "", "", 0, "رأت رأيا رأوا يرى ترى يرون"},
    {"كشف", "يكشف", "كاشف", 0, ""},
    {"حذر", "يحذر", "محذر", 0, ""},
    {"دعا", "", "", 2, "دعت دعوا يدعو تدعو يدعون داعيا داعية"},
    {"زعم", "يزعم", "زاعم", 0, ""},
    {"أقر", "يقر", "", 0, ""},
    {"اتهم", "يتهم", "", 2, ""},
    {"أعرب", "يعرب", "معرب", 0, ""},
    {"وصف", "يصف", "واصف", 2, ""},
    {"أبلغ", "يبلغ", "", 2, ""},
    /* claims and recounts: وادعى رجل الأعمال أن، وتروي الدكتورة أن. Not مدعي
    ** (a prosecutor, a title), not the past of روى (روي and روت are names:
    ** Roy, Root); the passives يدعى (is named) and يروى are told apart by
    ** their written ى (extract.c, passive_written) */
    {"", "", "", 0, "ادعى ادعت ادعوا يدعي تدعي يدعون مدعيا مدعية"},
    {"", "", "", 0, "يروي تروي يروون"},
    /* relays what someone said: ونقلت وكالة الأناضول عن مصادر أن; not the
    ** participle ناقل, also a noun (a carrier), nor the dual نقلا, which is
    ** the source word of نقلا عن */
    {"", "ينقل", "", 3, "نقل نقلت نقلوا"},
    {"طالب", "يطالب", "", 2, ""},
    /* appeals, pledges and condemnations also quote words (ناشد X "…") */
    {"ناشد", "يناشد", "مناشد", 2, ""},
    {"حث", "يحث", "", 2, ""},
    {"تعهد", "يتعهد", "متعهد", 0, ""},
    {"أوصى", "", "", 0, "أوصت أوصوا يوصي توصي موصيا"},
    {"اعتذر", "يعتذر", "معتذر", 0, ""},
    {"ندد", "يندد", "مندد", 0, ""},
    {"استنكر", "يستنكر", "مستنكر", 0, ""},
    /* verbs the ANT training part reports with: أبرز أن، رجح أن، لاحظ أنه، نبه
    ** إلى أن، أظهرت دراسة أن، بينت أن. No present يظهر (it appears that: no
    ** speaker), no participle ملاحظة (a note), no masculine بين (between) */
    {"أبرز", "يبرز", "مبرز", 0, ""},
    {"رجح", "يرجح", "مرجح", 0, ""},
    {"لاحظ", "يلاحظ", "", 0, ""},
    {"نبه", "ينبه", "منبه", 0, ""},
    {"أظهر", "", "", 0, ""},
    {"", "", "", 0, "بينت"},
    /* بيّن's participle (مبينا بأن); not مفيدا, also an adjective (useful) */
    {"", "", "", 0, "مبينا مبينة مبيناً"},
};

/* Titles and head nouns that stand before a name (primer §6.4). */
static const char *const TITLES[] = {
    "رئيس", "رئيسة", "وزير", "وزيرة", "متحدث", "متحدثة", "ناطق", "ناطقة", "مسؤول", "مسؤولة", "سفير",
    "سفيرة", "أمين", "مدير", "مديرة", "نائب", "نائبة", "قائد", "زعيم", "ملك", "أمير", "ولي", "شيخ",
    "دكتور", "دكتورة", "د", "مهندس", "لواء", "عميد", "عقيد", "جنرال", "فريق", "مستشار", "مستشارة",
    "محافظ", "مبعوث", "مبعوثة", "مندوب", "مندوبة", "سيناتور", "خبير", "خبيرة", "محلل", "محللة",
    "باحث", "باحثة", "أستاذ", "أستاذة", "بروفيسور", "مساعد", "وكيل", "عضو", "قاضي", "مدعي", "نظير",
    "نظيرة", "مراسل", "مراسلة", "صحفي", "صحفية", "مفتي", "سيد", "سيدة", "مفوض", "مفوضة", "ممثل",
    "ممثلة", "منسق", "منسقة", "مدرب", "لاعب", "نجم", "فنان", "فنانة", "كاتب", "كاتبة", "رئيسها",
    "حاكم", "مرشد", "مرشح", "مرشحة", "عاهل", "منظمة", "وكالة", "صحيفة", "حركة", "حزب", "شركة",
    "جماعة", "قناة", "موقع", "مجلة", "جمعية", "مؤسسة", "مركز", "هيئة", "مجلس", "وزارة", "لجنة",
    "دائرة", "إدارة", "مكتب", "جامعة", "بنك", "مصرف", "تنظيم", "ائتلاف", "تحالف", "جبهة", "برلمان",
    "محكمة", "مصدر", "مصادر", "الدولة", "ولاية", "حكومة", "بيان", "شرطة", "جيش", "قوات", "نادي",
    "اتحاد", "مفوضية", "سلطات", "سلطة", "مجموعة", "منتخب", "مدينة", "إعلامي", "إعلامية", "ناشط",
    "ناشطة", "مذيع", "مذيعة", "داعية", "شاعر", "روائي", "حارس", "مدافع", "مهاجم", "محامي", "محامية",
    "طبيب", "طبيبة", "مواطن", "مواطنة", "نجمة", "مطرب", "مطربة", "ممثلة", "مخرج", "كاردينال", "قس",
    "الأمين", "إمام", "رئيسة", "مرشد", "قائد", "عضوة", "نائبة", "مدير", "أستاذ", "الهاكر", "هاكر",
    "مغرد", "مغردة", "متحدثة", "أمير", "أميرة", "شيخ", "شاب", "شابة", "مصور", "مصورة", "المصور",
    /* ranks as news writes them, often stacked: اللفتنانت كولونيل مارك لاستوريا */
    "لفتنانت", "كولونيل", "ميجور", "كابتن", "نقيب", "ملازم", "رقيب", "مشير",
    /* after a rank: العميد الركن أحمد عسيري، الفريق ركن الشيخ راشد (not طيار,
    ** pilot: also a family name, الطيار) */
    "ركن",
    /* feminine forms of the person titles above: وقالت زعيمة المعارضة X */
    "زعيمة", "قائدة", "ملكة", "عميدة", "وكيلة", "قاضية", "مدعية", "حاكمة", "مدربة", "لاعبة",
    "شاعرة", "روائية", "مخرجة", "مهندسة", "شيخة", "مغنية", "قيادية", "مساعدة",
    /* more heads of a person's name in news: القيادي في حماس X، عمدة لندن X */
    "قيادي", "عمدة", "مغني", "صاحب", "مؤسس", "بطريرك", "أسقف", "مطران", "حاخام",
    /* a champion in apposition after a team or a player: يوفنتوس بطل إيطاليا */
    "بطل", "بطلة",
    /* heads of a construct that names an office: كبير المفاوضين، تاجر اللوحات،
    ** صاحبة اللوحة */
    "تاجر", "صاحبة", "مبتعث", "المبتعث",
    /* professions news names a speaker by: الأخصائي في علم النفس X، المشرف العام على
    ** المشروع X */
    "أخصائي", "أخصائية", "اختصاصي", "اختصاصية", "استشاري", "استشارية", "مشرف", "محاضر", "محاضرة",
    "مؤرخ", "ناقد", "ناقدة", "مفكر", "أديب", "أديبة", "معلم", "معلمة", "مختص", "مختصة",
    /* makers: مطور الألعاب الإلكترونية X، صانعة الدمى X */
    "مطور", "مطورة", "صانع", "صانعة", "مصمم", "مصممة",
    /* a member of a force, in apposition: باباكورا كولو العنصر في ميليشيا الدفاع */
    "عنصر"};

/* Honorifics before a title or a name, as Gulf papers write them: معالي
** الوزير، سمو الأمير، سماحة المفتي، فضيلة الشيخ، فخامة الرئيس. */
static const char *const HONORIFICS[] = {"معالي", "سمو",   "سماحة", "فضيلة",
                                         "فخامة", "سعادة", "جلالة"};

/* Heads of a construct that names an office (كبير المفاوضين، كبيرة
** الاقتصاديين), titles only without ال: الكبير is a surname or an
** adjective (عادل الكبير، المسؤول الكبير). */
static const char *const BARE_TITLES[] = {"كبير", "كبيرة"};

/* Function words: a noun phrase or a name ends before them. */
static const char *const STOPS[] = {
    "في",    "على",  "من",    "إلى",   "الى",   "عن",    "مع",     "خلال",  "بعد",    "قبل",
    "حول",   "أمام", "عبر",   "لدى",   "عند",   "منذ",   "حتى",    "ضد",    "بين",    "تجاه",
    "نحو",   "دون",  "غير",   "قد",    "لقد",   "كان",   "كانت",   "يكون",  "تكون",   "ليس",
    "لم",    "لن",   "لا",    "ما",    "ماذا",  "هذا",   "هذه",    "ذلك",   "تلك",    "هو",
    "هي",    "هم",   "هما",   "نحن",   "أنا",   "الذي",  "التي",   "الذين", "اللذان", "اللتان",
    "كما",   "كل",   "بعض",   "أي",    "أو",    "أم",    "ثم",     "لكن",   "لكنه",   "لكنها",
    "بل",    "إذا",  "إذ",    "حيث",   "عندما", "بينما", "أيضا",   "فقط",   "وقت",    "الآن",
    "مؤخرا", "إن",   "أن",    "إنه",   "أنه",   "إنها",  "أنها",   "يجب",   "يمكن",   "سوف",
    "إلا",   "وفق",  "لأن",   "كي",    "لكي",   "هناك",  "هنا",    "عقب",   "إثر",    "وسط",
    "داخل",  "خارج", "فوق",   "كذلك",  "أيضاً",  "بدوره", "بدورها", "يدعى",  "تدعى",   "يسمى",
    "فيما",  "حين",  "حينما", "بعدما", "تسمى",  "تحت",   "إزاء",   "بشأن",  "جراء",   "لصالح",
    "قبيل",  "بعيد", "ضمن",   "إنما",  "التقى", "زار",   "وصل",    "أجرى",  "يتقاسم", "أما",
    "فقد",   "أثناء"};

/* Time words: may stand between a verb of saying and its clause. */
static const char *const TIMES[] = {
    "اليوم", "أمس", "غدا", "الأمس", "صباح", "مساء", "ليلة", "الليلة", "يوم", "الماضي", "الماضية",
    "المقبل", "المقبلة", "القادم", "الجاري", "الحالي", "الشهر", "الأسبوع", "العام", "السنة",
    "مؤخرا", "سابق", "لاحق", "وقت", "أول", "ظهر", "فجر", "عصر", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "الأحد", "الاثنين", "الإثنين",
    /* adverbs in the accusative (وأفاد مسؤول أمريكي لاحقا أن) */
    "لاحقا", "سابقا", "حاليا", "مجددا", "صباحا", "مساء", "ليلا",
    /* and in order (وأوضح أولا أن، وأضاف أخيرا أن) */
    "أولا", "ثانيا", "ثالثا", "أخيرا",
    /* then (اعتبر آنذاك أن) */
    "آنذاك", "وقتئذ", "حينئذ", "عندئذ"};

typedef struct month_row {
    const char *name;
    int month;
    int ambiguous; /* also an ordinary word or a name: needs a day, year or pair */
} month_row;

static const month_row MONTHS[] = {
    {"يناير", 1, 0},   {"فبراير", 2, 0}, {"مارس", 3, 1},   {"أبريل", 4, 0},   {"إبريل", 4, 0},
    {"ابريل", 4, 0},   {"مايو", 5, 0},   {"يونيو", 6, 0},  {"يونيه", 6, 0},   {"يوليو", 7, 0},
    {"يوليه", 7, 0},   {"أغسطس", 8, 0},  {"سبتمبر", 9, 0}, {"أكتوبر", 10, 0}, {"نوفمبر", 11, 0},
    {"ديسمبر", 12, 0}, {"شباط", 2, 0},   {"آذار", 3, 1},   {"نيسان", 4, 1},   {"أيار", 5, 0},
    {"حزيران", 6, 0},  {"تموز", 7, 1},   {"آب", 8, 1},     {"أيلول", 9, 0},   {"جانفي", 1, 0},
    {"فيفري", 2, 0},   {"أفريل", 4, 0},  {"ماي", 5, 1},    {"جوان", 6, 0},    {"جويلية", 7, 0},
    {"أوت", 8, 1},     {"يوليوز", 7, 0}, {"غشت", 8, 0},    {"شتنبر", 9, 0},   {"نونبر", 11, 0},
    {"دجنبر", 12, 0},
};
int kx_month_of(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof MONTHS / sizeof MONTHS[0]; i++)
        if (strlen(MONTHS[i].name) == n && memcmp(MONTHS[i].name, s, n) == 0)
            return MONTHS[i].month;
    return 0;
}

/* كانون and تشرين need their ordinal: handled in dates.c (val 0 here). */
static const char *const TWO_WORD_MONTHS[] = {"كانون", "تشرين"};

static const month_row HIJRI[] = {
    {"محرم", 1, 1},  {"صفر", 2, 1},   {"ربيع", 3, 1},  {"جمادى", 5, 1}, {"رجب", 7, 1},
    {"شعبان", 8, 1}, {"رمضان", 9, 0}, {"شوال", 10, 0}, {"ذو", 11, 1},   {"ذي", 11, 1},
};

static const char *const WEEKDAYS[] = {"الأحد",  "الاثنين", "الثلاثاء", "الأربعاء",
                                       "الخميس", "الجمعة",  "السبت"};

typedef struct num_row {
    const char *word;
    double value;
    int scale;
} num_row;

static const num_row NUMBERS[] = {
    {"واحد", 1, 0},       {"واحدة", 1, 0},     {"اثنان", 2, 0},      {"اثنين", 2, 0},
    {"اثنتان", 2, 0},     {"اثنتين", 2, 0},    {"ثلاثة", 3, 0},      {"ثلاث", 3, 0},
    {"أربعة", 4, 0},      {"أربع", 4, 0},      {"خمسة", 5, 0},       {"خمس", 5, 0},
    {"ستة", 6, 0},        {"ست", 6, 0},        {"سبعة", 7, 0},       {"سبع", 7, 0},
    {"ثمانية", 8, 0},     {"ثماني", 8, 0},     {"ثمان", 8, 0},       {"تسعة", 9, 0},
    {"تسع", 9, 0},        {"عشرة", 10, 0},     {"عشر", 10, 0},       {"عشرون", 20, 0},
    {"عشرين", 20, 0},     {"ثلاثون", 30, 0},   {"ثلاثين", 30, 0},    {"أربعون", 40, 0},
    {"أربعين", 40, 0},    {"خمسون", 50, 0},    {"خمسين", 50, 0},     {"ستون", 60, 0},
    {"ستين", 60, 0},      {"سبعون", 70, 0},    {"سبعين", 70, 0},     {"ثمانون", 80, 0},
    {"ثمانين", 80, 0},    {"تسعون", 90, 0},    {"تسعين", 90, 0},     {"مئة", 100, 1},
    {"مائة", 100, 1},     {"مئتان", 200, 0},   {"مئتين", 200, 0},    {"مائتين", 200, 0},
    {"مائتان", 200, 0},   {"ثلاثمئة", 300, 0}, {"ثلاثمائة", 300, 0}, {"أربعمئة", 400, 0},
    {"أربعمائة", 400, 0}, {"خمسمئة", 500, 0},  {"خمسمائة", 500, 0},  {"ألف", 1e3, 1},
    {"ألفا", 1e3, 1},     {"ألفين", 2e3, 0},   {"ألفان", 2e3, 0},    {"آلاف", 1e3, 1},
    {"مليون", 1e6, 1},    {"ملايين", 1e6, 1},  {"مليونا", 1e6, 1},   {"مليار", 1e9, 1},
    {"مليارات", 1e9, 1},  {"مليارا", 1e9, 1},  {"بليون", 1e9, 1},    {"تريليون", 1e12, 1},
};

/* Nouns after which a short quoted span names something (primer §6.7). */
static const char *const NAMEHEADS[] = {
    "منظمة", "حركة", "عملية", "حملة", "شعار", "وكالة", "صحيفة", "قناة", "برنامج", "مبادرة", "جماعة",
    "تنظيم", "حزب", "شركة", "موقع", "كتاب", "فيلم", "مسلسل", "رواية", "مشروع", "قانون", "اتفاق",
    "اتفاقية", "مؤتمر", "منتدى", "مهرجان", "جائزة", "مسابقة", "بطولة", "نادي", "فريق", "مجموعة",
    "تطبيق", "هاشتاغ", "وسم", "عنوان", "لقب", "اسم", "مصطلح", "عبارة", "كلمة", "شراكة", "مجلة",
    "تحالف", "ائتلاف", "جبهة", "مركز", "مؤسسة", "جمعية", "معركة", "خطة", "صفقة", "أغنية", "ألبوم",
    "مسرحية", "معرض", "ملتقى", "قمة", "حساب", "صفحة", "ماركة", "علامة", "شبكة", "مجمع", "فندق",
    "مطعم", "مستشفى", "سفينة", "طائرة", "يعرف", "المعروف", "المعروفة", "يسمى", "تسمى", "المسمى",
    "المسماة", "الملقب", "الملقبة", "بعنوان", "لقبه", "تهمة", "بتهمة", "مبدأ", "حسابه", "صحيفتي",
    "كتابي", "مؤلف",
    /* places, eras and things that papers name in quotes: جبل "يسوف"، مديرية
    ** «المسيمير»، حقبة "الميسينيان"، قمر "عرب سات"، اختبار "قياس" */
    "جبل", "مديرية", "منطقة", "حي", "حقبة", "عصر", "قمر", "بوابة", "لافتة", "اختبار", "لعبة",
    "منصة", "مرتبة", "سياسة", "مثل"};

/* Bodies: a description with one of these heads names an institution, not a
** person, so it is resolved to the institution's fuller name, not to a
** person's name that follows the word elsewhere (وفتحت الشرطة تحقيقا). */
static const char *const ORGS[] = {
    "منظمة",  "وكالة",  "صحيفة", "حركة",   "حزب",   "شركة",   "جماعة",  "قناة",  "موقع",
    "مجلة",   "جمعية",  "مؤسسة", "مركز",   "هيئة",  "مجلس",   "وزارة",  "لجنة",  "دائرة",
    "إدارة",  "مكتب",   "جامعة", "بنك",    "مصرف",  "تنظيم",  "ائتلاف", "تحالف", "جبهة",
    "برلمان", "محكمة",  "ولاية", "حكومة",  "شرطة",  "جيش",    "قوات",   "نادي",  "اتحاد",
    "مفوضية", "سلطات",  "سلطة",  "مجموعة", "منتخب", "بيان",   "عائلة",  "أسرة",  "رئاسة",
    "خارجية", "داخلية", "سفارة", "بلدية",  "نقابة", "نقابات", "صندوق",  "مرصد",  "معهد"};

static const char *const SOURCES[] = {"حسب", "حسبما", "وفقا", "طبقا", "نقلا", "وفق"};

static const char *const DUALS[] = {"وزيران",  "جانبان", "زعيمان", "رئيسان", "بلدان",  "طرفان",
                                    "مسؤولان", "وزيرين", "جانبين", "زعيمين", "رئيسين", "طرفين"};

static const char *const SOCIAL[] = {"فيسبوك",   "فيس",    "تويتر",   "انستغرام", "إنستغرام",
                                     "انستجرام", "يوتيوب", "تلغرام",  "تليجرام",  "واتساب",
                                     "سناب",     "تيك",    "لينكدإن", "جوجل"};

/* Words that open a boilerplate line (primer §5.3). */
static const char *const BOILER[] = {"للمزيد", "اقرأ",  "اقرا",    "تابعونا", "تابعنا", "شارك",
                                     "شاركوا", "اشترك", "اشتركوا", "حمل",     "حمّل",    "المصدر",
                                     "مواضيع", "أخبار", "الآراء",  "لمتابعة", "انقر",   "اضغط",
                                     "رابط",   "جميع",  "حقوق",    "©",       "اقرأ"};

/* Agencies (first word of each name: primer §5.2). */
static const char *const AGENCIES[] = {
    "رويترز", "فرانس", "أ",     "أسوشيتد",  "د",       "واس", "وام",     "قنا",    "كونا",
    "سانا",   "بترا",  "وفا",   "الأناضول", "سبوتنيك", "تاس", "شينخوا",  "وكالات", "وكالة",
    "أ.ف.ب",  "د.ب.أ", "أ.ش.أ", "يونهاب",   "إرنا",    "بنا", "العمانية"};

typedef struct rel_row {
    const char *word;
    int rel;
    int unit;
} rel_row;

static const rel_row RELDATES[] = {
    {"اليوم", 0, KH_REL_DAY}, {"أمس", -1, KH_REL_DAY},     {"الأمس", -1, KH_REL_DAY},
    {"غدا", 1, KH_REL_DAY},   {"البارحة", -1, KH_REL_DAY}, {"الليلة", 0, KH_REL_DAY},
};

/* ---- folding and the table --------------------------------------------------- */

size_t kx_fold(const char *s, size_t n, char *out)
{
    const uint8_t *p = (const uint8_t *)s;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t len;
        uint32_t cp = kh_utf8_decode(p + i, n - i, &len);
        if (cp == KH_CP_INVALID) {
            out[o++] = (char)p[i];
            i++;
            continue;
        }
        uint32_t f = cp;
        if ((cp >= 0x0600 && cp <= 0x06FF) || cp == KH_CP_ZWNJ || cp == KH_CP_ZWJ ||
            cp == KH_CP_BOM || cp == KH_CP_SOFT_HYPHEN)
            f = kh_norm_tm(kh_fold(cp));
        if (f) {
            uint8_t tmp[4];
            uint32_t w = kh_utf8_encode(f, tmp);
            if (w <= len) { /* folding maps within the same UTF-8 length class */
                memcpy(out + o, tmp, w);
                o += w;
            }
        }
        i += len;
    }
    return o;
}

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

static kx_entry *slot_for(kx_words *w, const char *s, size_t n)
{
    uint32_t h = hash(s, n) & (KX_SLOTS - 1);
    for (uint32_t k = 0; k < KX_SLOTS; k++) {
        kx_entry *e = &w->slots[(h + k) & (KX_SLOTS - 1)];
        if (!e->word || (e->len == n && memcmp(e->word, s, n) == 0)) return e;
    }
    return NULL;
}

/* Adds word (unfolded UTF-8) with its class; returns the entry or NULL. */
static kx_entry *add(kx_words *w, const char *word, size_t n, uint32_t cls)
{
    if (w->used + n + 1 > KX_POOL) return NULL;
    char *f = w->pool + w->used;
    size_t fl = kx_fold(word, n, f);
    if (!fl) return NULL;
    kx_entry *e = slot_for(w, f, fl);
    if (!e) return NULL;
    if (!e->word) {
        f[fl] = 0;
        w->used += fl + 1;
        e->word = f;
        e->len = (uint32_t)fl;
    }
    e->cls |= cls;
    return e;
}

static kx_entry *add_z(kx_words *w, const char *word, uint32_t cls)
{
    return add(w, word, strlen(word), cls);
}

static void add_say(kx_words *w, const char *a, const char *b, uint16_t say)
{
    char buf[96];
    size_t la = strlen(a), lb = strlen(b);
    if (la + lb >= sizeof buf) return;
    memcpy(buf, a, la);
    memcpy(buf + la, b, lb);
    kx_entry *e = add(w, buf, la + lb, KX_SAY);
    if (e) e->say |= say;
}

#define YEH_BYTES 2 /* the prefix ي of a present stem, in UTF-8 */

static void add_verb(kx_words *w, const verb_row *v)
{
    uint16_t st = v->strong == 1   ? KX_SAY_STRONG
                  : v->strong == 2 ? KX_SAY_OBJECT
                  : v->strong == 3 ? KX_SAY_RELAY
                                   : 0;
    if (*v->past) {
        add_say(w, v->past, "", st | KX_SAY_PAST);
        add_say(w, v->past, "ت", st | KX_SAY_PAST | KX_SAY_FEM);
        add_say(w, v->past, "ا", st | KX_SAY_PAST | KX_SAY_DUAL);
        add_say(w, v->past, "وا", st | KX_SAY_PAST | KX_SAY_PLURAL);
        add_say(w, v->past, "تا", st | KX_SAY_PAST | KX_SAY_DUAL | KX_SAY_FEM);
    }
    if (*v->present && strlen(v->present) > YEH_BYTES) {
        const char *rest = v->present + YEH_BYTES;
        add_say(w, v->present, "", st | KX_SAY_PRESENT);
        add_say(w, "ت", rest, st | KX_SAY_PRESENT | KX_SAY_FEM);
        add_say(w, v->present, "ون", st | KX_SAY_PRESENT | KX_SAY_PLURAL);
        add_say(w, v->present, "ان", st | KX_SAY_PRESENT | KX_SAY_DUAL);
    }
    if (*v->participle) {
        add_say(w, v->participle, "ا", st | KX_SAY_PARTICIPLE);
        add_say(w, v->participle, "", st | KX_SAY_PARTICIPLE);
        add_say(w, v->participle, "ة", st | KX_SAY_PARTICIPLE | KX_SAY_FEM);
        add_say(w, v->participle, "ين", st | KX_SAY_PARTICIPLE | KX_SAY_PLURAL);
    }
    /* irregular forms: tense read from the first letter (ي/ت present) */
    const char *p = v->irregular;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if (q > p) {
            uint16_t tense = KX_SAY_PAST;
            if (!strncmp(p, "ي", YEH_BYTES) || !strncmp(p, "ت", YEH_BYTES)) tense = KX_SAY_PRESENT;
            if (!strncmp(p, "نافي", 8) || !strncmp(p, "داعي", 8))
                tense = KX_SAY_PARTICIPLE; /* نافيا، داعيا */
            /* gender and number as the form shows them: نفت، تنفي، نافية
            ** (feminine), نفوا، يدعون (plural), so that a dropped subject is
            ** checked against them as for the regular verbs */
            size_t len = (size_t)(q - p);
            int t_end = len > 2 && !strncmp(q - 2, "ت", 2);
            int a_end = len > 2 && !strncmp(q - 2, "ة", 2);
            if ((tense == KX_SAY_PAST && t_end) ||
                (tense == KX_SAY_PRESENT && !strncmp(p, "ت", YEH_BYTES)) ||
                (tense == KX_SAY_PARTICIPLE && a_end))
                tense |= KX_SAY_FEM;
            if ((len > 4 && !strncmp(q - 4, "وا", 4)) || (len > 4 && !strncmp(q - 4, "ون", 4)))
                tense |= KX_SAY_PLURAL;
            kx_entry *e = add(w, p, len, KX_SAY);
            if (e) e->say |= st | tense;
        }
        p = q;
    }
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void add_list(kx_words *w, const char *const *list, size_t n, uint32_t cls)
{
    for (size_t i = 0; i < n; i++)
        add_z(w, list[i], cls);
}

static void fill(kx_words *w)
{
    for (size_t i = 0; i < N(VERBS); i++)
        add_verb(w, &VERBS[i]);
    /* نقل عن X قوله إن: the verbal noun with its pronoun, a strong cue */
    static const char *const SAYING_NOUNS[] = {"قوله",   "قولها",  "قولهم",
                                               "قولهما", "تعبيره", "تعبيرها"};
    for (size_t i = 0; i < N(SAYING_NOUNS); i++) {
        kx_entry *e = add_z(w, SAYING_NOUNS[i], KX_SAY);
        if (e) e->say |= KX_SAY_NOUN | KX_SAY_STRONG;
    }
    add_list(w, TITLES, N(TITLES), KX_TITLE);
    add_list(w, BARE_TITLES, N(BARE_TITLES), KX_TITLE | KX_BARE);
    add_list(w, HONORIFICS, N(HONORIFICS), KX_TITLE | KX_HONOR);
    add_list(w, STOPS, N(STOPS), KX_STOP);
    add_list(w, ORGS, N(ORGS), KX_ORG | KX_TITLE);
    add_list(w, TIMES, N(TIMES), KX_TIME);
    add_list(w, NAMEHEADS, N(NAMEHEADS), KX_NAMEHEAD);
    add_list(w, SOURCES, N(SOURCES), KX_SOURCE);
    add_list(w, DUALS, N(DUALS), KX_DUAL);
    add_list(w, SOCIAL, N(SOCIAL), KX_SOCIAL);
    add_list(w, BOILER, N(BOILER), KX_BOILER);
    add_list(w, AGENCIES, N(AGENCIES), KX_AGENCY);
    for (size_t i = 0; i < N(MONTHS); i++) {
        kx_entry *e = add_z(w, MONTHS[i].name, KX_MONTH);
        if (e) {
            e->val = (int8_t)MONTHS[i].month;
            e->needs_next = (uint8_t)MONTHS[i].ambiguous;
        }
    }
    for (size_t i = 0; i < N(TWO_WORD_MONTHS); i++) {
        kx_entry *e = add_z(w, TWO_WORD_MONTHS[i], KX_MONTH);
        if (e) e->val = 0;
    }
    for (size_t i = 0; i < N(HIJRI); i++) {
        kx_entry *e = add_z(w, HIJRI[i].name, KX_HIJRI);
        if (e) {
            e->val = (int8_t)HIJRI[i].month;
            e->needs_next = (uint8_t)HIJRI[i].ambiguous;
        }
    }
    for (size_t i = 0; i < N(WEEKDAYS); i++) {
        kx_entry *e = add_z(w, WEEKDAYS[i], KX_WEEKDAY | KX_TIME);
        if (e) e->val = (int8_t)i;
    }
    add_z(w, "الإثنين", KX_WEEKDAY | KX_TIME);
    for (size_t i = 0; i < N(NUMBERS); i++) {
        kx_entry *e = add_z(w, NUMBERS[i].word, NUMBERS[i].scale ? KX_SCALE : KX_NUMW);
        if (e) e->num = NUMBERS[i].value;
    }
    for (size_t i = 0; i < N(RELDATES); i++) {
        kx_entry *e = add_z(w, RELDATES[i].word, KX_RELDATE | KX_TIME);
        if (e) {
            e->rel = (int8_t)RELDATES[i].rel;
            e->rel_unit = (uint8_t)RELDATES[i].unit;
        }
    }
}

kh_status kx_words_new(kh_alloc_fn alloc, void *ud, kx_words **out)
{
    *out = NULL;
    kx_words *w = alloc(ud, NULL, 0, sizeof *w);
    if (!w) return KH_ENOMEM;
    memset(w, 0, sizeof *w);
    w->alloc = alloc;
    w->ud = ud;
    w->slots = alloc(ud, NULL, 0, KX_SLOTS * sizeof *w->slots);
    w->pool = alloc(ud, NULL, 0, KX_POOL);
    if (!w->slots || !w->pool) {
        kx_words_free(w);
        return KH_ENOMEM;
    }
    memset(w->slots, 0, KX_SLOTS * sizeof *w->slots);
    fill(w);
    *out = w;
    return KH_OK;
}

void kx_words_free(kx_words *w)
{
    if (!w) return;
    if (w->slots) w->alloc(w->ud, w->slots, KX_SLOTS * sizeof *w->slots, 0);
    if (w->pool) w->alloc(w->ud, w->pool, KX_POOL, 0);
    w->alloc(w->ud, w, sizeof *w, 0);
}

const kx_entry *kx_words_get(const kx_words *w, const char *s, size_t n)
{
    if (!n) return NULL;
    uint32_t h = hash(s, n) & (KX_SLOTS - 1);
    for (uint32_t k = 0; k < KX_SLOTS; k++) {
        const kx_entry *e = &w->slots[(h + k) & (KX_SLOTS - 1)];
        if (!e->word) return NULL;
        if (e->len == n && memcmp(e->word, s, n) == 0) return e;
    }
    return NULL;
}
