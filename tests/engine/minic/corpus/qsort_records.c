/* Sorting records with qsort and different comparators, then bsearch; a table of
   operations as an array of function pointers; a callback passed to a helper. */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    int id;
    char grade;
    int score;
} Record;

typedef int (*Compare)(const void *, const void *);
typedef int (*BinaryOp)(int, int);

int by_score(const void *a, const void *b) {
    const Record *x = (const Record *)a, *y = (const Record *)b;
    return x->score - y->score;  /* equal scores keep their order: qsort is stable in glibc */
}

int by_grade_then_id(const void *a, const void *b) {
    const Record *x = a, *y = b;
    if (x->grade != y->grade) return x->grade < y->grade ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

int ints_descending(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (y > x) - (y < x);
}

int ints_ascending(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int add(int a, int b) { return a + b; }
int sub(int a, int b) { return a - b; }
int mul(int a, int b) { return a * b; }
int max_of(int a, int b) { return a > b ? a : b; }

int fold(const int *xs, int n, BinaryOp op, int start) {
    int acc = start;
    for (int i = 0; i < n; i++) acc = op(acc, xs[i]);
    return acc;
}

void show(const Record *r, int n) {
    for (int i = 0; i < n; i++) printf("%d:%c:%d ", r[i].id, r[i].grade, r[i].score);
    printf("\n");
}

static int calls = 0;
int counted(const void *a, const void *b) {
    calls++;
    return ints_ascending(a, b);
}

int main(void) {
    Record records[] = {{1, 'B', 70}, {2, 'A', 91}, {3, 'C', 55}, {4, 'B', 70}, {5, 'A', 88},
                        {6, 'C', 55}, {7, 'B', 73}, {8, 'A', 91}, {9, 'D', 40}, {10, 'B', 70}};
    int n = sizeof records / sizeof records[0];
    qsort(records, n, sizeof(Record), by_score);
    show(records, n);
    Compare cmp = &by_grade_then_id;
    qsort(records, n, sizeof records[0], cmp);
    show(records, n);

    int values[] = {42, 7, 19, 88, -3, 7, 0, 56, 23, 11, 64, -17, 5};
    int count = (int)(sizeof values / sizeof *values);
    qsort(values, count, sizeof(int), ints_descending);
    for (int i = 0; i < count; i++) printf("%d ", values[i]);
    printf("\n");
    qsort(values, count, sizeof(int), counted);
    for (int i = 0; i < count; i++) printf("%d ", values[i]);
    printf("\ncomparisons made: %s\n", calls > 0 ? "some" : "none");

    int keys[] = {23, 24, -17, 88, 6};
    for (int k = 0; k < 5; k++) {
        int *found = bsearch(&keys[k], values, count, sizeof(int), ints_ascending);
        if (found) printf("%d at index %d\n", keys[k], (int)(found - values));
        else printf("%d not found\n", keys[k]);
    }

    BinaryOp ops[4] = {add, sub, mul, max_of};
    const char *names[] = {"add", "sub", "mul", "max"};
    int small[] = {3, 1, 4, 1, 5};
    for (int i = 0; i < 4; i++) printf("%s: %d\n", names[i], fold(small, 5, ops[i], i == 2 ? 1 : 0));
    int (*pick)(int, int) = ops[3];
    printf("%d %d\n", pick(2, 9), (*pick)(12, 9));
    printf("%d\n", ops[0] == add && ops[1] != add && pick != NULL);
    return records[0].id;
}
