/* Function-like macros, stringizing and token pasting, conditionals. */
#include <stdio.h>

#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define SQUARE(x) ((x) * (x))
#define SHOW(expr) printf(#expr " = %d\n", (expr))
#define CAT(a, b) a##b
#define DEBUG 1
#define VERSION 3

#if VERSION >= 2 && defined(DEBUG)
#define LOG(msg) puts("log: " msg)
#else
#define LOG(msg)
#endif

#ifndef BUFSIZE
#define BUFSIZE 16
#endif

#ifdef UNDEFINED_THING
this is not C and is never seen
#endif

int main(void) {
    int CAT(my, var) = 7;
    SHOW(MAX(3, 9));
    SHOW(MIN(-2, 5));
    SHOW(SQUARE(myvar + 1));
    SHOW(BUFSIZE * 2);
    LOG("started");
#if DEBUG
    printf("line %d\n", __LINE__);
#elif VERSION == 3
    printf("not here\n");
#endif
#undef DEBUG
#ifdef DEBUG
    printf("still debug\n");
#else
    printf("debug off\n");
#endif
    return 0;
}
