/*
** cmd_admin.c - `khabar delete` and `khabar stats`: the small index commands.
*/
#include "cli.h"

#include "khabar.h"

#include <string.h>

static void help_delete(FILE *f)
{
    fputs("usage: khabar delete --db FILE ID...\n"
          "\n"
          "Removes the documents with these ids from the index, in one transaction.\n"
          "Their postings stay in the file, masked, until a merge rewrites their segment\n"
          "(khabar index --optimize merges everything).\n"
          "\n"
          "Prints 'deleted N, not found M'. Exit status: 0 if every id was found,\n"
          "1 if some were not (the others are deleted all the same), 2 usage.\n"
          "\n"
          "example:\n"
          "  khabar delete --db news.db https://example.com/a/1 JA-economy-32-20170125\n",
          f);
}

static void help_stats(FILE *f)
{
    fputs("usage: khabar stats --db FILE\n"
          "\n"
          "Prints name<TAB>value lines about the index: documents (live and deleted but\n"
          "not yet merged away), distinct keys and postings summed over segments, the\n"
          "number of segments, the bytes of stored title and body text, and sizes:\n"
          "the file with its WAL, the pages of the document tables, and the pages of\n"
          "the posting tables. An index built with 'khabar index --extract' also has\n"
          "extract 1, the entities its documents mention, the quotations stored and\n"
          "the pages of those tables.\n"
          "\n"
          "example:\n"
          "  khabar stats --db news.db\n",
          f);
}

/* Parses "--db FILE" and help. Returns 0 (continue), 1 (help shown), 2 usage. */
static int common(int argc, char **argv, const char *cmd, void (*help)(FILE *), const char **db,
                  int *first)
{
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            help(stdout);
            return 1;
        } else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
            *db = argv[++i];
        } else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            fprintf(stderr, "khabar %s: unknown option '%s' (see --help)\n", cmd, argv[i]);
            return 2;
        } else {
            break;
        }
    }
    if (!*db) {
        fprintf(stderr, "khabar %s: --db FILE is required (see --help)\n", cmd);
        return 2;
    }
    *first = i;
    return 0;
}

int cmd_delete(int argc, char **argv)
{
    const char *db = NULL;
    int first;
    int rc = common(argc, argv, "delete", help_delete, &db, &first);
    if (rc) return rc == 1 ? 0 : rc;
    if (first >= argc) {
        fprintf(stderr, "khabar delete: give at least one ID\n");
        return 2;
    }
    kh_index *ix;
    if (kh_index_open(db, NULL, &ix)) {
        fprintf(stderr, "khabar delete: %s\n", ix ? kh_index_error(ix)->message : "out of memory");
        kh_index_close(ix);
        return 1;
    }
    unsigned long deleted = 0, missing = 0;
    for (int i = first; i < argc; i++) {
        int found;
        if (kh_index_delete(ix, argv[i], strlen(argv[i]), &found)) {
            fprintf(stderr, "khabar delete: %s\n", kh_index_error(ix)->message);
            kh_index_close(ix);
            return 1;
        }
        if (found)
            deleted++;
        else {
            missing++;
            fprintf(stderr, "khabar delete: %s: no such document\n", argv[i]);
        }
    }
    if (kh_index_close(ix)) {
        fprintf(stderr, "khabar delete: the commit failed\n");
        return 1;
    }
    printf("deleted %lu, not found %lu\n", deleted, missing);
    return missing ? 1 : 0;
}

int cmd_stats(int argc, char **argv)
{
    const char *db = NULL;
    int first;
    int rc = common(argc, argv, "stats", help_stats, &db, &first);
    if (rc) return rc == 1 ? 0 : rc;
    kh_index_opts io = {.flags = KH_INDEX_READONLY};
    kh_index *ix;
    kh_index_stats s;
    if (kh_index_open(db, &io, &ix) || kh_index_stats_get(ix, &s)) {
        fprintf(stderr, "khabar stats: %s\n", ix ? kh_index_error(ix)->message : "out of memory");
        kh_index_close(ix);
        return 1;
    }
    printf("documents\t%llu\ndeleted_unmerged\t%llu\nkeys\t%llu\npostings\t%llu\n"
           "segments\t%llu\ntext_bytes\t%llu\nfile_bytes\t%llu\ndocument_table_bytes\t%llu\n"
           "index_table_bytes\t%llu\nanalyzer_version\t%u\n",
           (unsigned long long)s.docs, (unsigned long long)s.deleted, (unsigned long long)s.terms,
           (unsigned long long)s.postings, (unsigned long long)s.segments,
           (unsigned long long)s.text_bytes, (unsigned long long)s.file_bytes,
           (unsigned long long)s.doc_bytes, (unsigned long long)s.index_bytes, s.analyzer_version);
    printf("extract\t%u\n", s.extract);
    if (s.extract)
        printf("entities\t%llu\nquotes\t%llu\nentity_table_bytes\t%llu\n",
               (unsigned long long)s.entities, (unsigned long long)s.quotes,
               (unsigned long long)s.facts_bytes);
    kh_index_close(ix);
    return 0;
}
