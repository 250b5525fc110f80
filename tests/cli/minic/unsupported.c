int main(void) {
    switch (1) { }
    return 0;
}
