int main(void) {
    int x = 1;
    x = x + 1 int y;
    return 0;
}
