/* An array of typedef'd structs: averages in integer arithmetic, a best student. */
#include <stdio.h>
#include <string.h>

#define MAX_NAME 16
#define STUDENTS 4
#define SUBJECTS 3

typedef struct {
    char name[MAX_NAME];
    int marks[SUBJECTS];
} Student;

int total(const Student *s) {
    int t = 0;
    for (int i = 0; i < SUBJECTS; i++) t += s->marks[i];
    return t;
}

int main(void) {
    Student class_list[STUDENTS];
    const char *names[STUDENTS] = {"Ada", "Alan", "Grace", "Edsger"};
    int marks[STUDENTS * SUBJECTS] = {90, 85, 77, 60, 75, 88, 95, 92, 99, 70, 65, 80};
    for (int i = 0; i < STUDENTS; i++) {
        strcpy(class_list[i].name, names[i]);
        for (int j = 0; j < SUBJECTS; j++) class_list[i].marks[j] = marks[i * SUBJECTS + j];
    }
    int best = 0;
    for (int i = 0; i < STUDENTS; i++) {
        int t = total(&class_list[i]);
        printf("%-8s total %3d average %d.%d\n", class_list[i].name, t, t / SUBJECTS, (t * 10 / SUBJECTS) % 10);
        if (t > total(&class_list[best])) best = i;
    }
    Student top = class_list[best];
    printf("best: %s (%d)\n", top.name, total(&top));
    return 0;
}
