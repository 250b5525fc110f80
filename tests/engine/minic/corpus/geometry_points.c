/* Points and polygons with doubles: distances, perimeter, area by the shoelace formula,
   the centroid, and sorting the points by angle around it with qsort. */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

typedef struct { double x, y; } Point;

static Point centre;

double distance(const Point *a, const Point *b) { return hypot(a->x - b->x, a->y - b->y); }

int by_angle(const void *p, const void *q) {
    const Point *a = p, *b = q;
    double ta = atan2(a->y - centre.y, a->x - centre.x);
    double tb = atan2(b->y - centre.y, b->x - centre.x);
    return (ta > tb) - (ta < tb);
}

int main(void) {
    Point pts[] = {{4, 0}, {0, 0}, {4, 3}, {0, 3}, {2, 5}, {-1, 1.5}};
    int n = sizeof pts / sizeof pts[0];
    for (int i = 0; i < n; i++) {
        centre.x += pts[i].x / n;
        centre.y += pts[i].y / n;
    }
    printf("centroid (%.6f, %.6f)\n", centre.x, centre.y);
    qsort(pts, n, sizeof(Point), by_angle);
    double perimeter = 0, area = 0;
    for (int i = 0; i < n; i++) {
        Point a = pts[i], b = pts[(i + 1) % n];
        perimeter += distance(&a, &b);
        area += a.x * b.y - b.x * a.y;
        printf("(%g, %g) angle %.6f\n", a.x, a.y, atan2(a.y - centre.y, a.x - centre.x));
    }
    printf("perimeter %.12f area %.3f\n", perimeter, fabs(area) / 2);
    return 0;
}
