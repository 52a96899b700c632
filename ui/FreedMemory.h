#pragma once

// Gives back to the system the memory a finished background job freed.
// glibc keeps what a worker thread frees in that thread's arena, for its next
// allocations: after a page's analysis of a million tickets the window would
// go on holding its hundreds of megabytes, and the next page's worker, in
// another arena, would add its own on top. malloc_trim releases the free
// pages of every arena (a few milliseconds).

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace escdesk::ui {

inline void releaseFreedMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

} // namespace escdesk::ui
