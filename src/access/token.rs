//! The room's token: 128 random bits, carried in the address the QR code
//! gives, so only someone who scanned (or was told) it comes in.

use super::{NoRandom, random, same};

/// 128 random bits, written as 32 lowercase hex digits.
#[derive(Clone, PartialEq, Eq)]
pub struct Token([u8; 16]);

impl Token {
    /// A new token from the system's random source.
    pub fn new() -> Result<Token, NoRandom> {
        let mut bytes = [0u8; 16];
        random(&mut bytes)?;
        Ok(Token(bytes))
    }

    /// The token as the address writes it.
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Whether `given` (from an address) is this token, in constant time;
    /// any case of the hex digits.
    pub fn matches(&self, given: &str) -> bool {
        let given = given.trim().to_ascii_lowercase();
        same(self.to_hex().as_bytes(), given.as_bytes())
    }
}

/// Never printed by accident: a token in a log or a panic message would
/// open the room to whoever reads it.
impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_32_hex_digits_and_matches_only_itself() {
        let t = Token::new().expect("random");
        let hex = t.to_hex();
        assert_eq!(hex.len(), 32);
        assert!(
            hex.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert!(t.matches(&hex));
        assert!(t.matches(&hex.to_ascii_uppercase()));
        assert!(!t.matches(&hex[..31]));
        assert!(!t.matches(""));
        let mut other = hex.clone().into_bytes();
        other[31] = if other[31] == b'0' { b'1' } else { b'0' };
        assert!(!t.matches(&String::from_utf8(other).expect("ascii")));
        assert_ne!(t, Token::new().expect("random"), "two rooms, two tokens");
        assert_eq!(format!("{t:?}"), "Token(…)", "never printed");
    }
}
