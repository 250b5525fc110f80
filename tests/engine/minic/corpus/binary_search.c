/* Iterative and recursive binary search on a sorted array. */
#include <stdio.h>

#define LEN(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define NOT_FOUND (-1)

int search(const int *a, int n, int key) {
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] == key) return mid;
        if (a[mid] < key) lo = mid + 1;
        else hi = mid - 1;
    }
    return NOT_FOUND;
}

int search_rec(const int *a, int lo, int hi, int key) {
    if (lo > hi) return NOT_FOUND;
    int mid = (lo + hi) / 2;
    if (a[mid] == key) return mid;
    return a[mid] < key ? search_rec(a, mid + 1, hi, key) : search_rec(a, lo, mid - 1, key);
}

int main(void) {
    int sorted[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31};
    int keys[] = {2, 31, 13, 4, 30, 0};
    for (int i = 0; i < LEN(keys); i++) {
        printf("%d: %d %d\n", keys[i], search(sorted, LEN(sorted), keys[i]),
               search_rec(sorted, 0, LEN(sorted) - 1, keys[i]));
    }
    return 0;
}
