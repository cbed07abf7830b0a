// Atomic operations on plain words of memory, for tables that several threads read and add to at once
// (Swift's `Atomic` lives inside a value; these work on any aligned word of a buffer). On x86-64 the
// acquire loads and release stores are ordinary moves that the compiler may not reorder.
#ifndef LEDE_CATOMICWORDS_H
#define LEDE_CATOMICWORDS_H

#include <stdbool.h>
#include <stdint.h>

static inline __attribute__((always_inline)) uint64_t lede_load_acquire(const uint64_t *word) {
    return __atomic_load_n(word, __ATOMIC_ACQUIRE);
}

static inline __attribute__((always_inline)) void lede_store_release(uint64_t *word, uint64_t value) {
    __atomic_store_n(word, value, __ATOMIC_RELEASE);
}

// Stores `desired` if the word holds `expected`; returns whether it did.
static inline __attribute__((always_inline)) bool lede_compare_exchange(uint64_t *word, uint64_t expected, uint64_t desired) {
    return __atomic_compare_exchange_n(word, &expected, desired, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

// Adds `amount` and returns the value before.
static inline __attribute__((always_inline)) int64_t lede_fetch_add(int64_t *word, int64_t amount) {
    return __atomic_fetch_add(word, amount, __ATOMIC_RELAXED);
}

#endif
