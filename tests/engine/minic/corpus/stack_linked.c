/* A linked stack with a prototype that leaves parameter names out. */
#include <stdio.h>
#include <stdlib.h>

struct node {
    int data;
    struct node *next;
};

void push(struct node **, int);
int pop(struct node **);
int size(struct node *);

void push(struct node **top, int data) {
    struct node *n = malloc(sizeof(struct node));
    n->data = data;
    n->next = *top;
    *top = n;
}

int pop(struct node **top) {
    struct node *n = *top;
    int data = n->data;
    *top = n->next;
    free(n);
    return data;
}

int size(struct node *top) {
    int count = 0;
    while (top != NULL) {
        count++;
        top = top->next;
    }
    return count;
}

int main() {
    struct node *top = NULL;
    const char *word = "stack";
    for (int i = 0; word[i] != '\0'; i++) push(&top, word[i]);
    printf("size %d\n", size(top));
    while (top != NULL) putchar(pop(&top));
    putchar('\n');
    return 0;
}
