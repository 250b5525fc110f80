/* A state machine with an enum, a switch and a static tick counter. */
#include <stdio.h>

typedef enum { RED, RED_AMBER, GREEN, AMBER } Light;

static const char *names[] = {"red", "red+amber", "green", "amber"};

Light next_light(Light l) {
    static int ticks = 0;
    ticks++;
    switch (l) {
        case RED: return RED_AMBER;
        case RED_AMBER: return GREEN;
        case GREEN: return ticks % 3 == 0 ? AMBER : GREEN;
        case AMBER: return RED;
    }
    return RED;
}

int main(void) {
    Light l = RED;
    int greens = 0;
    for (int t = 0; t < 12; t++) {
        printf("t=%2d %s\n", t, names[l]);
        if (l == GREEN) greens++;
        l = next_light(l);
    }
    printf("green for %d ticks\n", greens);
    return 0;
}
