/* A reverse Polish calculator: tokens from standard input with scanf("%31s"), numbers
   parsed with strtol and its end pointer, an array stack, errors on stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEPTH 16

static long stack[DEPTH];
static int top = 0;

static int push(long v) {
    if (top == DEPTH) {
        fprintf(stderr, "stack full\n");
        return 0;
    }
    stack[top++] = v;
    return 1;
}

int main(void) {
    char token[32];
    int line = 0;
    while (scanf("%31s", token) == 1) {
        char *end;
        long v = strtol(token, &end, 0);
        if (*end == '\0') {
            push(v);
            continue;
        }
        if (strcmp(token, "=") == 0) {
            printf("result %d: %ld\n", ++line, top > 0 ? stack[top - 1] : 0L);
            top = 0;
            continue;
        }
        if (top < 2 || strlen(token) != 1 || strchr("+-*/%", token[0]) == NULL) {
            fprintf(stderr, "bad token '%s' with %d value(s) on the stack\n", token, top);
            continue;
        }
        long b = stack[--top], a = stack[--top];
        switch (token[0]) {
            case '+': push(a + b); break;
            case '-': push(a - b); break;
            case '*': push(a * b); break;
            case '/': push(b != 0 ? a / b : 0); break;
            default: push(b != 0 ? a % b : 0); break;
        }
    }
    printf("%d results\n", line);
    return 0;
}
