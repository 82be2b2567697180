//! The limits mot keeps, in one table for every reader of sessions: the
//! store, the checks after parsing, and every later way in (imports, merges,
//! drills, phones). Each is chosen for real rooms with headroom: a session of
//! 100,000 MOTs (about 80 MB of RON) opens, forty participants and far more
//! fit.

/// Largest session file read, in bytes; anything larger is refused before
/// reading (three times the 100,000-MOT session).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Longest file name most file systems take, in bytes.
pub const MAX_NAME_BYTES: usize = 255;
