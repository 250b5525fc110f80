/* Layout against gcc on x86-64 (LP64) and i386 (ILP32): sizeof, _Alignof and offsetof of many types,
   and field and element addresses measured from the start of their object. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct a { char c; int i; };
struct b { char c; double d; char e; };
struct c { short s; char c; };
struct d { char c1; long l; char c2; short s; };
struct e { int i; char name[5]; double d; };
struct f { char c; struct a inner; char tail; };
struct g { float f; char c; };
struct h { char c; void *p; int (*fn)(int); };
struct i { int64_t big; int8_t small; uint16_t mid; };
struct j { char c[3]; };
struct k { double d[2]; char c; float f; };
struct l { struct b items[3]; char last; };
struct m { long long ll; char c; };
struct n { unsigned char u; _Bool flag; int x; };
typedef struct { char tag; struct { int x, y; } point; } Tagged;

#define SHOW(T) printf("%-12s size %2lu align %lu\n", #T, (unsigned long)sizeof(T), (unsigned long)_Alignof(T))
#define FIELD(T, F) printf("  %s.%s at %lu\n", #T, #F, (unsigned long)offsetof(T, F))

int main(void) {
    SHOW(char); SHOW(short); SHOW(int); SHOW(long); SHOW(long long); SHOW(float); SHOW(double);
    SHOW(void *); SHOW(size_t); SHOW(_Bool); SHOW(int (*)(int));
    SHOW(struct a); FIELD(struct a, c); FIELD(struct a, i);
    SHOW(struct b); FIELD(struct b, d); FIELD(struct b, e);
    SHOW(struct c); FIELD(struct c, c);
    SHOW(struct d); FIELD(struct d, l); FIELD(struct d, c2); FIELD(struct d, s);
    SHOW(struct e); FIELD(struct e, name); FIELD(struct e, d);
    SHOW(struct f); FIELD(struct f, inner); FIELD(struct f, tail);
    SHOW(struct g); FIELD(struct g, c);
    SHOW(struct h); FIELD(struct h, p); FIELD(struct h, fn);
    SHOW(struct i); FIELD(struct i, small); FIELD(struct i, mid);
    SHOW(struct j);
    SHOW(struct k); FIELD(struct k, c); FIELD(struct k, f);
    SHOW(struct l); FIELD(struct l, last);
    SHOW(struct m); FIELD(struct m, c);
    SHOW(struct n); FIELD(struct n, flag); FIELD(struct n, x);
    SHOW(Tagged); FIELD(Tagged, point); FIELD(Tagged, point.y);
    SHOW(int[7]); SHOW(struct b[4]); SHOW(char[3][5]);
    struct l sample;
    printf("items[2].e at %ld\n", (long)((char *)&sample.items[2].e - (char *)&sample));
    double grid[3][4];
    printf("grid[2][1] at %ld\n", (long)((char *)&grid[2][1] - (char *)grid));
    Tagged t;
    printf("t.point.y at %ld\n", (long)((char *)&t.point.y - (char *)&t));
    return 0;
}
