int main(void) {
    goto end;
    return 0;
}
