/* Static locals keep their value between calls; a static global counts too. */
#include <stdio.h>

static int total_calls = 0;

int next_id(void) {
    static int id = 100;
    total_calls++;
    return id++;
}

int count(void) {
    static int id;  /* another 'id', in .bss, starts at 0 */
    total_calls++;
    return ++id;
}

int main(void) {
    for (int i = 0; i < 3; i++) printf("id %d\n", next_id());
    for (int i = 0; i < 4; i++) printf("count %d\n", count());
    printf("calls %d\n", total_calls);
    return total_calls;
}
