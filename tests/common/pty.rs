//! The real binary in a pseudo-terminal: keys in as bytes, the screen out
//! through a terminal emulator, the exit status and everything it printed.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, ExitStatus, PtySize, native_pty_system};

pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const RIGHT: &str = "\x1b[C";
pub const DOWN: &str = "\x1b[B";
pub const F12: &str = "\x1b[24~";

/// How long a test waits for a screen or an exit before it fails.
const PATIENCE: Duration = Duration::from_secs(15);

/// A running program in a pseudo-terminal.
pub struct Term {
    screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, as written.
    output: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    status: Option<ExitStatus>,
}

impl Term {
    /// The `mot` binary with these arguments, in a clean environment.
    pub fn mot(args: &[&str]) -> CommandBuilder {
        Term::command(env!("CARGO_BIN_EXE_mot"), args)
    }

    /// Any program with these arguments, in the environment `mot` expects.
    pub fn command(program: &str, args: &[&str]) -> CommandBuilder {
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        // English unless a test asks otherwise, whatever the machine's locale.
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("MOT_SESSIONS_DIR");
        cmd.env_remove("MOT_CRASH_TEST");
        cmd
    }

    /// Starts `mot` with these arguments on a terminal of this size.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Term {
        Term::spawn(Term::mot(args), cols, rows)
    }

    /// Starts a command on a terminal of this size.
    pub fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Term {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let child = pty.slave.spawn_command(cmd).expect("the program starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a real size");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let output = Arc::new(Mutex::new(Vec::new()));
        let feed = Arc::clone(&screen);
        let record = Arc::clone(&output);
        std::thread::spawn(move || {
            let _keep_master_open = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut out) = record.lock() {
                    out.extend_from_slice(&buf[..n]);
                }
                if let Ok(mut p) = feed.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
        Term {
            screen,
            output,
            writer,
            child,
            status: None,
        }
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    /// The screen as text, as the emulator shows it now.
    pub fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Everything the program wrote so far, escape sequences included.
    pub fn output(&self) -> String {
        self.output
            .lock()
            .map(|o| String::from_utf8_lossy(&o).into_owned())
            .unwrap_or_default()
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never appeared. Screen:\n{}", self.contents());
    }

    /// One row of the screen (0 is the top), as text.
    pub fn row(&self, row: u16) -> String {
        self.screen
            .lock()
            .ok()
            .and_then(|p| {
                let (_, cols) = p.screen().size();
                p.screen().rows(0, cols.get()).nth(usize::from(row))
            })
            .unwrap_or_default()
    }

    /// Waits until `ready` holds (it reads the screen through the `Term`);
    /// `what` names it in the failure.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&Term) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if ready(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never: {what}. Screen:\n{}", self.contents());
    }

    /// Waits until the program has written `text` (on the screen or not).
    pub fn wait_for_output(&self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if self.output().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "{text:?} was never written. Screen:\n{}\nOutput:\n{:?}",
            self.contents(),
            self.output()
        );
    }

    /// Types these bytes, then lets the frame settle.
    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush");
        // One key at a time, as a person types: lets each frame settle.
        std::thread::sleep(Duration::from_millis(40));
    }

    /// Sends a signal to the child with `kill -NAME pid`.
    pub fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args([format!("-{name}"), self.pid().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{name} failed: {status:?}");
    }

    /// The exit status once the child exits within `limit`; panics otherwise.
    pub fn wait_exit_within(&mut self, limit: Duration) -> ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.exit_status() {
                return status;
            }
            if Instant::now() >= deadline {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "the program did not exit within {limit:?}. Screen:\n{}",
            self.contents()
        );
    }

    /// Whether the child exits successfully (within the usual patience).
    pub fn wait_exit(&mut self) -> bool {
        self.wait_exit_within(PATIENCE).success()
    }

    /// The exit status when the child has exited (and is reaped), else `None`.
    pub fn exit_status(&mut self) -> Option<ExitStatus> {
        if self.status.is_none()
            && let Ok(Some(status)) = self.child.try_wait()
        {
            self.status = Some(status);
        }
        self.status.clone()
    }
}

impl Drop for Term {
    /// A failed test must not leave its program running.
    fn drop(&mut self) {
        if self.exit_status().is_none() {
            // SIGHUP (what `Child::kill` sends) would let mot save first.
            #[cfg(unix)]
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &self.pid().to_string()])
                .status();
            #[cfg(not(unix))]
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// What [`draft`] types.
pub const WHO: &str = "A business traveller";
/// What [`draft`] types.
pub const SITUATION: &str = "asking at the front desk at 6 am for a taxi to the airport";
/// What [`draft`] types.
pub const FEELING: &str = "they think ahead";

/// A path as an argument.
pub fn text(path: &std::path::Path) -> String {
    path.to_str().expect("a UTF-8 path").to_string()
}

/// Opens the MOT editor and types an MOT without keeping it.
pub fn draft(t: &mut Term) {
    t.send("n");
    t.wait_for("New MOT");
    t.send(WHO);
    t.send(TAB);
    t.send(SITUATION);
    t.send(TAB);
    t.send(FEELING);
    // The preview sentence and the field both show it once it is typed.
    t.wait_for(FEELING);
    assert!(t.contents().contains("New MOT"), "the editor is still open");
}

/// The session in the file holds the MOT typed by [`draft`], after the first one.
pub fn assert_draft_saved(path: &std::path::Path) {
    let session = mot::store::load(path).expect("the session loads");
    assert_eq!(session.mots.len(), 2, "{:?}", session.mots);
    let m = &session.mots[1];
    assert_eq!(
        (m.who.as_str(), m.situation.as_str(), m.feeling.as_str()),
        (WHO, SITUATION, FEELING)
    );
}
