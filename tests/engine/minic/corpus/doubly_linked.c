/* A doubly linked list with a sentinel-free head and tail. */
#include <stdio.h>
#include <stdlib.h>

typedef struct dnode DNode;
struct dnode {
    int value;
    DNode *prev, *next;
};

typedef struct {
    DNode *head, *tail;
    int size;
} List;

void push_back(List *l, int v) {
    DNode *n = malloc(sizeof(DNode));
    n->value = v;
    n->next = NULL;
    n->prev = l->tail;
    if (l->tail) l->tail->next = n;
    else l->head = n;
    l->tail = n;
    l->size++;
}

void remove_node(List *l, DNode *n) {
    if (n->prev) n->prev->next = n->next;
    else l->head = n->next;
    if (n->next) n->next->prev = n->prev;
    else l->tail = n->prev;
    free(n);
    l->size--;
}

int main(void) {
    List l = {NULL, NULL, 0};
    for (int i = 1; i <= 8; i++) push_back(&l, i);
    DNode *n = l.head;
    while (n) {
        DNode *next = n->next;
        if (n->value % 3 == 0) remove_node(&l, n);
        n = next;
    }
    for (n = l.head; n; n = n->next) printf("%d ", n->value);
    printf("| ");
    for (n = l.tail; n; n = n->prev) printf("%d ", n->value);
    printf("| size %d\n", l.size);
    while (l.head) remove_node(&l, l.head);
    return l.size;
}
