/* Struct assignment copies every byte; the copies are independent. */
#include <stdio.h>

typedef struct {
    int x, y;
} Point;

struct rect {
    Point corner;
    int width, height;
    char label;
};

int main(void) {
    Point a, b;
    a.x = 3;
    a.y = 4;
    b = a;
    b.x = 10;
    printf("a=(%d,%d) b=(%d,%d)\n", a.x, a.y, b.x, b.y);
    struct rect r1, r2;
    r1.corner = a;
    r1.width = 5;
    r1.height = 6;
    r1.label = 'R';
    r2 = r1;
    r2.corner.y = -1;
    printf("r1 %d %d %d %d %c\n", r1.corner.x, r1.corner.y, r1.width, r1.height, r1.label);
    printf("r2 %d %d %d %d %c\n", r2.corner.x, r2.corner.y, r2.width, r2.height, r2.label);
    Point pts[3];
    pts[0] = a;
    pts[1] = b;
    pts[2] = pts[0] = b;
    Point *pp = &pts[2];
    *pp = a;
    for (int i = 0; i < 3; i++) printf("pts[%d]=(%d,%d)\n", i, pts[i].x, pts[i].y);
    return 0;
}
