/* An enum-driven menu with a switch, fall-through and default. */
#include <stdio.h>

enum command { CMD_ADD = 1, CMD_SUB, CMD_MUL, CMD_RESET = 9, CMD_QUIT = 0 };

int apply(int acc, enum command c, int x) {
    switch (c) {
        case CMD_ADD:
            acc += x;
            break;
        case CMD_SUB:
            acc -= x;
            break;
        case CMD_MUL:
            acc *= x;
            break;
        case CMD_RESET:
            acc = 0;
            break;
        default:
            printf("unknown command %d\n", c);
    }
    return acc;
}

const char *name(int c) {
    switch (c) {
        case CMD_ADD: return "add";
        case CMD_SUB: return "sub";
        case CMD_MUL: return "mul";
        case CMD_RESET: return "reset";
        case CMD_QUIT: return "quit";
    }
    return "?";
}

int main(void) {
    int script[][2] = {{1, 5}, {3, 4}, {2, 3}, {7, 0}, {9, 0}, {1, 42}, {0, 0}};
    int acc = 0;
    for (int i = 0; script[i][0] != CMD_QUIT; i++) {
        acc = apply(acc, script[i][0], script[i][1]);
        printf("%s -> %d\n", name(script[i][0]), acc);
    }
    return 0;
}
