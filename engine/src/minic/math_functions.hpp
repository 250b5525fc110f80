#pragma once
// Internal to the MiniC library (not installed): <math.h>'s transcendental functions,
// computed by memsim itself so that a program gets the same bits natively and in WASM
// (the host's libm differs between glibc and musl). Each works in double-double
// arithmetic (about 106 bits) and rounds once at the end, so results are correctly
// rounded in all but the rarest cases: the same as glibc's, which rounds correctly for
// exp, log, pow, sin, cos and most of the rest. Special values (NaN, infinities, domain
// errors) follow C99 Annex F and glibc on x86-64 (a domain error gives -nan). Where
// glibc 2.36 is not correctly rounded (log10, hypot), memsim follows glibc's method.
namespace memsim::minic::math {

double exp(double x);
double log(double x);
double log10(double x);
double log2(double x);
double pow(double x, double y);
double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double atan2(double y, double x);
double hypot(double x, double y);

}  // namespace memsim::minic::math
