/* The limits.h and stdint.h constants, and sizes of the fixed-width types. */
#include <stdio.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <stddef.h>

int main(void) {
    printf("CHAR_BIT %d\n", CHAR_BIT);
    printf("INT_MAX %d INT_MIN %d\n", INT_MAX, INT_MIN);
    printf("UINT_MAX %u\n", UINT_MAX);
    printf("LONG_MAX %ld\n", LONG_MAX);
    printf("SHRT_MAX %d SCHAR_MIN %d UCHAR_MAX %d\n", SHRT_MAX, SCHAR_MIN, UCHAR_MAX);
    printf("RAND_MAX %d\n", RAND_MAX);
    printf("EOF %d EXIT_FAILURE %d\n", EOF, EXIT_FAILURE);
    printf("sizes %d %d %d %d\n", (int)sizeof(int8_t), (int)sizeof(int16_t), (int)sizeof(int32_t), (int)sizeof(int64_t));
    printf("size_t %d ptrdiff_t %d intptr_t %d\n", (int)sizeof(size_t), (int)sizeof(ptrdiff_t), (int)sizeof(intptr_t));
    uint8_t small = 250;
    small += 10;
    int8_t tiny = 127;
    tiny++;
    uint32_t big = 4000000000u;
    big *= 2;
    printf("wrapped %d %d %u\n", small, tiny, big);
    int64_t wide = INT32_MAX;
    wide = wide * 4;
    printf("wide %ld\n", (long)wide);
    return 0;
}
