#include <stdlib.h>

/* A tree kept by a global (still reachable), a block freed, a block only a freed block
   pointed to (definitely lost), and a doubly linked pair lost together (one definitely,
   one indirectly lost). */
struct tree {
    int key;
    struct tree *left;
    struct tree *right;
};

struct pair {
    struct pair *other;
};

struct tree *root;

static struct tree *insert(struct tree *t, int key) {
    if (t == NULL) {
        t = malloc(sizeof(struct tree));
        t->key = key;
        t->left = NULL;
        t->right = NULL;
        return t;
    }
    if (key < t->key) t->left = insert(t->left, key);
    else t->right = insert(t->right, key);
    return t;
}

static void lose_pair(void) {
    struct pair *a = malloc(sizeof(struct pair));
    struct pair *b = malloc(sizeof(struct pair));
    a->other = b;
    b->other = a;
}

static void lose_behind_freed(void) {
    struct pair *holder = malloc(sizeof(struct pair));
    holder->other = malloc(sizeof(struct pair));
    holder->other->other = NULL;
    free(holder);
}

int main(void) {
    int keys[5] = {4, 2, 6, 1, 3};
    for (int i = 0; i < 5; i++) root = insert(root, keys[i]);
    lose_pair();
    lose_behind_freed();
    return 0;
}
