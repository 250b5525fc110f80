/* A bank account struct with deposits, withdrawals and monthly interest in doubles,
   transactions applied through a table of function pointers. */
#include <stdio.h>

typedef struct {
    int number;
    char owner[16];
    double balance;
    int transactions;
} Account;

typedef int (*Operation)(Account *, double);

int deposit(Account *a, double amount) {
    if (amount <= 0) return 0;
    a->balance += amount;
    a->transactions++;
    return 1;
}

int withdraw(Account *a, double amount) {
    if (amount <= 0 || amount > a->balance) return 0;
    a->balance -= amount;
    a->transactions++;
    return 1;
}

int add_interest(Account *a, double yearly_rate) {
    a->balance *= 1.0 + yearly_rate / 12.0;
    return 1;
}

void report(const Account *a) {
    printf("#%d %-8s balance %10.2f after %d transactions\n", a->number, a->owner, a->balance, a->transactions);
}

int main(void) {
    Account accounts[2] = {{1001, "Ada", 250.0, 0}, {1002, "Grace", 1200.50, 0}};
    Operation ops[] = {deposit, withdraw, add_interest};
    const char *names[] = {"deposit", "withdraw", "interest"};
    struct { int account; int op; double amount; } script[] = {
        {0, 0, 100.25}, {1, 1, 300.0}, {0, 1, 500.0}, {1, 0, -5.0}, {0, 2, 0.05}, {1, 2, 0.05}, {0, 1, 49.99},
    };
    int n = sizeof script / sizeof script[0];
    for (int i = 0; i < n; i++) {
        Account *a = &accounts[script[i].account];
        int ok = ops[script[i].op](a, script[i].amount);
        printf("%-8s %8.2f on #%d: %s\n", names[script[i].op], script[i].amount, a->number, ok ? "done" : "refused");
    }
    for (int i = 0; i < 2; i++) report(&accounts[i]);
    double total = accounts[0].balance + accounts[1].balance;
    printf("total %.2f, in cents %ld\n", total, (long)(total * 100 + 0.5));
    return accounts[0].transactions + accounts[1].transactions;
}
