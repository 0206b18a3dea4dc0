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
use std::ffi::{c_int, c_long, c_void};

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

/// `mi_option_purge_delay`, by its place in mimalloc's `mi_option_e`
/// (mimalloc.h of mimalloc 3, the one libmimalloc-sys 0.1.49 builds):
/// milliseconds before freed memory is given back to the OS, -1 for never.
/// (libmimalloc-sys names only some options, not this one.)
const MI_OPTION_PURGE_DELAY: c_int = 15;

extern "C" {
    fn mi_option_set(option: c_int, value: c_long);
}

/// Keeps the memory the process frees for its own later allocations instead
/// of giving it back to the OS, for `extract`: it uses about as much memory
/// from the first document to the last (70 MB on all Reuters-21578), and
/// given back, the same pages were faulted in and zeroed again by the
/// kernel. When the host had huge pages to give, a tenth of the wall time of
/// a one-job extraction of all Reuters was system time, and this took it from
/// 0.11 s to 0.01 s. Not for `build`, whose peak memory (RocksDB's and the
/// bulk loader's batches) grew by a tenth, nor `serve`, which should give back
/// what a large answer took.
pub fn keep_freed_memory() {
    // SAFETY: mimalloc's options may be set at any time; an option's value
    // is read each time it is used.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    extern "C" {
        fn mi_option_get(option: c_int) -> c_long;
    }

    fn option(option: c_int) -> c_long {
        // SAFETY: reads an option, as mimalloc does each time it uses one.
        unsafe { mi_option_get(option) }
    }

    #[test]
    fn keeping_freed_memory_sets_the_purge_delay_and_nothing_else() {
        // mimalloc's default purge delay is a positive number of milliseconds;
        // the options beside it are small flags and counts (0 to 2), so an
        // index gone wrong in a new mimalloc shows here
        let before = option(MI_OPTION_PURGE_DELAY);
        assert!(
            before >= 10,
            "purge delay {before}: is MI_OPTION_PURGE_DELAY still mimalloc's?"
        );
        let around = (option(MI_OPTION_PURGE_DELAY - 1), option(MI_OPTION_PURGE_DELAY + 1));
        keep_freed_memory();
        assert_eq!(option(MI_OPTION_PURGE_DELAY), -1);
        assert_eq!(
            (option(MI_OPTION_PURGE_DELAY - 1), option(MI_OPTION_PURGE_DELAY + 1)),
            around
        );
    }
}
