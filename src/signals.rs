//! Signals that concern the whole process, whatever the command: set up once
//! at start, before any file is written.

/// Keeps a file-size limit (`ulimit -f`) from killing mot: SIGXFSZ is caught
/// and dropped, so a write past the limit fails with "File too large" and a
/// save reports it like a full disk, instead of the process dying mid-save.
pub fn ignore_file_size_signal() {
    #[cfg(unix)]
    {
        use std::sync::Arc;
        use std::sync::atomic::AtomicBool;
        // A handler rather than SIG_IGN: a caught signal is back to its default
        // in any program started from here. Should it fail (it cannot in
        // practice), mot runs as it did before, no worse.
        let _ = signal_hook::flag::register(
            signal_hook::consts::SIGXFSZ,
            Arc::new(AtomicBool::new(false)),
        );
    }
}
