// ThreadSanitizer's annotations for a lock it cannot see into. Weak: in a build without
// -sanitize=thread the runtime is absent, the symbols are null and the calls do nothing.
#ifndef FOLIO_CTHREADSANITIZER_H
#define FOLIO_CTHREADSANITIZER_H

void __tsan_acquire(void *address) __attribute__((weak));
void __tsan_release(void *address) __attribute__((weak));

static inline void folio_tsan_acquire(void *address) { if (__tsan_acquire) __tsan_acquire(address); }
static inline void folio_tsan_release(void *address) { if (__tsan_release) __tsan_release(address); }

#endif
