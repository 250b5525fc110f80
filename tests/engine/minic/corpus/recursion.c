/* Classic recursion: factorial, fibonacci, gcd, power, towers of Hanoi. */
#include <stdio.h>

typedef unsigned long ulong;

ulong factorial(unsigned n) { return n <= 1 ? 1 : n * factorial(n - 1); }
int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }
long power(long base, int exp) {
    if (exp == 0) return 1;
    long half = power(base, exp / 2);
    return exp % 2 ? half * half * base : half * half;
}

static int moves;

void hanoi(int n, char from, char to, char via) {
    if (n == 0) return;
    hanoi(n - 1, from, via, to);
    moves++;
    if (n >= 3) printf("move disk %d from %c to %c\n", n, from, to);
    hanoi(n - 1, via, to, from);
}

int main(void) {
    for (unsigned i = 0; i <= 12; i += 4) printf("%u! = %lu\n", i, factorial(i));
    for (int i = 0; i < 12; i++) printf("%d ", fib(i));
    printf("\ngcd(84, 36) = %d\n", gcd(84, 36));
    printf("3^13 = %ld\n", power(3, 13));
    hanoi(4, 'A', 'C', 'B');
    printf("%d moves\n", moves);
    return 0;
}
