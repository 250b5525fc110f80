/* Bracket matching with a char stack and a switch. */
#include <stdio.h>
#include <stdbool.h>

#define MAX_DEPTH 32

typedef struct {
    char items[MAX_DEPTH];
    int top;
} CharStack;

bool balanced(const char *s) {
    CharStack st = {{0}, 0};
    for (; *s != '\0'; s++) {
        switch (*s) {
            case '(': case '[': case '{':
                if (st.top == MAX_DEPTH) return false;
                st.items[st.top++] = *s;
                break;
            case ')':
                if (st.top == 0 || st.items[--st.top] != '(') return false;
                break;
            case ']':
                if (st.top == 0 || st.items[--st.top] != '[') return false;
                break;
            case '}':
                if (st.top == 0 || st.items[--st.top] != '{') return false;
                break;
            default:
                break;
        }
    }
    return st.top == 0;
}

int main(void) {
    const char *tests[] = {"(a[b]{c})", "((]", "{[()()]}", "(", "", "a)b(", "[{}](){}"};
    int n = (int)(sizeof tests / sizeof tests[0]);
    int ok = 0;
    for (int i = 0; i < n; i++) {
        bool b = balanced(tests[i]);
        ok += b;
        printf("\"%s\" %s\n", tests[i], b ? "balanced" : "not balanced");
    }
    return ok;
}
