/*
** mknames.c - generates data/ner_names.c from tools/ner-names.txt.
**
** usage: mknames tools/ner-names.txt > data/ner_names.c
**
** Writes, as static C tables: the native-word list (folded forms, sorted),
** the canonical names with their types, and one row per distinct alias key
** (kh_name_key of the canonical name and of every alias, sorted), each
** pointing at its canonical name. The keys are computed here with the
** native list of the same file, exactly as the library computes them at
** run time. Fails (exit 1) on a malformed line or when two entities share
** an alias key, naming the line.
*/
#include "ner/names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 4096

typedef struct row {
    char *key;
    int canon;
    int line;
} row;

static char *native[MAXN];
static size_t nnative;
static char *canon[MAXN];
static int ctype[MAXN];
static size_t ncanon;
static row rows[MAXN * 4];
static size_t nrows;
static row spelled[MAXN * 4]; /* kh_name_spelled of the same names */
static size_t nspelled;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_row(const void *a, const void *b)
{
    return strcmp(((const row *)a)->key, ((const row *)b)->key);
}

static void die(int line, const char *msg, const char *arg)
{
    fprintf(stderr, "mknames: line %d: %s%s%s\n", line, msg, arg ? ": " : "", arg ? arg : "");
    exit(1);
}

/* Writes s as a C string literal (UTF-8 kept, quotes and backslashes escaped). */
static void c_string(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') putchar('\\');
        putchar(*s);
    }
    putchar('"');
}

static int type_of(const char *s)
{
    static const char *const names[] = {"", "PER", "ORG", "LOC", "MISC"};
    for (int t = 1; t <= 4; t++)
        if (!strcmp(s, names[t])) return t;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: mknames tools/ner-names.txt > data/ner_names.c\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    char line[8192];
    char *lines[MAXN];
    int lineno[MAXN];
    size_t nlines = 0;
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#') continue;
        if (!strncmp(line, "native\t", 7)) {
            for (char *w = strtok(line + 7, " \t"); w; w = strtok(NULL, " \t")) {
                char fw[1024];
                if (strlen(w) * 4 + 1 > sizeof fw) die(ln, "word too long", w);
                kh_name_fold((const uint8_t *)w, strlen(w), fw);
                if (nnative == MAXN) die(ln, "too many native words", NULL);
                native[nnative++] = strdup(fw);
            }
            continue;
        }
        if (nlines == MAXN) die(ln, "too many lines", NULL);
        lineno[nlines] = ln;
        lines[nlines++] = strdup(line);
    }
    fclose(f);
    qsort(native, nnative, sizeof *native, cmp_str);
    size_t o = 0;
    for (size_t i = 0; i < nnative; i++)
        if (!o || strcmp(native[o - 1], native[i])) native[o++] = native[i];
    nnative = o;
    kh_native_list nl = {(const char *const *)native, nnative};

    /* aliases: the native list must be complete before any key is made */
    for (size_t i = 0; i < nlines; i++) {
        char *save = NULL;
        char *type = strtok_r(lines[i], "\t", &save);
        char *name = strtok_r(NULL, "\t", &save);
        if (!type || !name || !type_of(type))
            die(lineno[i], "expected TYPE<TAB>CANONICAL[<TAB>ALIAS...]", type);
        if (ncanon == MAXN) die(lineno[i], "too many entities", NULL);
        int c = (int)ncanon++;
        canon[c] = name;
        ctype[c] = type_of(type);
        for (char *a = name; a; a = strtok_r(NULL, "\t", &save)) {
            char key[2048];
            size_t kl;
            if (kh_name_key_list(&nl, (const uint8_t *)a, strlen(a), 0, key, sizeof key, &kl) ||
                !kl)
                die(lineno[i], "alias gives no key", a);
            int dup = 0;
            for (size_t r = 0; r < nrows; r++) {
                if (strcmp(rows[r].key, key)) continue;
                if (rows[r].canon != c) {
                    fprintf(stderr, "mknames: line %d: alias '%s' has the key of '%s' (line %d)\n",
                            lineno[i], a, canon[rows[r].canon], rows[r].line);
                    return 1;
                }
                dup = 1;
            }
            char sp[2048];
            if (strlen(a) * 4 + 1 > sizeof sp) die(lineno[i], "alias too long", a);
            kh_name_spelled((const uint8_t *)a, strlen(a), sp);
            int spdup = 0;
            for (size_t r = 0; r < nspelled && !spdup; r++)
                spdup = !strcmp(spelled[r].key, sp);
            if (!spdup) spelled[nspelled++] = (row){strdup(sp), c, lineno[i]};
            if (dup) continue;
            if (nrows == sizeof rows / sizeof *rows) die(lineno[i], "too many aliases", NULL);
            rows[nrows++] = (row){strdup(key), c, lineno[i]};
        }
    }
    qsort(rows, nrows, sizeof *rows, cmp_row);
    qsort(spelled, nspelled, sizeof *spelled, cmp_row);

    printf("/*\n** ner_names.c - the alias table and native-name list of the entity\n"
           "** recognizer (src/ner/names.h).\n**\n"
           "** Generated by tools/mknames.c from tools/ner-names.txt (make data);\n"
           "** do not edit. Written by the khabar project; see data/NOTICE.\n*/\n"
           "#include \"ner/names.h\"\n\n");
    printf("static const char *const native_words[] = {\n");
    for (size_t i = 0; i < nnative; i++) {
        printf("    ");
        c_string(native[i]);
        printf(",\n");
    }
    printf("};\n\nconst kh_native_list kh_names_native = {native_words, %zu};\n\n", nnative);
    printf("const char *const kh_names_canonical[] = {\n");
    for (size_t i = 0; i < ncanon; i++) {
        printf("    ");
        c_string(canon[i]);
        printf(",\n");
    }
    printf("};\n\nconst uint8_t kh_names_type[] = {\n");
    for (size_t i = 0; i < ncanon; i++)
        printf("    %d, /* %s */\n", ctype[i], canon[i]);
    printf("};\n\nconst kh_alias_row kh_names_alias[] = {\n");
    for (size_t i = 0; i < nrows; i++) {
        printf("    {");
        c_string(rows[i].key);
        printf(", %d},\n", rows[i].canon);
    }
    printf("};\n\nconst size_t kh_names_nalias = %zu;\n", nrows);
    printf("\nconst kh_alias_row kh_names_spelled[] = {\n");
    for (size_t i = 0; i < nspelled; i++) {
        printf("    {");
        c_string(spelled[i].key);
        printf(", %d},\n", spelled[i].canon);
    }
    printf("};\n\nconst size_t kh_names_nspelled = %zu;\n", nspelled);
    return 0;
}
