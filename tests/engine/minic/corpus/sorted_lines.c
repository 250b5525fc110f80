/* Lines from standard input kept in a sorted linked list: fgets, strcspn to cut the
   newline, strdup for each copy, strcmp for the order, and everything freed at the end. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
    char *text;
    struct node *next;
};

static struct node *insert(struct node *head, const char *text) {
    struct node *n = malloc(sizeof *n);
    n->text = strdup(text);
    struct node **link = &head;
    while (*link != NULL && strcmp((*link)->text, text) < 0) link = &(*link)->next;
    n->next = *link;
    *link = n;
    return head;
}

int main(void) {
    char line[64];
    struct node *head = NULL;
    int count = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0') continue;
        head = insert(head, line);
        count++;
    }
    printf("%d lines, sorted:\n", count);
    int i = 0;
    while (head != NULL) {
        struct node *next = head->next;
        printf("%2d. %-12s (%zu)\n", ++i, head->text, strlen(head->text));
        free(head->text);
        free(head);
        head = next;
    }
    return 0;
}
