//! Small encodings the server shares: hex for digests and ids, random alphanumeric strings for
//! secrets, generated passwords and salts.

use std::fmt::Write;

use rand::{distr::Alphanumeric, Rng};

/// Lower-case hex, two digits a byte.
pub fn lower_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut text, byte| {
            let _ = write!(text, "{byte:02x}");
            text
        })
}

/// `length` random letters and digits from the thread's CSPRNG.
pub fn random_alphanumeric(length: usize) -> String {
    rand::rng()
        .sample_iter(&Alphanumeric)
        .take(length)
        .map(char::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_two_lower_case_digits_a_byte() {
        assert_eq!(lower_hex(&[0x00, 0x0f, 0xab, 0xff]), "000fabff");
        assert_eq!(lower_hex(&[]), "");
    }

    #[test]
    fn random_strings_have_the_length_asked_and_differ() {
        let (first, second) = (random_alphanumeric(64), random_alphanumeric(64));
        assert_eq!(first.len(), 64);
        assert!(first.chars().all(|c| c.is_ascii_alphanumeric()));
        assert_ne!(first, second);
    }
}
