/* Bit manipulation with fixed-width unsigned types and macros. */
#include <stdio.h>
#include <stdint.h>

#define BIT(n) (1u << (n))
#define SET(x, n) ((x) |= BIT(n))
#define CLEAR(x, n) ((x) &= ~BIT(n))
#define TEST(x, n) (((x) >> (n)) & 1u)

int popcount(uint32_t x) {
    int count = 0;
    while (x) {
        x &= x - 1;
        count++;
    }
    return count;
}

uint32_t reverse_bits(uint32_t x) {
    uint32_t r = 0;
    for (int i = 0; i < 32; i++, x >>= 1) r = (r << 1) | (x & 1);
    return r;
}

void print_binary(uint8_t b) {
    for (int i = 7; i >= 0; i--) putchar(TEST(b, i) ? '1' : '0');
    putchar('\n');
}

int main(void) {
    uint32_t flags = 0;
    SET(flags, 3);
    SET(flags, 5);
    SET(flags, 31);
    CLEAR(flags, 5);
    printf("flags %u popcount %d bit3 %u bit5 %u\n", flags, popcount(flags), TEST(flags, 3), TEST(flags, 5));
    printf("reversed %x\n", reverse_bits(0x12345678u));
    print_binary(0xA5);
    uint16_t h = 0xFFFF;
    h++;
    int16_t s = -1;
    uint64_t big = UINT64_MAX;
    printf("h %d s %d shifted %d big %lu\n", h, s, s >> 4, (unsigned long)(big >> 60));
    return 0;
}
