/* Reading numbers safely: each line from fgets is checked with strtol's end pointer and
   sscanf's %n, so "12abc" and "" are refused, and the valid ones are summed. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char line[40];
    long sum = 0;
    int accepted = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        char *end;
        long v = strtol(line, &end, 10);
        while (isspace((unsigned char)*end)) end++;
        int value = 0, used = -1;
        int scanned = sscanf(line, "%d %n", &value, &used);
        int whole = end != line && *end == '\0';
        printf("\"%s\": strtol %ld, rest \"%s\", %s; sscanf %d, used %d\n", line, v, end, whole ? "accepted" : "refused",
               scanned, used);
        if (whole) {
            sum += v;
            accepted++;
        }
    }
    printf("%d accepted, sum %ld, average %ld\n", accepted, sum, accepted ? sum / accepted : 0L);
    return accepted > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
