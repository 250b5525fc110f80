/* Nested initializer lists: matrices, arrays of structs, structs with arrays and strings. */
#include <stdio.h>

#define N 3

typedef struct {
    int x, y;
} Point;

typedef struct {
    char name[8];
    int scores[3];
    Point where;
} Player;

int identity[N][N] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
Point corners[] = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
char words[][6] = {"alpha", "beta", "gamma"};

int main(void) {
    int m[2][N] = {{1, 2}, {4}};
    Player team[2] = {{"ann", {3, 4, 5}, {1, 2}}, {"bob", {9}, {7, 8}}};
    int sparse[2][2][2] = {{{1}, {2, 3}}, {{4}}};
    for (int i = 0; i < 2; i++) {
        for (int j = 0; j < N; j++) printf("%d ", m[i][j] + identity[i][j]);
        printf("\n");
    }
    printf("%d corners, last (%d,%d)\n", (int)(sizeof corners / sizeof corners[0]), corners[3].x, corners[3].y);
    for (int i = 0; i < 2; i++)
        printf("%s %d %d %d at (%d,%d)\n", team[i].name, team[i].scores[0], team[i].scores[1], team[i].scores[2],
               team[i].where.x, team[i].where.y);
    for (int i = 0; i < 3; i++) printf("%s ", words[i]);
    printf("\n");
    int sum = 0;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++) sum = sum * 10 + sparse[i][j][k];
    printf("%d\n", sum);
    return 0;
}
