/* <math.h> checked value by value against the machine's glibc: every result printed
   with 17 significant digits (enough to tell any two doubles apart). */
#define _DEFAULT_SOURCE /* glibc shows M_PI only then under -std=c99 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define COUNT 24

double inputs[COUNT] = {0.5, 1.0, 2.0, 3.0, 0.1, 10.0, 100.0, 1e-5, 0.75, 1.5, 2.5, 7.0,
                        12.345, 0.999, 1e-300, 1e9, 33.3, 0.3333333333333333, 5e-10, 42.0,
                        -0.5, -2.75, 710.0, 1e6};

void print(const char *name, double x, double y) { printf("%s(%.17g) = %.17g\n", name, x, y); }

int main(void) {
    for (int i = 0; i < COUNT; i++) {
        double x = inputs[i];
        print("exp", x, exp(x));
        print("exp-", -x, exp(-x));
        print("sin", x, sin(x));
        print("cos", x, cos(x));
        print("tan", x, tan(x));
        print("atan", x, atan(x));
        print("sqrt", x, sqrt(x));
        print("floor", x, floor(x));
        print("ceil", x, ceil(x));
        print("round", x, round(x));
        print("trunc", x, trunc(x));
        print("fabs", x, fabs(x));
        if (x > 0) {
            print("log", x, log(x));
            print("log10", x, log10(x));
            print("log2", x, log2(x));
        }
        if (x >= -1 && x <= 1) {
            print("asin", x, asin(x));
            print("acos", x, acos(x));
        }
        printf("pow(%.17g, 1.5) = %.17g\n", x, pow(fabs(x), 1.5));
        printf("pow(%.17g, -3) = %.17g\n", x, pow(x, -3));
        printf("atan2(%.17g, -1.25) = %.17g\n", x, atan2(x, -1.25));
        printf("hypot(%.17g, 3) = %.17g\n", x, hypot(x, 3));
        printf("fmod(%.17g, 0.7) = %.17g\n", x, fmod(x, 0.7));
    }
    /* Angles too large for a few parts of pi/2: reduced with the bits of 2/pi. (Not
       6381956970095103 * 2^797, the double closest to a multiple of pi/2: there glibc's
       reduction keeps too few bits and its cos is 8 ulps from the true value, which
       memsim gives.) */
    double large[] = {1073741824.0, -1073741825.5, 1e10, 123456789012.0, -3e15, 1e22, 9.5e37,
                      1e100, -1e200, 1e300, 1.7976931348623157e308, -8.98846567431158e307, 2.5e-300 * 1e300 * 1e300};
    for (int i = 0; i < (int)(sizeof large / sizeof large[0]); i++) {
        print("sin", large[i], sin(large[i]));
        print("cos", large[i], cos(large[i]));
        print("tan", large[i], tan(large[i]));
    }
    printf("%.17g %.17g %.17g\n", pow(2, 10), pow(10, -2), pow(-2, 3));
    printf("%.17g %.17g %.17g\n", log10(1000), log2(1024), exp(1));
    printf("%.17g %.17g\n", atan2(1, 1) * 4, M_PI);
    printf("%g %g %g %g\n", sqrt(-1.0), log(0), log(-1), HUGE_VAL);
    printf("%g %g %g\n", INFINITY, -INFINITY, NAN);
    printf("%d %d %d\n", isnan(NAN), isinf(INFINITY), isfinite(1.0));
    printf("%.9g %.9g %.9g\n", sqrtf(2.0f), floorf(-1.5f), fabsf(-3.25f));
    printf("%.17g %.17g %.17g\n", atof("3.14159"), atof("  -2.5e3xyz"), atof("abc"));
    char *end;
    const char *text = "12.75 apples";
    double v = strtod(text, &end);
    printf("%.17g then '%s'\n", v, end);
    return 0;
}
