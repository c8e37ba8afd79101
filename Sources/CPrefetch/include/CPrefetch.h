#ifndef CPREFETCH_H
#define CPREFETCH_H

/// Asks for the cache line holding `address` to be brought in for reading, without waiting for it:
/// unlike a load, a prefetch retires at once, so many can be in flight while the core works on.
static inline void iam_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
