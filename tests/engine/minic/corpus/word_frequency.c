/* Reads text from standard input line by line, splits it into lowercase words with strtok
   and counts each distinct word in a table kept sorted with strcmp. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 64

struct entry {
    char *word;
    int count;
};

static struct entry table[MAX_WORDS];
static int used = 0;

static void add(const char *word) {
    int lo = 0, hi = used;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(table[mid].word, word);
        if (c == 0) {
            table[mid].count++;
            return;
        }
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    if (used == MAX_WORDS) return;
    memmove(&table[lo + 1], &table[lo], (size_t)(used - lo) * sizeof table[0]);
    table[lo].word = strdup(word);
    table[lo].count = 1;
    used++;
}

int main(void) {
    char line[128];
    int lines = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        lines++;
        for (char *p = line; *p; p++) *p = (char)tolower((unsigned char)*p);
        for (char *w = strtok(line, " \t\n.,;:!?\"()"); w != NULL; w = strtok(NULL, " \t\n.,;:!?\"()")) add(w);
    }
    printf("%d lines, %d distinct words\n", lines, used);
    for (int i = 0; i < used; i++) {
        printf("%-12s %3d %s\n", table[i].word, table[i].count, table[i].count > 2 ? "*" : "");
        free(table[i].word);
    }
    return 0;
}
