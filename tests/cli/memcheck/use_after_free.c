/* Reads and writes a heap block after free: memcheck reports each access as "N bytes
   inside a block of size S free'd". The block is small enough that glibc keeps it in the
   tcache, and valgrind keeps freed blocks out of reuse for a while, so the bytes are still
   addressable in both. */
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

int main(void) {
    struct node *n = malloc(sizeof(struct node));
    n->value = 42;
    n->next = NULL;
    free(n);
    int seen = n->value;             /* a read of size 4, 0 bytes inside a block of size 16 free'd */
    n->value = 7;                    /* a write of size 4, 0 bytes inside */
    struct node *next = n->next;     /* a read of size 8, 8 bytes inside */
    char *text = malloc(32);
    text[0] = 'a';
    free(text);
    char c = text[5];                /* a read of size 1, 5 bytes inside a block of size 32 free'd */
    printf("%d\n", seen == 42 && c == c && next == next);
    return 0;
}
