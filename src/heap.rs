//! The wasm heap: blocks in power-of-two size classes, one free list per class, carved from pages
//! that `memory.grow` adds.
//!
//! Why not std's dlmalloc: it is ~7 KB of the module (3 KB gzip), and the charts allocate mostly
//! short-lived strings and vectors, whose sizes repeat from one render to the next: a freed block
//! is found again at once in its class, so a page that renders the same charts again and again
//! keeps a flat memory. The cost is up to 2× internal slack and no coalescing; the 1,000-cycle
//! end-to-end test watches the memory.
//!
//! Invariants: every block is a power of two of at least 8 bytes, aligned to its size (so it
//! meets the alignment of any layout of its class); a free
//! block stores the address of the next free block of its class in its first word; address 0
//! ends a list (wasm memory below the data segment is never handed out).

/// Smallest block: 8 bytes, room for the free-list link with any alignment up to 8.
const SMALLEST_CLASS_SHIFT: u32 = 3;
/// Classes 2^3 .. 2^31 bytes.
const CLASSES: usize = 29;
/// A wasm page.
pub const PAGE: usize = 65_536;

/// Where fresh memory comes from: `memory.grow` in wasm, an arena in the native tests.
pub trait Pages {
    /// Adds `count` pages; returns the address of the first new byte, or `None` when out of memory.
    fn grow(&mut self, count: usize) -> Option<usize>;
}

pub struct SizeClassHeap<P> {
    free: [usize; CLASSES],
    /// Bump region: `next..end` is fresh memory not yet cut into blocks.
    next: usize,
    end: usize,
    pages: P,
}

/// The class index and block size for a layout, or `None` above the largest class.
fn class_of(size: usize, align: usize) -> Option<(usize, usize)> {
    let block = size
        .max(align)
        .max(1 << SMALLEST_CLASS_SHIFT)
        .checked_next_power_of_two()?;
    let class = (block.trailing_zeros() - SMALLEST_CLASS_SHIFT) as usize;
    (class < CLASSES).then_some((class, block))
}

impl<P: Pages> SizeClassHeap<P> {
    pub const fn new(pages: P) -> Self {
        SizeClassHeap {
            free: [0; CLASSES],
            next: 0,
            end: 0,
            pages,
        }
    }

    /// A block of at least `size` bytes aligned to `align` (a power of two), or null.
    ///
    /// # Safety
    /// The addresses `pages` returns must be writable memory that nothing else uses.
    pub unsafe fn allocate(&mut self, size: usize, align: usize) -> *mut u8 {
        let Some((class, block)) = class_of(size, align) else {
            return core::ptr::null_mut();
        };
        let Some(head) = self.free.get_mut(class) else {
            return core::ptr::null_mut();
        };
        if *head != 0 {
            let reused = *head;
            *head = (reused as *const usize).read();
            return reused as *mut u8;
        }
        // Aligned to its own size, so that any later layout of this class may reuse the block.
        self.carve(block)
            .map_or(core::ptr::null_mut(), |address| address as *mut u8)
    }

    /// A fresh block from the bump region, growing the memory when it runs out.
    fn carve(&mut self, block: usize) -> Option<usize> {
        loop {
            let start = self.next.checked_add(block - 1)? & !(block - 1);
            let stop = start.checked_add(block)?;
            if stop <= self.end {
                self.next = stop;
                return Some(start);
            }
            let wanted = stop.saturating_sub(self.end).max(block).div_ceil(PAGE);
            let added = self.pages.grow(wanted)?;
            if added != self.end {
                // Not contiguous (the first growth): the old tail is abandoned.
                self.next = added;
            }
            self.end = added.checked_add(wanted.checked_mul(PAGE)?)?;
        }
    }

    /// Returns a block to its class.
    ///
    /// # Safety
    /// `address` came from `allocate` with the same `size` and `align`, and is not used again.
    pub unsafe fn release(&mut self, address: *mut u8, size: usize, align: usize) {
        let Some((class, _)) = class_of(size, align) else {
            return;
        };
        if let Some(head) = self.free.get_mut(class) {
            (address as *mut usize).write(*head);
            *head = address as usize;
        }
    }

    /// The block resized: the same block while the class is unchanged, else a copy.
    ///
    /// # Safety
    /// As `release` for the old block.
    pub unsafe fn resize(
        &mut self,
        address: *mut u8,
        old_size: usize,
        align: usize,
        new_size: usize,
    ) -> *mut u8 {
        if class_of(old_size, align) == class_of(new_size, align) {
            return address;
        }
        let moved = self.allocate(new_size, align);
        if !moved.is_null() {
            core::ptr::copy_nonoverlapping(address, moved, old_size.min(new_size));
            self.release(address, old_size, align);
        }
        moved
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{Pages, SizeClassHeap, PAGE};
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;

    pub struct MemoryGrow;

    impl Pages for MemoryGrow {
        fn grow(&mut self, count: usize) -> Option<usize> {
            let previous = core::arch::wasm32::memory_grow(0, count);
            (previous != usize::MAX).then(|| previous * PAGE)
        }
    }

    pub struct WasmHeap(UnsafeCell<SizeClassHeap<MemoryGrow>>);

    // wasm32-unknown-unknown without atomics has one thread: nothing shares the cell.
    unsafe impl Sync for WasmHeap {}

    unsafe impl GlobalAlloc for WasmHeap {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            (*self.0.get()).allocate(layout.size(), layout.align())
        }
        unsafe fn dealloc(&self, address: *mut u8, layout: Layout) {
            (*self.0.get()).release(address, layout.size(), layout.align())
        }
        unsafe fn realloc(&self, address: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            (*self.0.get()).resize(address, layout.size(), layout.align(), new_size)
        }
    }

    #[global_allocator]
    static HEAP: WasmHeap = WasmHeap(UnsafeCell::new(SizeClassHeap::new(MemoryGrow)));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages from one boxed buffer, handed out in order like `memory.grow`.
    struct Arena {
        buffer: Vec<u64>,
        used: usize,
    }

    impl Pages for Arena {
        fn grow(&mut self, count: usize) -> Option<usize> {
            let bytes = count * PAGE;
            if self.used + bytes > self.buffer.len() * 8 {
                return None;
            }
            let at = self.buffer.as_mut_ptr() as usize + self.used;
            self.used += bytes;
            Some(at)
        }
    }

    fn heap(pages: usize) -> SizeClassHeap<Arena> {
        SizeClassHeap::new(Arena {
            buffer: vec![0; pages * PAGE / 8],
            used: 0,
        })
    }

    struct Live {
        address: usize,
        size: usize,
        align: usize,
        fill: u8,
    }

    /// A deterministic mix of allocations, frees and resizes; every live block keeps its bytes.
    fn churn(heap: &mut SizeClassHeap<Arena>, rounds: usize, seed: u64) -> Vec<Live> {
        let mut state = seed;
        let mut random = move |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        let mut live: Vec<Live> = Vec::new();
        for round in 0..rounds {
            let fill = (round % 251) as u8;
            match random(3) {
                0 | 1 => {
                    let largest = if random(10) == 0 { 70_000 } else { 300 };
                    let size = 1 + random(largest);
                    let align = 1 << random(5);
                    let address = unsafe { heap.allocate(size, align) } as usize;
                    assert_ne!(address, 0, "out of memory at round {round}");
                    assert_eq!(address % align, 0, "misaligned");
                    unsafe { core::ptr::write_bytes(address as *mut u8, fill, size) };
                    live.push(Live {
                        address,
                        size,
                        align,
                        fill,
                    });
                }
                _ if !live.is_empty() => {
                    let victim = live.swap_remove(random(live.len()));
                    if random(2) == 0 {
                        unsafe {
                            heap.release(victim.address as *mut u8, victim.size, victim.align)
                        };
                    } else {
                        let size = 1 + random(600);
                        let moved = unsafe {
                            heap.resize(victim.address as *mut u8, victim.size, victim.align, size)
                        } as usize;
                        let kept = victim.size.min(size);
                        let bytes =
                            unsafe { core::slice::from_raw_parts(moved as *const u8, kept) };
                        assert!(bytes.iter().all(|b| *b == victim.fill), "resize lost bytes");
                        unsafe { core::ptr::write_bytes(moved as *mut u8, fill, size) };
                        live.push(Live {
                            address: moved,
                            size,
                            align: victim.align,
                            fill,
                        });
                    }
                }
                _ => {}
            }
        }
        live
    }

    fn assert_intact(live: &[Live]) {
        let mut spans: Vec<(usize, usize)> = live
            .iter()
            .map(|l| (l.address, l.address + l.size))
            .collect();
        spans.sort();
        for pair in spans.windows(2) {
            assert!(pair[0].1 <= pair[1].0, "blocks overlap: {pair:?}");
        }
        for block in live {
            let bytes =
                unsafe { core::slice::from_raw_parts(block.address as *const u8, block.size) };
            assert!(
                bytes.iter().all(|b| *b == block.fill),
                "a live block was overwritten"
            );
        }
    }

    #[test]
    fn blocks_never_overlap_and_keep_their_bytes() {
        for seed in 1..=8 {
            let mut heap = heap(512);
            let live = churn(&mut heap, 4_000, seed);
            assert_intact(&live);
        }
    }

    #[test]
    fn repeating_the_same_work_reuses_memory() {
        let mut heap = heap(512);
        let run = |heap: &mut SizeClassHeap<Arena>| {
            let live = churn(heap, 2_000, 42);
            for block in live {
                unsafe { heap.release(block.address as *mut u8, block.size, block.align) };
            }
        };
        run(&mut heap);
        let after_first = heap.pages.used;
        for _ in 0..20 {
            run(&mut heap);
        }
        assert_eq!(
            heap.pages.used, after_first,
            "memory grew on repeated identical work"
        );
    }

    #[test]
    fn out_of_memory_is_null_not_a_panic() {
        let mut heap = heap(2);
        assert!(unsafe { heap.allocate(3 * PAGE, 8) }.is_null());
        assert!(unsafe { heap.allocate(usize::MAX / 2, 8) }.is_null());
        assert!(!unsafe { heap.allocate(100, 8) }.is_null());
    }

    #[test]
    fn a_resize_within_the_class_keeps_the_block() {
        let mut heap = heap(2);
        let block = unsafe { heap.allocate(40, 8) };
        assert_eq!(unsafe { heap.resize(block, 40, 8, 64) }, block);
        assert_ne!(unsafe { heap.resize(block, 64, 8, 65) }, block);
    }
}
