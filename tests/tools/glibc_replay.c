/* glibc_replay: replays a malloc-lab .rep trace through the machine's real malloc and
 * prints, for each op, where the pointer landed, measured from the program break before
 * the first call. It is the oracle the glibc model is checked against.
 *
 *   glibc_replay TRACE.rep      a first line, then one line per op:
 *     "mmap-base 0xR"     the mmap base modulo 2 MiB (the kernel aligns mappings of whole
 *                         2 MiB pages to 2 MiB, so offsets from the base depend on it)
 *     "ID OFFSET USABLE"  a (malloc), r (realloc), c (calloc(1, n)): hex offset from the
 *                         initial break, or "mmap-0xD" for a mapped chunk D bytes below the
 *                         mmap base, or "null"
 *     "ID -"              f (free)
 *
 * The mmap base: every gap between the mappings already in the upper address space (the
 * libraries, the vdso, this driver's own scratch areas) is filled with a PROT_NONE
 * reservation first, so the kernel's top-down search puts each new mapping below the lowest
 * of them or in a gap the replay's own munmaps left: the lowest one's start is the base,
 * and offsets below it repeat from run to run, with or without ASLR.
 *   exit 0; 2 on a malformed trace; 77 when the C library is not glibc 2.36. A trace that
 *   frees twice makes glibc abort with its message on stderr (set LIBC_FATAL_STDERR_=1).
 *
 * Nothing here may allocate before or during the replay, or the offsets would be ours
 * rather than the trace's: input comes through open/read into an anonymous mapping,
 * output goes through write(), and numbers are formatted by hand. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <gnu/libc-version.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void put(const char *text) { (void)!write(1, text, strlen(text)); }

static int fail(const char *why) {
    (void)!write(2, "glibc_replay: ", 14);
    (void)!write(2, why, strlen(why));
    (void)!write(2, "\n", 1);
    return 2;
}

/* A page-backed scratch area: mmap never touches the malloc arena. */
static void *area(size_t bytes) {
    void *p = mmap(NULL, bytes ? bytes : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

static uint64_t parse_hex(const char **s, const char *end) {
    uint64_t v = 0;
    for (; *s < end; ++*s) {
        const char c = **s;
        if (c >= '0' && c <= '9') v = v * 16 + (uint64_t)(c - '0');
        else if (c >= 'a' && c <= 'f') v = v * 16 + (uint64_t)(c - 'a' + 10);
        else break;
    }
    return v;
}

/* Fills the gaps between the mappings at or above 0x700000000000 (x86-64's mmap area)
 * and below the stack; returns the lowest one's start (the mmap base), 0 on failure.
 * /proc/self/maps lists mappings in address order. */
static uint64_t settle_mmap_base(char *buffer, size_t size) {
    int fd = open("/proc/self/maps", O_RDONLY);
    if (fd < 0) return 0;
    size_t length = 0;
    for (ssize_t n; length < size && (n = read(fd, buffer + length, size - length)) > 0;) length += (size_t)n;
    close(fd);
    if (length == size) return 0;
    uint64_t base = 0, previous_end = 0;
    for (const char *s = buffer, *end = buffer + length; s < end;) {
        const uint64_t start = parse_hex(&s, end);
        ++s; /* '-' */
        const uint64_t stop = parse_hex(&s, end);
        const char *line_end = memchr(s, '\n', (size_t)(end - s));
        if (!line_end) line_end = end;
        const int is_stack = memmem(s, (size_t)(line_end - s), "[stack]", 7) != NULL;
        s = line_end + 1;
        if (is_stack) break;
        if (start < 0x700000000000ull) continue;
        if (!base) base = start;
        if (previous_end && start > previous_end &&
            mmap((void *)previous_end, start - previous_end, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0) != (void *)previous_end)
            return 0;
        previous_end = stop;
    }
    return base;
}

static const char *skip_space(const char *s, const char *end) {
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) ++s;
    return s;
}

static const char *number(const char *s, const char *end, uint64_t *out) {
    s = skip_space(s, end);
    if (s == end || *s < '0' || *s > '9') return NULL;
    uint64_t v = 0;
    while (s < end && *s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s++ - '0');
    *out = v;
    return s;
}

static char *format_hex(char *at, uint64_t v) {
    char digits[17];
    int n = 0;
    do digits[n++] = "0123456789abcdef"[v & 15]; while ((v >>= 4) != 0);
    *at++ = '0';
    *at++ = 'x';
    while (n > 0) *at++ = digits[--n];
    return at;
}

static char *format_dec(char *at, uint64_t v) {
    char digits[21];
    int n = 0;
    do digits[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
    while (n > 0) *at++ = digits[--n];
    return at;
}

int main(int argc, char **argv) {
    if (strcmp(gnu_get_libc_version(), "2.36") != 0) {
        put("skip: the C library is glibc ");
        put(gnu_get_libc_version());
        put(", the model is of glibc 2.36\n");
        return 77;
    }
    if (argc != 2) return fail("usage: glibc_replay TRACE.rep");
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) return fail("cannot open the trace");
    size_t length = (size_t)st.st_size;
    char *text = area(length);
    if (!text) return fail("out of memory reading the trace");
    for (size_t got = 0; got < length;) {
        ssize_t n = read(fd, text + got, length - got);
        if (n <= 0) return fail("cannot read the trace");
        got += (size_t)n;
    }
    close(fd);
    const char *s = text, *end = text + length;
    uint64_t heap_hint, ids, ops, weight;
    if (!(s = number(s, end, &heap_hint)) || !(s = number(s, end, &ids)) || !(s = number(s, end, &ops)) ||
        !(s = number(s, end, &weight)))
        return fail("the header needs four numbers: heap size, ids, ops, weight");
    void **ptrs = area(ids * sizeof(void *));
    char *out = area(ops * 48 + 64);
    if (!ptrs || !out) return fail("out of memory for the trace's ids");
    char *maps = area(1 << 20);
    const uint64_t mmap_base = maps ? settle_mmap_base(maps, 1 << 20) : 0;
    if (!mmap_base) return fail("cannot read /proc/self/maps to settle the mmap base");
    char *o = out;
    memcpy(o, "mmap-base ", 10), o += 10;
    o = format_hex(o, mmap_base & ((2u << 20) - 1));
    *o++ = '\n';
    uintptr_t start = (uintptr_t)sbrk(0);
    for (uint64_t i = 0; i < ops; ++i) {
        s = skip_space(s, end);
        if (s == end) return fail("fewer ops than the header says");
        char op = *s++;
        uint64_t id, size = 0;
        if (!(s = number(s, end, &id)) || id >= ids) return fail("an op needs an id below the header's count");
        if (op != 'f' && !(s = number(s, end, &size))) return fail("a, r and c need a size");
        void *p = NULL;
        switch (op) {
            case 'a': p = ptrs[id] = malloc(size); break;
            case 'r': p = ptrs[id] = realloc(ptrs[id], size); break;
            case 'c': p = ptrs[id] = calloc(1, size); break;
            case 'f': free(ptrs[id]); break;  /* kept: a second free is a double free */
            default: return fail("an op is one of a, r, c, f");
        }
        o = format_dec(o, id);
        *o++ = ' ';
        if (op == 'f') {
            *o++ = '-';
        } else if (!p) {
            memcpy(o, "null", 4), o += 4;
        } else {
            const size_t *header_word = (const size_t *)((uintptr_t)p - sizeof(size_t));
            size_t header = *header_word;
            if (header & 2) memcpy(o, "mmap-", 5), o = format_hex(o + 5, mmap_base - ((uint64_t)(uintptr_t)p - 16));
            else o = format_hex(o, (uint64_t)((uintptr_t)p - start));
            *o++ = ' ';
            o = format_dec(o, malloc_usable_size(p));
        }
        *o++ = '\n';
    }
    (void)!write(1, out, (size_t)(o - out));
    return 0;
}
