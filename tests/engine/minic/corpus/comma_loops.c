/* The comma operator in for loops and expressions. */
#include <stdio.h>

int main(void) {
    int i, j, sum = 0;
    for (i = 0, j = 10; i < j; i++, j--) sum += j - i;
    printf("sum %d i %d j %d\n", sum, i, j);
    int a = (sum++, sum * 2);
    printf("a %d sum %d\n", a, sum);
    char buf[6];
    int k;
    for (k = 0, i = 'a'; k < 5; k++, i += 2) buf[k] = (char)i;
    buf[k] = '\0';
    printf("%s\n", buf);
    return 0;
}
