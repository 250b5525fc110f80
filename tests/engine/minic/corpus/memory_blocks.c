/* memset, memcpy, memmove, memcmp and memchr on int arrays and structs: the bytes, not
   the values, are what they see. */
#include <stdio.h>
#include <string.h>

struct point {
    int x, y;
    char tag;
};

int main(void) {
    int a[8], b[8];
    memset(a, 0, sizeof a);
    memset(b, 0xff, sizeof b);
    printf("zeros %d, all ones %d\n", a[3], b[3]);
    for (int i = 0; i < 8; i++) a[i] = i * i;
    memcpy(b, a, sizeof a);
    printf("memcmp equal: %d\n", memcmp(a, b, sizeof a));
    b[5] = 26;
    printf("memcmp after b[5] = 26: %s\n", memcmp(a, b, sizeof a) < 0 ? "a < b" : "a >= b");
    memmove(a + 1, a, 6 * sizeof a[0]);
    for (int i = 0; i < 8; i++) printf("%d ", a[i]);
    printf("\n");
    struct point p = {3, 4, 'p'}, q;
    memset(&q, 0, sizeof q);
    memcpy(&q, &p, sizeof p);
    printf("q = (%d, %d, %c), sizeof = %zu\n", q.x, q.y, q.tag, sizeof q);
    const unsigned char *bytes = (const unsigned char *)a;
    const unsigned char *nine = memchr(a, 9, sizeof a);
    printf("byte 9 at offset %d (int %d)\n", nine ? (int)(nine - bytes) : -1, nine ? (int)(nine - bytes) / 4 : -1);
    memset(a, 1, sizeof a);
    printf("memset 1 makes each int %d (0x%08x)\n", a[0], (unsigned)a[0]);
    return 0;
}
