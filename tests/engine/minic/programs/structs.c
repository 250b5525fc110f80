#include <stdio.h>

struct point {
    char tag;
    int x;
    long y;
};

struct box {
    struct point corner;
    int width;
};

int main(void) {
    struct box b;
    struct box *pb = &b;
    pb->corner.tag = 'A';
    pb->corner.x = 3;
    b.corner.y = 4;
    pb->width = 10;
    struct box copy = b;
    copy.width = 20;
    printf("%c %d %ld %d %d\n", copy.corner.tag, copy.corner.x, copy.corner.y, b.width, copy.width);
    printf("%lu %lu\n", sizeof(struct point), sizeof b);
    return 0;
}
