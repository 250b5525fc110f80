#pragma once
// The MiniC library: the C functions a program may call without defining them, and the
// simulator calls. Each runs against the Host, so every byte it reads or writes is a
// load or store of the simulated machine (strlen of a 5-character string makes 6 loads).
//
//   void *malloc(unsigned long size)           void free(void *p)
//   void *calloc(unsigned long n, unsigned long size)
//   void *realloc(void *p, unsigned long size)
//   void *memset(void *p, int byte, unsigned long n)
//   void *memcpy(void *dst, const void *src, unsigned long n)
//   unsigned long strlen(const char *s)        char *strcpy(char *dst, const char *src)
//   int printf(const char *format, ...)        %d %i %u %ld %lu %lld %x %lx %p %c %s %%, widths %5d %-4s %08x
//   int putchar(int c)                         int puts(const char *s)
//   void exit(int code)
//   int fork(void)      the simulated process forks (copy-on-write); 0 in the child
//   void yield(void)    switch to another process
//   void touch(void *p, unsigned long bytes)   touch every page of a range, in order
#include <cstdint>
#include <span>
#include <string>

#include "memsim/minic/host.hpp"

namespace memsim::minic {

enum class Builtin : std::uint8_t {
    Malloc, Calloc, Realloc, Free, Memset, Memcpy, Strlen, Strcpy, Printf, Putchar, Puts, Exit,
    Fork, Yield, Touch,
};

// How a library function is called. Signature letters: v void, i int, z unsigned long
// (size_t), p any pointer, s char *.
struct BuiltinInfo {
    const char* name;
    Builtin id;
    char returns;          // signature letter of the result
    const char* params;    // one signature letter per parameter
    bool variadic;         // printf: more arguments may follow
};

// Every library function, in a fixed order.
std::span<const BuiltinInfo> builtins();
// The library function named `name`, or nullptr.
const BuiltinInfo* find_builtin(const std::string& name);

// What a library call did.
struct BuiltinOutcome {
    std::uint64_t value = 0;   // the return value
    std::string output{};        // text printed
    Report report;             // a learner error, possibly fatal
    bool exit = false;         // exit() was called; value holds the code
};

// Runs a library function with its (already converted) arguments; `long_size` is 4 or 8
// bytes (for %ld), `pointer_size` likewise (for %p).
BuiltinOutcome run_builtin(Builtin id, std::span<const std::uint64_t> args, Host& host,
                           std::uint32_t long_size, std::uint32_t pointer_size);

}  // namespace memsim::minic
