/* Statistics of exam marks with doubles: mean, variance by Newton's square root,
   min and max, a histogram, and a grade table. */
#include <stdio.h>

#define N 12

typedef struct {
    const char *name;
    double mark;
} Student;

double mean(const double *xs, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) sum += xs[i];
    return sum / n;
}

double square_root(double x) {
    if (x <= 0) return 0;
    double guess = x > 1 ? x : 1;
    for (int i = 0; i < 60; i++) guess = 0.5 * (guess + x / guess);
    return guess;
}

double variance(const double *xs, int n) {
    double m = mean(xs, n), acc = 0;
    for (int i = 0; i < n; i++) {
        double d = xs[i] - m;
        acc += d * d;
    }
    return acc / (n - 1);
}

char grade(double mark) {
    if (mark >= 85.0) return 'A';
    if (mark >= 70.0) return 'B';
    if (mark >= 55.0) return 'C';
    if (mark >= 40.0) return 'D';
    return 'F';
}

int main(void) {
    Student class_list[N] = {
        {"Ada", 91.5}, {"Ben", 67.25}, {"Cy", 45.0}, {"Dee", 78.75}, {"Eve", 88.0}, {"Fay", 52.5},
        {"Gus", 39.5}, {"Hal", 70.0}, {"Ivy", 99.25}, {"Jo", 61.0}, {"Kit", 84.99}, {"Lu", 55.5},
    };
    double marks[N];
    for (int i = 0; i < N; i++) marks[i] = class_list[i].mark;
    double m = mean(marks, N);
    double sd = square_root(variance(marks, N));
    printf("mean %.4f sd %.4f\n", m, sd);
    printf("mean bits %.17g\n", m);
    double lo = marks[0], hi = marks[0];
    int best = 0;
    for (int i = 1; i < N; i++) {
        if (marks[i] < lo) lo = marks[i];
        if (marks[i] > hi) { hi = marks[i]; best = i; }
    }
    printf("range %.2f .. %.2f, best %s\n", lo, hi, class_list[best].name);
    int histogram[5] = {0};
    for (int i = 0; i < N; i++) {
        int bucket = (int)(marks[i] / 20.0);
        if (bucket > 4) bucket = 4;
        histogram[bucket]++;
    }
    for (int b = 0; b < 5; b++) {
        printf("%3d-%3d: ", b * 20, b * 20 + 19);
        for (int k = 0; k < histogram[b]; k++) putchar('*');
        putchar('\n');
    }
    for (int i = 0; i < N; i++) {
        double z = (marks[i] - m) / sd;
        printf("%-4s %6.2f %c z=%.3f\n", class_list[i].name, marks[i], grade(marks[i]), z);
    }
    float total = 0.0f;
    for (int i = 0; i < N; i++) total += (float)marks[i];
    printf("float total %.9g, double total %.17g\n", total, m * N);
    return best;
}
