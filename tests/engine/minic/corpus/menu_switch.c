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
    int commands[] = {1, 3, 2, 7, 9, 1, 0};
    int values[] = {5, 4, 3, 0, 0, 42, 0};
    int acc = 0;
    for (int i = 0; commands[i] != CMD_QUIT; i++) {
        acc = apply(acc, commands[i], values[i]);
        printf("%s -> %d\n", name(commands[i]), acc);
    }
    return 0;
}
