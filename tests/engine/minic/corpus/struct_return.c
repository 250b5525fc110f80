/* Structs and unions returned by value: a constructor function, results assigned,
   used in expressions (make(1, 2).x), passed straight on, returned from a result,
   a struct holding an array (larger than 16 bytes, the hidden return slot on x86-64),
   through a function pointer, in a loop and in recursion. */
#include <stdio.h>
#include <string.h>

struct point { int x, y; };
typedef struct { double re, im; } Complex;
typedef struct { char name[24]; int marks[4]; double average; } Record;
typedef union { int as_int; unsigned char bytes[4]; } Word;
typedef struct point (*Transform)(struct point);

struct point make(int x, int y) {
    struct point p = {x, y};
    return p;
}

struct point add(struct point a, struct point b) { return make(a.x + b.x, a.y + b.y); }

struct point mirror(struct point p) {
    int t = p.x;
    p.x = p.y;
    p.y = t;
    return p;  /* the copy, changed; the caller's stays */
}

struct point shift(struct point p) { p.x += 10; return p; }

Complex multiply(Complex a, Complex b) {
    Complex c;
    c.re = a.re * b.re - a.im * b.im;
    c.im = a.re * b.im + a.im * b.re;
    return c;
}

Complex power(Complex z, int n) {
    if (n == 0) {
        Complex one = {1.0, 0.0};
        return one;
    }
    return multiply(z, power(z, n - 1));
}

Record grade(const char *name, int a, int b, int c, int d) {
    Record r;
    memset(&r, 0, sizeof r);
    strncpy(r.name, name, sizeof r.name - 1);
    r.marks[0] = a; r.marks[1] = b; r.marks[2] = c; r.marks[3] = d;
    r.average = (a + b + c + d) / 4.0;
    return r;
}

Word word_of(int v) {
    Word w;
    w.as_int = v;
    return w;
}

int main(void) {
    struct point p = make(1, 2);
    printf("p = (%d, %d)\n", p.x, p.y);
    p = make(3, 4);
    printf("p = (%d, %d), make(5, 6).x = %d, make(5, 6).y = %d\n", p.x, p.y, make(5, 6).x, make(5, 6).y);
    struct point q = add(p, make(10, 20));
    printf("q = (%d, %d)\n", q.x, q.y);
    struct point m = mirror(q);
    printf("mirror(q) = (%d, %d), q still (%d, %d)\n", m.x, m.y, q.x, q.y);
    printf("sum of mirrored sum: %d\n", mirror(add(p, q)).x + mirror(add(p, q)).y);

    Transform steps[2] = {mirror, shift};
    struct point r = make(1, 0);
    for (int i = 0; i < 5; i++) {
        r = steps[i % 2](r);
        printf("step %d: (%d, %d)\n", i, r.x, r.y);
    }

    Complex z = {0.5, 1.5};
    for (int n = 0; n <= 4; n++) {
        Complex w = power(z, n);
        printf("z^%d = %.4f %+.4fi\n", n, w.re, w.im);
    }

    Record list[3];
    list[0] = grade("Ada", 90, 85, 77, 92);
    list[1] = grade("Grace", 60, 70, 80, 90);
    list[2] = grade("a very long name that is cut", 1, 2, 3, 4);
    for (int i = 0; i < 3; i++) printf("%-24s %3d %6.2f\n", list[i].name, list[i].marks[3], list[i].average);
    printf("sizeof(Record) = %zu, grade(...).marks[1] = %d\n", sizeof(Record), grade("x", 5, 6, 7, 8).marks[1]);

    Word w = word_of(0x01020304);
    printf("bytes %d %d %d %d\n", w.bytes[0], w.bytes[1], w.bytes[2], w.bytes[3]);
    return make(7, 9).y - make(7, 9).x;
}
