/* extern declarations, prototypes before use, file-scope statics, int main(). */
#include <stdio.h>

extern int counter;
extern void bump(int);
static int helper(int x);

int main() {
    bump(3);
    bump(4);
    printf("counter %d helper %d\n", counter, helper(counter));
    return 0;
}

int counter = 10;

void bump(int by) { counter += by; }

static int helper(int x) { return x * 2 + 1; }
