/* NDEBUG defined before <assert.h> turns assert off: the false assertion does nothing. */
#define NDEBUG
#include <assert.h>
#include <stdio.h>

int main(void) {
    int x = 0;
    assert(x > 0);
    printf("still running, x = %d\n", x);
    return 0;
}
