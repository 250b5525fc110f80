/* string.h: copying, joining, comparing, searching and splitting strings. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sign(int v) { return v < 0 ? -1 : v > 0 ? 1 : 0; }

int main(void) {
    char buf[64];
    strcpy(buf, "memory");
    strcat(buf, " management");
    printf("%s (%zu)\n", buf, strlen(buf));
    char small[8];
    strncpy(small, "abcdefghij", sizeof small - 1);
    small[7] = '\0';
    printf("strncpy: %s\n", small);
    char padded[6] = "xxxxx";
    strncpy(padded, "ab", 5);
    printf("padded: %d %d %d %d\n", padded[0], padded[2], padded[3], padded[4]);
    strncat(buf, "!!!???", 3);
    printf("strncat: %s\n", buf);
    const char *words[] = {"apple", "apricot", "banana", "apple", "app", ""};
    for (int i = 0; i < 5; i++) {
        printf("cmp(%s,%s)=%d ncmp3=%d\n", words[i], words[i + 1], sign(strcmp(words[i], words[i + 1])),
               sign(strncmp(words[i], words[i + 1], 3)));
    }
    const char *text = "the quick brown fox jumps over the lazy dog";
    printf("strchr: %s\n", strchr(text, 'q'));
    printf("strrchr: %s\n", strrchr(text, 'o'));
    printf("strchr none: %s\n", strchr(text, 'Z') == NULL ? "NULL" : "found");
    printf("strchr nul at offset %d\n", (int)(strchr(text, '\0') - text));
    printf("strstr: %s\n", strstr(text, "fox"));
    printf("strstr empty: %s\n", strstr(text, "") == text ? "same" : "other");
    printf("strspn: %zu strcspn: %zu\n", strspn("aaabbbccc", "ab"), strcspn(text, "xyz"));
    printf("strpbrk: %s\n", strpbrk(text, "xyz"));
    char csv[] = "name,,age;city, ,zip";
    for (char *t = strtok(csv, ",;"); t != NULL; t = strtok(NULL, ",;")) printf("token <%s>\n", t);
    char *copy = strdup(text);
    copy[3] = '_';
    char *part = strndup(text + 4, 5);
    printf("strdup: %s / strndup: %s (%zu)\n", copy, part, strlen(part));
    free(copy);
    free(part);
    char block[16];
    memset(block, '.', sizeof block);
    block[15] = '\0';
    memcpy(block + 2, "abc", 3);
    printf("memset/memcpy: %s\n", block);
    memmove(block + 4, block + 2, 6);
    printf("memmove right: %s\n", block);
    memmove(block, block + 3, 5);
    printf("memmove left: %s\n", block);
    printf("memcmp: %d %d %d\n", sign(memcmp("abc", "abd", 3)), sign(memcmp("abc", "abd", 2)), sign(memcmp("b", "a", 1)));
    const char *found = memchr(text, 'k', 20);
    printf("memchr: %s\n", found);
    printf("memchr none: %s\n", memchr(text, 'k', 5) == NULL ? "NULL" : "found");
    return 0;
}
