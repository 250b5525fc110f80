/* CSV records from standard input: each line split with sscanf's %[^,] sets and %n, the
   bad lines reported with the column where parsing stopped. */
#include <stdio.h>
#include <string.h>

int main(void) {
    char line[100];
    int row = 0, good = 0;
    long total = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        row++;
        char name[20], city[20];
        int age = 0, used = 0;
        int fields = sscanf(line, " %19[^,],%d,%19[^,\n]%n", name, &age, city, &used);
        if (fields != 3) {
            printf("row %d: only %d field(s) in \"%.*s\"\n", row, fields < 0 ? 0 : fields, (int)strcspn(line, "\n"), line);
            continue;
        }
        good++;
        total += age;
        printf("row %d: %-8s %3d %-10s (parsed %d of %zu bytes)\n", row, name, age, city, used, strlen(line));
    }
    printf("%d good rows, mean age %ld\n", good, good ? total / good : 0L);
    return 0;
}
