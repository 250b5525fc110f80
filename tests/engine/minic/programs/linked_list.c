#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

struct node *push(struct node *head, int value) {
    struct node *n = malloc(sizeof(struct node));
    n->value = value;
    n->next = head;
    return n;
}

int main(void) {
    struct node *head = NULL;
    int i;
    for (i = 1; i <= 4; i++)
        head = push(head, i * 10);
    int sum = 0;
    struct node *p;
    for (p = head; p != NULL; p = p->next) {
        printf("%d ", p->value);
        sum += p->value;
    }
    printf("sum %d\n", sum);
    while (head != NULL) {
        struct node *next = head->next;
        free(head);
        head = next;
    }
    return 0;
}
