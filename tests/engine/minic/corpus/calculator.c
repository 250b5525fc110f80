/* A switch over operator characters, with fall-through and exit codes. */
#include <stdio.h>
#include <stdlib.h>

int calc(int a, char op, int b, int *error) {
    *error = 0;
    switch (op) {
        case '+': return a + b;
        case '-': return a - b;
        case 'x':
        case '*': return a * b;
        case '/':
            if (b == 0) {
                *error = 1;
                return 0;
            }
            return a / b;
        case '%':
            if (b == 0) break;
            return a % b;
    }
    *error = 2;
    return 0;
}

int main(void) {
    const char ops[] = "+-*x/%/?";
    int errors = 0;
    for (int i = 0; ops[i]; i++) {
        int err;
        int b = ops[i] == '/' && i > 5 ? 0 : 4;
        int r = calc(17, ops[i], b, &err);
        if (err) {
            printf("17 %c %d: error %d\n", ops[i], b, err);
            errors++;
        } else {
            printf("17 %c %d = %d\n", ops[i], b, r);
        }
    }
    if (errors > 0) exit(errors);
    return EXIT_SUCCESS;
}
