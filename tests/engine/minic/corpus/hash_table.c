/* A hash table of ints with separate chaining. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

#define BUCKETS 7

typedef struct entry {
    int key;
    int value;
    struct entry *next;
} Entry;

typedef Entry *Bucket;

static Bucket table[BUCKETS];

static uint32_t hash(int key) {
    uint32_t h = (uint32_t)key;
    h ^= h >> 3;
    h *= 2654435761u;
    return h % BUCKETS;
}

void put(int key, int value) {
    uint32_t b = hash(key);
    for (Entry *e = table[b]; e != NULL; e = e->next) {
        if (e->key == key) {
            e->value = value;
            return;
        }
    }
    Entry *e = malloc(sizeof *e);
    e->key = key;
    e->value = value;
    e->next = table[b];
    table[b] = e;
}

int get(int key, int *found) {
    for (Entry *e = table[hash(key)]; e; e = e->next) {
        if (e->key == key) {
            *found = 1;
            return e->value;
        }
    }
    *found = 0;
    return 0;
}

int main(void) {
    for (int i = 0; i < 20; i++) put(i * 7, i);
    put(14, 1000);
    for (int b = 0; b < BUCKETS; b++) {
        int n = 0;
        for (Entry *e = table[b]; e; e = e->next) n++;
        printf("bucket %d: %d entries\n", b, n);
    }
    int found;
    int v = get(14, &found);
    printf("14 -> %d (%d)\n", v, found);
    get(15, &found);
    printf("15 found %d\n", found);
    for (int b = 0; b < BUCKETS; b++) {
        while (table[b]) {
            Entry *next = table[b]->next;
            free(table[b]);
            table[b] = next;
        }
    }
    return 0;
}
