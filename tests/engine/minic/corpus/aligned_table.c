/* A table whose column widths are measured first with snprintf(NULL, 0, ...) and then
   used with printf's '*' width and precision. */
#include <stdio.h>
#include <string.h>

struct item {
    const char *name;
    int quantity;
    long cents;
};

int main(void) {
    struct item items[] = {{"bolts", 120, 1999}, {"washers (steel)", 4, 25}, {"nuts", 987654, 123456789}, {"", 0, 0}};
    int n = 4, name_w = 4, qty_w = 3, price_w = 5;
    for (int i = 0; i < n; i++) {
        int w = snprintf(NULL, 0, "%s", items[i].name);
        if (w > name_w) name_w = w;
        w = snprintf(NULL, 0, "%d", items[i].quantity);
        if (w > qty_w) qty_w = w;
        w = snprintf(NULL, 0, "%ld.%02ld", items[i].cents / 100, items[i].cents % 100);
        if (w > price_w) price_w = w;
    }
    printf("%-*s | %*s | %*s\n", name_w, "item", qty_w, "qty", price_w, "price");
    char rule[64];
    memset(rule, '-', sizeof rule);
    printf("%.*s-+-%.*s-+-%.*s\n", name_w, rule, qty_w, rule, price_w, rule);
    for (int i = 0; i < n; i++) {
        printf("%-*s | %*d | %*ld.%02ld\n", name_w, items[i].name[0] ? items[i].name : "(none)", qty_w, items[i].quantity,
               price_w - 3, items[i].cents / 100, items[i].cents % 100);
    }
    printf("[%*s][%-*s][%.*s][%*.*s]\n", -6, "ab", -6, "cd", 0, "gone", 8, 2, "xyz");
    return 0;
}
