/* A bounded queue in an array, its invariants checked with assert after every change;
   all of them hold, so the program runs to the end. */
#include <assert.h>
#include <stdio.h>

#define SIZE 5

static int items[SIZE];
static int head = 0, count = 0;

static void check(void) {
    assert(count >= 0 && count <= SIZE);
    assert(head >= 0 && head < SIZE);
}

static int put(int v) {
    if (count == SIZE) return 0;
    items[(head + count) % SIZE] = v;
    count++;
    check();
    return 1;
}

static int take(void) {
    assert(count > 0);
    int v = items[head];
    head = (head + 1) % SIZE;
    count--;
    check();
    return v;
}

int main(void) {
    for (int i = 1; i <= 7; i++) printf("put %d: %s\n", i, put(i * 10) ? "ok" : "full");
    for (int i = 0; i < 3; i++) printf("take: %d\n", take());
    for (int i = 8; i <= 9; i++) printf("put %d: %s\n", i, put(i * 10) ? "ok" : "full");
    while (count > 0) printf("take: %d\n", take());
    return 0;
}
