/* An enum of days with a switch that falls through to group them. */
#include <stdio.h>

typedef enum day { MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY, DAYS } Day;

const char *kind(Day d) {
    const char *k = "?";
    switch (d) {
        case SATURDAY:
        case SUNDAY:
            k = "weekend";
            break;
        case FRIDAY:
            printf("(almost) ");
        case MONDAY:
        case TUESDAY:
        case WEDNESDAY:
        case THURSDAY:
            k = "weekday";
            break;
        default:
            k = "not a day";
    }
    return k;
}

int main(void) {
    enum day d;
    for (d = MONDAY; d < DAYS; d++) printf("%d %s\n", d, kind(d));
    printf("%s\n", kind(DAYS));
    printf("sizeof(Day) = %d\n", (int)sizeof(Day));
    enum { LOW = -1, HIGH = 1 } level = LOW;
    printf("level %d %d\n", level, level < 0);
    return 0;
}
