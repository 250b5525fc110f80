/* Bubble, selection and insertion sort on copies of one array. */
#include <stdio.h>
#include <string.h>

#define N 10

typedef int Array[N];

void swap(int *a, int *b) {
    int t = *a;
    *a = *b;
    *b = t;
}

void bubble(int *a, int n) {
    for (int i = 0; i < n - 1; i++)
        for (int j = 0; j < n - 1 - i; j++)
            if (a[j] > a[j + 1]) swap(&a[j], &a[j + 1]);
}

void selection(int a[], int n) {
    for (int i = 0; i < n - 1; i++) {
        int min = i;
        for (int j = i + 1; j < n; j++)
            if (a[j] < a[min]) min = j;
        swap(&a[i], &a[min]);
    }
}

void insertion(int a[], int n) {
    for (int i = 1; i < n; i++) {
        int key = a[i], j;
        for (j = i - 1; j >= 0 && a[j] > key; j--) a[j + 1] = a[j];
        a[j + 1] = key;
    }
}

void print(const char *name, const int *a) {
    printf("%-10s", name);
    for (int i = 0; i < N; i++) printf(" %d", a[i]);
    printf("\n");
}

int main(void) {
    Array data = {42, 7, -3, 19, 0, 88, 7, 25, -10, 3};
    Array a;
    memcpy(a, data, sizeof a);
    bubble(a, N);
    print("bubble", a);
    memcpy(a, data, sizeof(Array));
    selection(a, N);
    print("selection", a);
    memcpy(a, data, N * sizeof(int));
    insertion(a, N);
    print("insertion", a);
    print("original", data);
    return 0;
}
