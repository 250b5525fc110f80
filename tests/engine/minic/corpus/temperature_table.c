/* A conversion table in floats and doubles: Celsius, Fahrenheit and Kelvin, with the
   float rounding visible in the last column. */
#include <stdio.h>

#define LOWER (-40)
#define UPPER 120
#define STEP 20

float to_fahrenheit(float celsius) { return celsius * 9.0f / 5.0f + 32.0f; }
double to_kelvin(double celsius) { return celsius + 273.15; }

int main(void) {
    printf("%6s %8s %8s %12s\n", "C", "F", "K", "F as double");
    for (int c = LOWER; c <= UPPER; c += STEP) {
        float f = to_fahrenheit((float)c);
        printf("%6d %8.1f %8.2f %12.9f\n", c, f, to_kelvin(c), (double)f);
    }
    float sum = 0;
    for (int i = 0; i < 1000; i++) sum += 0.1f;
    double dsum = 0;
    for (int i = 0; i < 1000; i++) dsum += 0.1;
    printf("1000 x 0.1: float %.9g, double %.17g\n", sum, dsum);
    int rounded = (int)(sum + 0.5f);
    printf("rounded %d, truncated %d, negative truncates toward zero: %d\n", rounded, (int)sum, (int)-2.7);
    return rounded % 256;
}
