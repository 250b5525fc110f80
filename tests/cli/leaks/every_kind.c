#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

struct node *kept;   /* a global: what it reaches is still reachable */
char *inside;        /* points into the middle of a block: possibly lost */

static void build_lost_list(void) {
    struct node *head = NULL;
    for (int i = 0; i < 5; i++) {
        struct node *n = malloc(sizeof(struct node));
        n->value = i;
        n->next = head;
        head = n;
    }
}

static void keep_list(void) {
    for (int i = 0; i < 3; i++) {
        struct node *n = malloc(sizeof(struct node));
        n->value = i;
        n->next = kept;
        kept = n;
    }
}

static void interior(void) {
    char *block = malloc(40);
    inside = block + 8;
}

int main(void) {
    build_lost_list();
    keep_list();
    interior();
    return 0;
}
