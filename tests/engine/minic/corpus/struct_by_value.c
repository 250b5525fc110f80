/* Structs passed by value: the callee gets a copy (changing it leaves the caller's alone),
   small and large structs, structs holding arrays, and through a function pointer. */
#include <stdio.h>

typedef struct { double x, y; } Vec;
typedef struct { char name[20]; int scores[5]; double weight; } Entry;

double dot(Vec a, Vec b) { return a.x * b.x + a.y * b.y; }

double length_squared(Vec v) {
    v.x *= v.x;  /* changes the copy only */
    v.y *= v.y;
    return v.x + v.y;
}

int total(Entry e) {
    int sum = 0;
    for (int i = 0; i < 5; i++) sum += e.scores[i];
    e.scores[0] = -1000;
    return sum;
}

void show(Entry e, int (*score)(Entry)) { printf("%s: %d (weight %.2f)\n", e.name, score(e), e.weight); }

int main(void) {
    Vec u = {3, 4}, w = {-2, 0.5};
    printf("dot %.3f, |u|^2 %.3f, u still (%g, %g)\n", dot(u, w), length_squared(u), u.x, u.y);
    Entry e = {"Ada", {9, 8, 10, 7, 9}, 1.25};
    show(e, total);
    printf("first score still %d\n", e.scores[0]);
    Entry list[2] = {{"Ben", {1, 2, 3, 4, 5}, 0.5}, {"Cy", {5, 5, 5, 5, 5}, 2}};
    for (int i = 0; i < 2; i++) show(list[i], total);
    return total(list[1]);
}
