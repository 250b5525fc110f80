/* Designated initializers (C99): fields by name in any order, array elements by index,
   nested designators, sizes taken from the highest index, later values overriding earlier
   ones, and the rest zero, in locals and globals. */
#include <stdio.h>

struct point { int x, y; };
struct rect { struct point min, max; char label[8]; };
typedef struct { const char *name; int price; int stock; } Item;
enum colour { RED, GREEN, BLUE, COLOURS };

static const char *colour_names[COLOURS] = {[BLUE] = "blue", [RED] = "red", [GREEN] = "green"};
int primes[] = {[0] = 2, [1] = 3, [4] = 11, [2] = 5, 7};
struct rect unit = {.max = {1, 1}, .label = "unit"};
int days_in[13] = {[1] = 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

int main(void) {
    struct point p = {.y = 2, .x = 1};
    struct point only_y = {.y = 5};
    int a[10] = {[3] = 7, [7] = 1, 2};
    int sized[] = {[5] = 50};
    struct rect r = {.min.x = -1, .min.y = -2, .max = {.y = 9, .x = 8}, .label = "box"};
    struct rect over = {.min = {1, 2}, .min.y = 20};
    Item shop[] = {
        [2] = {.name = "pear", .price = 40},
        [0] = {"apple", 30, 12},
        {.stock = 5, .name = "plum"},
    };
    int grid[3][3] = {[1][1] = 5, [2] = {7, 8}, [0][2] = 1};
    char word[6] = {[4] = 'o', [0] = 'h', 'e', 'l', 'l'};

    printf("p = (%d, %d), only_y = (%d, %d)\n", p.x, p.y, only_y.x, only_y.y);
    for (int i = 0; i < 10; i++) printf("%d ", a[i]);
    printf("\nsized has %zu elements, last %d\n", sizeof sized / sizeof sized[0], sized[5]);
    printf("r: (%d, %d)-(%d, %d) %s\n", r.min.x, r.min.y, r.max.x, r.max.y, r.label);
    printf("over: (%d, %d)-(%d, %d) [%s]\n", over.min.x, over.min.y, over.max.x, over.max.y, over.label);
    for (size_t i = 0; i < sizeof shop / sizeof shop[0]; i++) {
        printf("%zu: %-6s %3d %3d\n", i, shop[i].name ? shop[i].name : "(none)", shop[i].price, shop[i].stock);
    }
    for (int i = 0; i < 3; i++) printf("%d %d %d\n", grid[i][0], grid[i][1], grid[i][2]);
    printf("word = %s\n", word);
    for (int c = RED; c < COLOURS; c++) printf("colour %d is %s\n", c, colour_names[c]);
    printf("primes (%zu):", sizeof primes / sizeof primes[0]);
    for (size_t i = 0; i < sizeof primes / sizeof primes[0]; i++) printf(" %d", primes[i]);
    printf("\nunit: (%d, %d)-(%d, %d) %s\n", unit.min.x, unit.min.y, unit.max.x, unit.max.y, unit.label);
    int total = 0;
    for (int m = 1; m <= 12; m++) total += days_in[m];
    printf("days in a year: %d\n", total);
    return a[3] + a[8];
}
