//! Who may come into the room the laptop serves: the random token the
//! address carries, the short room code typed by hand, and the brake on
//! wrong codes. No terminal and no network types: the server uses these,
//! and none of them is ever written into a session file.

pub mod code;
pub mod throttle;
pub mod token;

pub use code::RoomCode;
pub use throttle::Throttle;
pub use token::Token;

/// Why the system's random source could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("access.error.random", reason = .0))]
pub struct NoRandom(pub String);

/// Fills `bytes` from the system's random source.
fn random(bytes: &mut [u8]) -> Result<(), NoRandom> {
    getrandom::fill(bytes).map_err(|e| NoRandom(e.to_string()))
}

/// Whether two byte strings are equal, in a time that does not depend on
/// where they first differ (a guesser learns nothing from the timing).
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
