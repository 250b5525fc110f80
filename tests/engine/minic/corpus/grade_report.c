/* Reads "name score score score" records with scanf, checks them, and prints a report
   with sprintf-built cells and snprintf-truncated names. */
#include <stdio.h>
#include <string.h>

struct student {
    char name[16];
    int scores[3];
    int total;
};

int main(void) {
    struct student list[10];
    int n = 0, r;
    while (n < 10 && (r = scanf("%15s %d %d %d", list[n].name, &list[n].scores[0], &list[n].scores[1], &list[n].scores[2])) == 4) {
        list[n].total = list[n].scores[0] + list[n].scores[1] + list[n].scores[2];
        n++;
    }
    printf("read %d students, last scanf returned %d\n", n, r);
    for (int i = 0; i < n; i++) {
        char shortname[6], cell[32];
        snprintf(shortname, sizeof shortname, "%s", list[i].name);
        int width = sprintf(cell, "%3d/%-3d", list[i].total, 300);
        printf("%-6s|%s|%d|%5.1d%%|%c\n", shortname, cell, width, list[i].total / 3,
               list[i].total >= 240 ? 'A' : list[i].total >= 180 ? 'B' : 'C');
    }
    char rest[32] = "";
    if (scanf("%31[^\n]", rest) == 1) printf("unparsed: [%s]\n", rest);
    return 0;
}
