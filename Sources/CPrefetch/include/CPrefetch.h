// A cache prefetch hint for Swift, which has no spelling of its own for one: asks for the cache line
// holding `address` without waiting for it (no fault, no effect on results).
#ifndef LEDE_CPREFETCH_H
#define LEDE_CPREFETCH_H

static inline __attribute__((always_inline)) void lede_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
