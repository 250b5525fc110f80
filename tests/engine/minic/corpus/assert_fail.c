/* assert: a false condition prints glibc's message on stderr and aborts (exit status 134). */
#include <assert.h>
#include <stdio.h>

static int average(const int *values, int count) {
    assert(values != NULL);
    assert(count > 0);
    int sum = 0;
    for (int i = 0; i < count; i++) sum += values[i];
    return sum / count;
}

int main(void) {
    int marks[] = {70, 80, 90};
    /* stderr is unbuffered, so these lines are there even though abort() follows */
    fprintf(stderr, "average of 3: %d\n", average(marks, 3));
    fprintf(stderr, "average of 0:\n");
    fprintf(stderr, "%d\n", average(marks, 0));
    return 0;
}
