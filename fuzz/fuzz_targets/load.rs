//! Feeds arbitrary bytes to the session loader. It must never panic, and
//! whatever it accepts must survive a save and a load unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = mot::store::decode_bytes(Path::new("fuzz.ron"), data) else {
        return;
    };
    let text = mot::store::to_ron(&decoded.session).expect("an accepted session serialises");
    let again = mot::store::from_ron(&text).expect("what we write, we read");
    assert_eq!(again, decoded.session);
});
