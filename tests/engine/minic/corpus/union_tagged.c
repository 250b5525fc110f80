/* A tagged union for a small expression value, type punning of a float's bits through a
   union (which C99 allows), and a union's size and field offsets. */
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>

enum kind { INT_VALUE, REAL_VALUE, TEXT_VALUE };

typedef struct {
    enum kind kind;
    union {
        int i;
        double r;
        const char *text;
    } as;
} Value;

union bits {
    float f;
    uint32_t u;
    unsigned char bytes[4];
};

union wide { char c; double d; int arr[3]; };

void print_value(const Value *p) {
    const Value v = *p;
    switch (v.kind) {
        case INT_VALUE: printf("int %d\n", v.as.i); break;
        case REAL_VALUE: printf("real %.3f\n", v.as.r); break;
        case TEXT_VALUE: printf("text %s\n", v.as.text); break;
    }
}

int main(void) {
    Value values[3];
    values[0].kind = INT_VALUE;
    values[0].as.i = 42;
    values[1].kind = REAL_VALUE;
    values[1].as.r = 2.718;
    values[2].kind = TEXT_VALUE;
    values[2].as.text = "hello";
    for (int i = 0; i < 3; i++) print_value(&values[i]);
    union bits b;
    b.f = 1.0f;
    printf("1.0f is 0x%x, bytes %u %u %u %u\n", b.u, b.bytes[0], b.bytes[1], b.bytes[2], b.bytes[3]);
    b.u = 0x40490fdb;
    printf("0x40490fdb is %.6f\n", b.f);
    union bits first = {2.5f};
    printf("first member initialised: 0x%x\n", first.u);
    printf("sizes %lu %lu %lu\n", (unsigned long)sizeof(Value), (unsigned long)sizeof(union bits), (unsigned long)sizeof(union wide));
    printf("offsets %lu %lu\n", (unsigned long)offsetof(Value, as), (unsigned long)offsetof(union wide, arr));
    union wide w;
    w.d = 0.0;
    w.c = 'x';
    printf("%d %d\n", w.arr[0] & 0xff, (int)_Alignof(union wide));
    return values[0].as.i;
}
