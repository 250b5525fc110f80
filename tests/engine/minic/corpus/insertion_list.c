/* Sorted insertion into a linked list through a pointer-to-pointer typedef. */
#include <stdio.h>
#include <stdlib.h>

typedef struct node *NodePtr;
struct node {
    int key;
    NodePtr next;
};

void insert_sorted(NodePtr *head, int key) {
    NodePtr *link = head;
    while (*link != NULL && (*link)->key < key) link = &(*link)->next;
    NodePtr n = malloc(sizeof(struct node));
    n->key = key;
    n->next = *link;
    *link = n;
}

int remove_key(NodePtr *head, int key) {
    for (NodePtr *link = head; *link; link = &(*link)->next) {
        if ((*link)->key == key) {
            NodePtr dead = *link;
            *link = dead->next;
            free(dead);
            return 1;
        }
    }
    return 0;
}

int main(void) {
    NodePtr head = NULL;
    int keys[] = {42, 7, 19, 3, 88, 19, 56};
    for (int i = 0; i < 7; i++) insert_sorted(&head, keys[i]);
    printf("removed 19: %d, removed 5: %d\n", remove_key(&head, 19), remove_key(&head, 5));
    for (NodePtr p = head; p; p = p->next) printf("%d ", p->key);
    printf("\n");
    while (head) {
        NodePtr next = head->next;
        free(head);
        head = next;
    }
    return 0;
}
