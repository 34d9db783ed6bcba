//! `FirstSeen`: where each key was first seen, in one pass over a list, to name repeats (two
//! observations of one year and kind) with both positions.
//!
//! An open-addressing table of fixed size, hashed by FNV-1a: in its place std's `HashMap`
//! (hashbrown, SipHash with random keys) cost 1.6 KB more gzip in the wasm, and 0.85 KB with an
//! FNV hasher (ARCHITECTURE.md, "Hand-written or crate").

use std::hash::{Hash, Hasher};

pub struct FirstSeen<K> {
    /// Linear probing, at most half full: a free slot ends every search.
    slots: Vec<Option<(K, usize)>>,
}

impl<K: Hash + Eq> FirstSeen<K> {
    /// A table for up to `keys` keys; more are not recorded (and never reported as repeats).
    pub fn with_capacity(keys: usize) -> Self {
        let size = keys.saturating_mul(2).max(2).next_power_of_two();
        FirstSeen {
            slots: (0..size).map(|_| None).collect(),
        }
    }

    /// The position where `key` was first seen, if it was; nothing is recorded.
    pub fn position(&self, key: &K) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let start = hash(key) as usize;
        for step in 0..self.slots.len() {
            match self.slots.get(start.wrapping_add(step) & mask) {
                Some(Some((seen, first))) if seen == key => return Some(*first),
                Some(None) | None => return None,
                _ => {}
            }
        }
        None
    }

    /// The position where `key` was first seen; or `None`, and `key` is now seen at `position`.
    pub fn first(&mut self, key: K, position: usize) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let start = hash(&key) as usize;
        for step in 0..self.slots.len() {
            match self.slots.get_mut(start.wrapping_add(step) & mask) {
                Some(Some((seen, first))) if *seen == key => return Some(*first),
                Some(free @ None) => {
                    *free = Some((key, position));
                    return None;
                }
                _ => {}
            }
        }
        None
    }
}

fn hash<K: Hash>(key: &K) -> u64 {
    let mut hasher = Fnv::default();
    key.hash(&mut hasher);
    hasher.finish()
}

/// The FNV-1a hash (64-bit): a few instructions a byte. Keys come from the file being read, so a
/// file that makes its own keys collide only slows its own check.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_first_position_of_every_repeat() {
        let keys = [
            (2024, "target"),
            (2023, "actual"),
            (2024, "target"),
            (2024, "actual"),
        ];
        let mut seen = FirstSeen::with_capacity(keys.len() + 1);
        let found: Vec<Option<usize>> = keys
            .iter()
            .enumerate()
            .map(|(position, key)| seen.first(*key, position))
            .collect();
        assert_eq!(found, [None, None, Some(0), None]);
        assert_eq!(seen.first((2023, "actual"), 4), Some(1));
    }

    #[test]
    fn holds_as_many_keys_as_it_was_made_for() {
        let mut seen = FirstSeen::with_capacity(10_000);
        assert!((0..10_000).all(|n| seen.first(n, n).is_none()));
        assert!((0..10_000).all(|n| seen.first(n, n + 1) == Some(n)));
        // Past its size it records no more, and says so by finding nothing.
        let mut small = FirstSeen::with_capacity(0);
        assert_eq!((small.first('a', 0), small.first('b', 1)), (None, None));
        assert_eq!((small.first('a', 2), small.first('c', 3)), (Some(0), None));
        assert_eq!(small.first('b', 4), Some(1));
    }
}
