//! A fast hash for the search's own maps (bigrams, tokens, texts): the
//! standard SipHash guards against crafted keys, which cost nothing worse
//! here than a slow search, and it is several times slower on the
//! millions of lookups 10,000 MOTs take.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A map hashed with [`Mix`].
pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Mix>>;
/// A set hashed with [`Mix`].
pub(super) type FastSet<T> = HashSet<T, BuildHasherDefault<Mix>>;

/// Multiply-and-rotate hashing, a word at a time (as rustc's FxHash).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Mix(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Mix {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut rest = [0; 8];
        rest[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(rest) ^ ((bytes.len() as u64) << 56));
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
