/* fprintf, fputs, fputc and putc on stdout and stderr; sprintf and snprintf into buffers. */
#include <stdio.h>
#include <string.h>

int main(void) {
    fprintf(stdout, "to stdout %d\n", 1);
    fprintf(stderr, "to stderr %d\n", 2);
    fputs("fputs out\n", stdout);
    fputs("fputs err\n", stderr);
    fputc('A', stdout);
    putc('B', stdout);
    fputc('\n', stdout);
    putc('E', stderr);
    fputc('\n', stderr);
    char buf[32];
    int n = sprintf(buf, "%s-%04d-%x", "id", 42, 3054);
    printf("sprintf %d [%s]\n", n, buf);
    for (int size = 0; size <= 8; size += 2) {
        memset(buf, '#', 12);
        buf[12] = '\0';
        int m = snprintf(buf, (size_t)size, "%d%s", 12345, "abc");
        printf("snprintf size %d returns %d: [%s]\n", size, m, buf);
    }
    printf("puts returns %d\n", puts("line"));
    printf("fputs returns %d, putchar returns %d\n", fputs("", stdout), putchar('x'));
    return 0;
}
