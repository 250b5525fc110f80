/* errno as glibc sets it: strtol's range and base, malloc's and calloc's failures, the
   math functions' domain and range errors, strerror's messages (known and unknown codes)
   and perror's line on standard error. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void show(const char *what) {
    printf("%-20s errno %2d  %s\n", what, errno, strerror(errno));
    errno = 0;
}

int main(void) {
    double minus_one = -1.0, zero = 0.0, big = 1000.0, two = 2.0, half = 0.5, large = 1.5e308;
    size_t huge = SIZE_MAX;
    printf("at start: %d\n", errno);
    long l = strtol("99999999999999999999", NULL, 10);
    printf("strtol gives %ld\n", l);
    show("strtol overflow");
    l = strtol("-99999999999999999999", NULL, 10);
    show("strtol underflow");
    l = strtol("123", NULL, 10);
    show("strtol in range");
    unsigned long u = strtoul("99999999999999999999", NULL, 10);
    printf("strtoul gives %lu\n", u);
    show("strtoul overflow");
    l = strtol("12", NULL, 1);
    show("strtol base 1");
    printf("atoi gives %d\n", atoi("99999999999999999999"));
    show("atoi overflow");
    double d = strtod("1e999", NULL);
    printf("strtod gives %f\n", d);
    show("strtod overflow");
    void *p = malloc(huge);
    printf("malloc(SIZE_MAX) %s\n", p == NULL ? "is NULL" : "is not NULL");
    show("malloc too large");
    p = calloc(huge / 2, 4);
    printf("calloc %s\n", p == NULL ? "is NULL" : "is not NULL");
    show("calloc overflow");
    p = malloc(0);
    show("malloc(0)");
    free(p);
    double r = sqrt(minus_one);
    printf("sqrt(-1) is NaN: %d\n", r != r);
    show("sqrt(-1)");
    r = sqrt(two);
    show("sqrt(2)");
    r = log(zero);
    printf("log(0) = %f\n", r);
    show("log(0)");
    r = log(minus_one);
    show("log(-1)");
    r = log10(zero);
    show("log10(0)");
    r = exp(big);
    printf("exp(1000) = %f\n", r);
    show("exp(1000)");
    r = exp(-big);
    show("exp(-1000)");
    r = exp(-740.0 + zero);
    printf("exp(-740) = %g\n", r);
    show("exp(-740)");
    r = pow(zero, minus_one);
    show("pow(0, -1)");
    r = pow(minus_one, half);
    show("pow(-1, 0.5)");
    r = pow(big, big);
    show("pow(1000, 1000)");
    r = pow(half, big * 2);
    show("pow(0.5, 2000)");
    r = pow(two, big / 100);
    printf("pow(2, 10) = %f\n", r);
    show("pow(2, 10)");
    r = acos(two);
    show("acos(2)");
    r = asin(two);
    show("asin(2)");
    r = fmod(big, zero);
    show("fmod(1000, 0)");
    r = hypot(large, large);
    show("hypot overflow");
    r = sin(big / zero);
    show("sin(inf)");
    const char *first = strerror(ENOENT), *second = strerror(EDOM);
    printf("two messages at once: %s / %s\n", first, second);
    for (int e = 0; e <= 40; e++) printf("%d: %s\n", e, strerror(e));
    /* One at a time: unknown codes share one static buffer (and gcc evaluates a call's
       arguments right to left, MiniC left to right). */
    printf("%s | ", strerror(-1));
    printf("%s | ", strerror(58));
    printf("%s\n", strerror(100000));
    errno = ENOENT;
    perror("fopen");
    errno = ENOMEM;
    perror("");
    errno = ERANGE;
    perror(NULL);
    printf("EDOM %d ERANGE %d EINVAL %d ENOMEM %d ENOENT %d EILSEQ %d\n", EDOM, ERANGE, EINVAL, ENOMEM, ENOENT, EILSEQ);
    int *where = &errno;
    *where = 7;
    printf("through a pointer: %d (%s)\n", errno, strerror(errno));
    return 0;
}
