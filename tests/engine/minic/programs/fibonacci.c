#include <stdio.h>

int calls = 0;

int fib(int n) {
    calls++;
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

int main(void) {
    int f = fib(6);
    printf("fib(6) = %d after %d calls\n", f, calls);
    return f;
}
