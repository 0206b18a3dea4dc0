//! The process's allocator: mimalloc, asked through its plain entry points
//! where the alignment allows.
//!
//! `mimalloc::MiMalloc` passes every request to `mi_malloc_aligned`, whose
//! checks of the alignment cost about twenty instructions more than
//! `mi_malloc` on each of the ~5 million allocations of a one-job extraction
//! of all Reuters (a third of the time spent allocating, by callgrind). Every
//! mimalloc block is a whole number of machine words from a word-aligned
//! start, so a request aligned to a word or less is served by `mi_malloc`
//! as it is; a larger alignment still goes through the aligned calls.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc, mi_zalloc_aligned,
};

/// The alignment every mimalloc block has.
const WORD: usize = std::mem::size_of::<usize>();

pub struct Mimalloc;

// SAFETY: each call forwards to mimalloc, which meets `GlobalAlloc`'s
// contract for the size and alignment given (an alignment of at most a word is
// met by every block, see above); `dealloc` and `realloc` receive pointers
// that mimalloc returned.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi_malloc(layout.size()) as *mut u8
        } else {
            mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi_zalloc(layout.size()) as *mut u8
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}
