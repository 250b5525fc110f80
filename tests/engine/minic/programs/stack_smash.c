void fill(void) {
    int a[2];
    int i;
    for (i = 0; i < 4; i++)
        a[i] = 0;
}

int main(void) {
    fill();
    return 0;
}
