#include <stdlib.h>

/* A list whose head pointer is lost: memcheck counts the head as definitely lost and
   the nodes behind it as indirectly lost. */
struct node {
    int value;
    struct node *next;
};

static void forget(int count) {
    struct node *head = NULL;
    for (int i = 0; i < count; i++) {
        struct node *n = malloc(sizeof(struct node));
        n->value = i;
        n->next = head;
        head = n;
    }
}

int main(void) {
    forget(5);
    forget(2);
    return 0;
}
