/* A growable vector of ints with realloc. */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    int *data;
    size_t size;
    size_t capacity;
} Vector;

void vector_init(Vector *v) {
    v->data = NULL;
    v->size = v->capacity = 0;
}

int vector_push(Vector *v, int x) {
    if (v->size == v->capacity) {
        size_t cap = v->capacity ? v->capacity * 2 : 2;
        int *grown = realloc(v->data, cap * sizeof(int));
        if (!grown) return 0;
        v->data = grown;
        v->capacity = cap;
        printf("grew to %lu\n", (unsigned long)cap);
    }
    v->data[v->size++] = x;
    return 1;
}

int main(void) {
    Vector v;
    vector_init(&v);
    for (int i = 0; i < 20; i++) vector_push(&v, i * i);
    long sum = 0;
    for (size_t i = 0; i < v.size; i++) sum += v.data[i];
    printf("size %lu sum %ld last %d\n", (unsigned long)v.size, sum, v.data[v.size - 1]);
    free(v.data);
    return 0;
}
