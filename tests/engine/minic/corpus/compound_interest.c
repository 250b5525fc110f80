/* Savings: compound interest by pow and by a loop, monthly payments of a loan, and the
   years to double an amount. */
#include <stdio.h>
#include <math.h>

double compound(double principal, double rate, int times_per_year, int years) {
    return principal * pow(1 + rate / times_per_year, (double)times_per_year * years);
}

double payment(double loan, double yearly_rate, int months) {
    double r = yearly_rate / 12;
    return loan * r / (1 - pow(1 + r, -months));
}

int main(void) {
    double principal = 1000;
    int frequencies[] = {1, 4, 12, 365};
    for (int i = 0; i < 4; i++) printf("%3d times a year: %.2f\n", frequencies[i], compound(principal, 0.05, frequencies[i], 10));
    printf("continuous: %.2f\n", principal * exp(0.05 * 10));
    double balance = principal;
    for (int year = 1; year <= 10; year++) balance *= 1.05;
    printf("loop %.10f, pow %.10f\n", balance, compound(principal, 0.05, 1, 10));
    printf("monthly payment on 20000 at 6%% for 60 months: %.2f\n", payment(20000, 0.06, 60));
    double rates[] = {0.01, 0.03, 0.07, 0.10};
    for (int i = 0; i < 4; i++) {
        printf("doubling at %.0f%%: %.3f years (rule of 72: %.1f)\n", rates[i] * 100, log(2) / log(1 + rates[i]), 72 / (rates[i] * 100));
    }
    return (int)ceil(log(2) / log(1.07));
}
