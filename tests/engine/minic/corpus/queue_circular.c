/* A circular queue in an array, with enum status codes. */
#include <stdio.h>

#define QSIZE 5

typedef enum { OK, FULL, EMPTY } Status;

typedef struct {
    int data[QSIZE];
    int head, tail, count;
} Queue;

Status enqueue(Queue *q, int x) {
    if (q->count == QSIZE) return FULL;
    q->data[q->tail] = x;
    q->tail = (q->tail + 1) % QSIZE;
    q->count++;
    return OK;
}

Status dequeue(Queue *q, int *x) {
    if (q->count == 0) return EMPTY;
    *x = q->data[q->head];
    q->head = (q->head + 1) % QSIZE;
    q->count--;
    return OK;
}

int main(void) {
    Queue q = {{0}, 0, 0, 0};
    for (int i = 1; i <= 7; i++) {
        if (enqueue(&q, i) == FULL) printf("full, dropped %d\n", i);
    }
    int x;
    for (int round = 0; round < 3; round++) {
        dequeue(&q, &x);
        printf("got %d\n", x);
    }
    enqueue(&q, 100);
    while (dequeue(&q, &x) != EMPTY) printf("%d ", x);
    printf("\n");
    return 0;
}
