/*
** main.c - the khabar command: dispatches to one subcommand per file.
*/
#include "cli.h"

#include "khabar.h"

#include <string.h>

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command COMMANDS[] = {
    {"tokens", cmd_tokens, "tokens, segments and search keys of Arabic text"},
    {"analyze", cmd_analyze, "who said what: structure, quotations, speakers, dates, numbers"},
    {"index", cmd_index, "add news files and folders to a search index"},
    {"search", cmd_search, "search an index: words, \"phrases\", -word, prefix*, source:, entity:"},
    {"delete", cmd_delete, "remove documents from an index by id"},
    {"stats", cmd_stats, "documents, keys and sizes of an index"},
    {"quotes", cmd_quotes, "quotations stored in an index, by speaker and words"},
    {"ner", cmd_ner, "named entities (people, organizations, places) with canonical names"},
    {"train-ner", cmd_train_ner, "trains an entity recognizer model from tagged CoNLL files"},
};

static void usage(FILE *f)
{
    fprintf(f,
            "khabar %s - reads Arabic news the way an analyst needs it read\n\n"
            "usage: khabar COMMAND [OPTIONS] [ARGS]\n\ncommands:\n",
            kh_version());
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        fprintf(f, "  %-10s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
    fprintf(f, "\n'khabar COMMAND --help' explains each command.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("khabar %s\n", kh_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (!strcmp(argv[1], COMMANDS[i].name)) return COMMANDS[i].run(argc - 1, argv + 1);
    fprintf(stderr, "khabar: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return 2;
}
