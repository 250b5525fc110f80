/* Reads and writes just outside heap blocks: past the end (into padding and onto the next
   block's header) and before the start. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *name = malloc(10);
    strcpy(name, "ten bytes");
    char after = name[10];           /* 0 bytes after a block of size 10 */
    char further = name[12];         /* 2 bytes after */
    int *scores = malloc(40);
    for (int i = 0; i < 10; i++) scores[i] = i;
    scores[10] = 99;                 /* a write 0 bytes after a block of size 40 */
    int last = scores[10];           /* and a read of it */
    char before = name[-1];          /* 1 bytes before a block of size 10 */
    long *big = malloc(24);
    big[3] = 7;                      /* 0 bytes after a block of size 24, 8 bytes wide */
    printf("%d %d %d\n", after == 0, further == 0, before == 0);
    free(big);
    free(scores);
    free(name);
    return last == 99 ? 0 : 1;
}
