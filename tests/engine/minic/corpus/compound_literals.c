/* Compound literals (C99): unnamed structs and arrays written where they are used, passed
   to functions, pointed to, assigned, with designators, and made afresh each time a loop
   reaches them. */
#include <stdio.h>

struct point { int x, y; };
typedef struct { struct point centre; int radius; } Circle;

int sum(const int *values, int n) {
    int total = 0;
    for (int i = 0; i < n; i++) total += values[i];
    return total;
}

int area_box(Circle c) { return 4 * c.radius * c.radius; }

void show(const struct point *p) { printf("(%d, %d)\n", p->x, p->y); }

int main(void) {
    struct point p = (struct point){1, 2};
    show(&p);
    p = (struct point){.y = 7};
    show(&p);
    show(&(struct point){3, 4});
    printf("sum = %d\n", sum((int[]){1, 2, 3, 4, 5}, 5));
    int *squares = (int[10]){0, 1, 4, 9, 16};
    squares[5] = 25;
    printf("squares: %d %d %d (%zu bytes)\n", squares[4], squares[5], squares[9], sizeof((int[10]){0}));
    printf("box area %d\n", area_box((Circle){.radius = 3, .centre = {1, 1}}));
    printf("x of a literal: %d\n", (struct point){5, 6}.x);
    for (int i = 0; i < 3; i++) {
        struct point *c = &(struct point){i, i * i};
        c->x += 100;
        printf("corner %d: (%d, %d)\n", i, c->x, c->y);
    }
    const char **names = (const char *[]){"ann", "bob", "cy", NULL};
    for (int i = 0; names[i] != NULL; i++) printf("%s ", names[i]);
    printf("\n");
    return (int)sizeof((char[]){'a', 'b', 'c'});
}
