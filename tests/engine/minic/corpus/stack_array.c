/* A fixed-size stack of ints with #define capacity and bool results. */
#include <stdio.h>
#include <stdbool.h>

#define CAPACITY 8

typedef struct {
    int items[CAPACITY];
    int top;
} Stack;

void init(Stack *s) { s->top = -1; }
bool is_empty(const Stack *s) { return s->top == -1; }
bool is_full(const Stack *s) { return s->top == CAPACITY - 1; }

bool push(Stack *s, int x) {
    if (is_full(s)) return false;
    s->items[++s->top] = x;
    return true;
}

bool pop(Stack *s, int *out) {
    if (is_empty(s)) return false;
    *out = s->items[s->top--];
    return true;
}

int main(void) {
    Stack s;
    init(&s);
    int pushed = 0;
    for (int i = 0; i < 10; i++) {
        if (push(&s, i * i)) pushed++;
        else printf("stack full at %d\n", i);
    }
    printf("pushed %d\n", pushed);
    int x;
    while (pop(&s, &x)) printf("%d ", x);
    printf("\nempty: %d\n", is_empty(&s));
    return 0;
}
