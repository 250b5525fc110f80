/* A singly linked list with typedef, push to front, append, reverse and free. */
#include <stdio.h>
#include <stdlib.h>

typedef struct node {
    int value;
    struct node *next;
} Node;

static Node *push(Node *head, int value) {
    Node *n = (Node *)malloc(sizeof(Node));
    if (n == NULL) {
        exit(EXIT_FAILURE);
    }
    n->value = value;
    n->next = head;
    return n;
}

Node *append(Node *head, int value) {
    Node *n = malloc(sizeof *n);
    n->value = value;
    n->next = NULL;
    if (!head) return n;
    Node *p = head;
    while (p->next != NULL) p = p->next;
    p->next = n;
    return head;
}

Node *reverse(Node *head) {
    Node *prev = NULL;
    while (head) {
        Node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

void print_list(const Node *head) {
    for (const Node *p = head; p != NULL; p = p->next) printf("%d -> ", p->value);
    printf("NULL\n");
}

void free_list(Node *head) {
    while (head != NULL) {
        Node *next = head->next;
        free(head);
        head = next;
    }
}

int main(void) {
    Node *list = NULL;
    for (int i = 1; i <= 5; i++) list = push(list, i * 10);
    list = append(list, 99);
    print_list(list);
    list = reverse(list);
    print_list(list);
    free_list(list);
    return 0;
}
