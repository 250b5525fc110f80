/* A binary search tree: insert, search, in-order walk, height, free. */
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>

typedef struct tree_node {
    int key;
    struct tree_node *left, *right;
} TreeNode;

TreeNode *insert(TreeNode *root, int key) {
    if (root == NULL) {
        TreeNode *n = calloc(1, sizeof(TreeNode));
        n->key = key;
        return n;
    }
    if (key < root->key) root->left = insert(root->left, key);
    else if (key > root->key) root->right = insert(root->right, key);
    return root;
}

bool contains(const TreeNode *root, int key) {
    while (root) {
        if (key == root->key) return true;
        root = key < root->key ? root->left : root->right;
    }
    return false;
}

void inorder(const TreeNode *root) {
    if (!root) return;
    inorder(root->left);
    printf("%d ", root->key);
    inorder(root->right);
}

int height(const TreeNode *root) {
    if (root == NULL) return 0;
    int l = height(root->left), r = height(root->right);
    return 1 + (l > r ? l : r);
}

void destroy(TreeNode *root) {
    if (!root) return;
    destroy(root->left);
    destroy(root->right);
    free(root);
}

int main(void) {
    int keys[] = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65};
    int n = sizeof keys / sizeof keys[0];
    TreeNode *root = NULL;
    for (int i = 0; i < n; i++) root = insert(root, keys[i]);
    inorder(root);
    printf("\nheight %d\n", height(root));
    printf("has 45: %d, has 55: %d\n", contains(root, 45), contains(root, 55));
    destroy(root);
    return 0;
}
