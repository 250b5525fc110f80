int main(void) {
    int *p = NULL;
    int x = 5;
    *p = x;
    return 0;
}
