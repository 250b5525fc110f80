#include <stdio.h>

void set(int **pp, int *target) {
    *pp = target;
    **pp = 42;
}

int main(void) {
    int x = 1;
    int *p = NULL;
    int **pp = &p;
    set(pp, &x);
    printf("x=%d *p=%d same=%d\n", x, *p, p == &x);
    char s[8];
    strcpy(s, "hello");
    char *c = s + 1;
    *c = 'a';
    printf("%s %lu %c\n", s, strlen(s), *(c + 3));
    long d = &s[5] - &s[1];
    printf("diff %ld\n", d);
    return 0;
}
