//! The short room code, for typing the address by hand: six characters
//! from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B,
//! U/V), read aloud or from the wall without a second try.

use super::{NoRandom, random, same};

/// The characters a code is made of.
pub const ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTWXY34679";

/// How many characters a code has.
pub const LENGTH: usize = 6;

/// A room code, as shown on the wall ("K7QD-4M" style is for reading; the
/// code itself has no dash).
#[derive(Clone, PartialEq, Eq)]
pub struct RoomCode(String);

impl RoomCode {
    /// A new code from the system's random source, every character equally
    /// likely (bytes past the last whole run of the alphabet are drawn again).
    pub fn new() -> Result<RoomCode, NoRandom> {
        let n = ALPHABET.len();
        let fair = 256 - 256 % n;
        let mut code = String::with_capacity(LENGTH);
        let mut byte = [0u8; 1];
        while code.len() < LENGTH {
            random(&mut byte)?;
            if usize::from(byte[0]) < fair {
                code.push(char::from(ALPHABET[usize::from(byte[0]) % n]));
            }
        }
        Ok(RoomCode(code))
    }

    /// The code as the wall shows it: two groups of three, easier to read
    /// out and to type.
    pub fn shown(&self) -> String {
        let (a, b) = self.0.split_at(LENGTH / 2);
        format!("{a} {b}")
    }

    /// Whether what someone typed is this code: case, spaces and dashes
    /// do not matter; compared in constant time.
    pub fn matches(&self, typed: &str) -> bool {
        let typed: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        same(self.0.as_bytes(), typed.as_bytes())
    }
}

/// Never printed by accident, as the token is not.
impl std::fmt::Debug for RoomCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RoomCode(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_six_characters_without_look_alikes() {
        for _ in 0..200 {
            let c = RoomCode::new().expect("random");
            let shown = c.shown();
            assert_eq!(shown.len(), LENGTH + 1, "{shown}");
            for ch in shown.chars().filter(|c| *c != ' ') {
                assert!(ALPHABET.contains(&(ch as u8)), "{ch} in {shown}");
                assert!(!"0O1IL2Z5S8BUV".contains(ch), "{ch} looks like another");
            }
        }
    }

    #[test]
    fn typing_it_forgives_case_spaces_and_dashes_only() {
        let c = RoomCode("K7QD4M".into());
        for typed in ["K7QD4M", "k7qd4m", "K7Q D4M", "k7q-d4m", " K7QD4M "] {
            assert!(c.matches(typed), "{typed}");
        }
        for typed in ["K7QD4", "K7QD4MM", "K7QD4N", "", "K7QD4M\0"] {
            assert!(!c.matches(typed), "{typed:?}");
        }
        assert_eq!(c.shown(), "K7Q D4M");
    }

    #[test]
    fn every_character_of_the_alphabet_turns_up() {
        let mut seen = [false; 256];
        for _ in 0..300 {
            for b in RoomCode::new().expect("random").0.bytes() {
                seen[usize::from(b)] = true;
            }
        }
        for &b in ALPHABET {
            assert!(seen[usize::from(b)], "{} never drawn", char::from(b));
        }
    }
}
