int main(void) {
    int i = 0;
    while (1) {
        i++;
    }
    return i;
}
