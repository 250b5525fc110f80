/* #if arithmetic, #elif chains, nested conditionals, __LINE__ and __FILE__-free output. */
#include <stdio.h>
#include <limits.h>

#define LEVEL 2
#define SIZE (4 * 8)

#if SIZE > 16 && SIZE % 2 == 0
#define SIZE_NAME "big even"
#elif SIZE > 16
#define SIZE_NAME "big odd"
#else
#define SIZE_NAME "small"
#endif

#if LEVEL == 1
#define GREETING "one"
#elif LEVEL == 2
#  if defined(SIZE) && !defined(NOTHING)
#    define GREETING "two, nested"
#  else
#    define GREETING "two"
#  endif
#else
#error "LEVEL must be 1 or 2"
#endif

#if INT_MAX == 2147483647
#define INT_BITS 32
#endif

#define STR(x) #x
#define XSTR(x) STR(x)

int main(void) {
    printf("%s / %s / %d bits\n", SIZE_NAME, GREETING, INT_BITS);
    printf("SIZE spelled %s, expanded %s\n", STR(SIZE), XSTR(SIZE));
    int line = __LINE__;
    printf("line %d\n", line);
#if 0
    printf("never");
    don't care what's here: 3.14 @
#endif
    return 0;
}
