/* A linked queue with front and rear pointers. */
#include <stdio.h>
#include <stdlib.h>

typedef struct qnode {
    int value;
    struct qnode *next;
} QNode;

typedef struct {
    QNode *front;
    QNode *rear;
    int length;
} Queue;

Queue *queue_new(void) {
    Queue *q = malloc(sizeof(Queue));
    q->front = q->rear = NULL;
    q->length = 0;
    return q;
}

void enqueue(Queue *q, int value) {
    QNode *n = malloc(sizeof(QNode));
    n->value = value;
    n->next = NULL;
    if (q->rear == NULL) {
        q->front = q->rear = n;
    } else {
        q->rear->next = n;
        q->rear = n;
    }
    q->length++;
}

int dequeue(Queue *q) {
    QNode *n = q->front;
    int v = n->value;
    q->front = n->next;
    if (q->front == NULL) q->rear = NULL;
    free(n);
    q->length--;
    return v;
}

int main(void) {
    Queue *q = queue_new();
    for (int i = 0; i < 6; i++) enqueue(q, i * 3);
    printf("length %d\n", q->length);
    int sum = 0;
    while (q->length > 0) sum += dequeue(q);
    printf("sum %d\n", sum);
    free(q);
    return 0;
}
