//! `mot`: the command line. Opens the picker, a new or named session, or
//! lists and checks session files without starting the interface.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use mot::app::{App, Look, OpenHow, Screen};
use mot::model::{Language, Theme};
use mot::store::{self, LockState, StoreError, session_file};

/// Run a Moments-of-Truth workshop in the terminal.
#[derive(Parser)]
#[command(name = "mot", version, about)]
struct Cli {
    /// Folder of session files (default: $MOT_SESSIONS_DIR, else ./sessions if it exists, else the user data folder).
    #[arg(long, global = true, value_name = "DIR")]
    dir: Option<PathBuf>,
    /// Interface language: en, zh-Hans or zh-Hant (default: the session's, else from LC_ALL/LANG, else English).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_language)]
    lang: Option<Language>,
    /// Colours: dark, light or high-contrast (default: the session's, else dark). NO_COLOR turns colour off.
    #[arg(long, global = true, value_name = "THEME", value_parser = parse_theme)]
    theme: Option<Theme>,
    /// Leave the mouse to the terminal, so its own text selection works.
    #[arg(long, global = true)]
    no_mouse: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Create a session with this title and open it.
    New {
        /// The session title (becomes the file name, made safe).
        title: String,
    },
    /// Open a session file.
    Open {
        /// Path to a .ron session file.
        path: PathBuf,
    },
    /// Print the sessions in the folder without starting the interface.
    List,
    /// Check a session file without opening it: exit 0 when it is readable and
    /// free, else print what is wrong (path:line:col: message, a newer
    /// version, another mot holding it, a recovery file waiting).
    Check {
        /// Path to a .ron session file.
        path: PathBuf,
    },
}

fn parse_language(code: &str) -> Result<Language, String> {
    Language::from_code(code).ok_or_else(|| "use en, zh-Hans or zh-Hant".to_string())
}

fn parse_theme(code: &str) -> Result<Theme, String> {
    Theme::from_code(code).ok_or_else(|| "use dark, light or high-contrast".to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = |name: &str| std::env::var(name).ok();
    let look = Look {
        language: cli
            .lang
            .or_else(|| mot::i18n::from_env(env))
            .unwrap_or_default(),
        language_forced: cli.lang.is_some(),
        theme: cli.theme.unwrap_or_default(),
        theme_forced: cli.theme.is_some(),
        // https://no-color.org: set and not empty.
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    mot::i18n::set_global(look.language);
    let cli = Settings {
        look,
        mouse: !cli.no_mouse,
        cli,
    };
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            say(&format!("mot: {message}"));
            ExitCode::FAILURE
        }
    }
}

/// Writes a line to stderr, ignoring failure: after SIGHUP the terminal is
/// gone, and a message that cannot be shown must not turn into a panic.
fn say(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}

fn dir(cli_dir: Option<&Path>) -> Result<PathBuf, String> {
    let env = std::env::var(store::location::ENV_VAR).ok();
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    store::sessions_dir(cli_dir, env.as_deref(), &cwd).map_err(|e| e.to_string())
}

/// What the command line asked for, and how the interface should look.
struct Settings {
    cli: Cli,
    look: Look,
    mouse: bool,
}

impl Settings {
    fn dir(&self) -> Result<PathBuf, String> {
        dir(self.cli.dir.as_deref())
    }

    fn picker(&self, dir: PathBuf, entries: Vec<store::Entry>) -> App {
        let mut app = App::picker(dir, entries);
        app.look = self.look;
        app.mouse = self.mouse;
        app
    }
}

fn run(settings: Settings) -> Result<ExitCode, String> {
    match &settings.cli.command {
        None => {
            let dir = settings.dir()?;
            let entries = store::list(&dir).map_err(|e| e.to_string())?;
            tui(settings.picker(dir, entries))
        }
        Some(Command::New { title }) => {
            let clean = mot::model::session::clean_line(title);
            if clean.is_empty() {
                return Err(
                    "a new session needs a title, e.g. mot new \"Hotel front desk\"".into(),
                );
            }
            let dir = settings.dir()?;
            let mut app = settings.picker(dir, Vec::new());
            mot::shell::create(&mut app, &clean);
            if app.workshop_ref().is_none() {
                return Err(status_text(&app));
            }
            tui(app)
        }
        Some(Command::Open { path }) => {
            // Absolute, so the picker behind a question names a real folder.
            let path = std::path::absolute(path).unwrap_or_else(|_| path.clone());
            // Opening goes through the picker's folder, so a question about the
            // file (its lock, a backup, a recovery) has a screen to be asked on.
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let entries = store::list(&folder).unwrap_or_default();
            let mut app = settings.picker(folder, entries);
            mot::shell::open(&mut app, &path, OpenHow::Normal);
            let asked = matches!(&app.screen, Screen::Picker(p) if p.offer.is_some());
            if app.workshop_ref().is_none() && !asked {
                return Err(status_text(&app));
            }
            tui(app)
        }
        Some(Command::List) => {
            let dir = settings.dir()?;
            let entries = store::list(&dir).map_err(|e| e.to_string())?;
            if entries.is_empty() {
                println!("No sessions in {}", dir.display());
            }
            let now = std::time::SystemTime::now();
            for e in entries {
                let age = mot::ui::picker::age(e.modified, now);
                // Reading a lock takes none: list and check never get in the way.
                let in_use = match store::lock::state(&e.path) {
                    LockState::Held(info) => {
                        format!("\tin use by {}", mot::shell::holder_words(&info))
                    }
                    _ => String::new(),
                };
                match e.summary {
                    Ok(s) => println!(
                        "{}\t{}\t{} MOTs\t{}{in_use}",
                        s.title,
                        age,
                        s.mots,
                        e.path.display()
                    ),
                    Err(err) => {
                        println!("(unreadable)\t{age}\t-\t{}:{err}{in_use}", e.path.display())
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { path }) => Ok(check(path)),
    }
}

/// The problems the app would report when opening this file, without opening it.
fn check(path: &Path) -> ExitCode {
    let mut ok = true;
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            say(&format!("{}: {e}", path.display()));
            return ExitCode::FAILURE;
        }
    };
    match store::decode_bytes(path, &bytes) {
        Ok(d) => {
            let upgrade = if d.version < mot::model::FORMAT_VERSION {
                format!(
                    "; format version {}, upgraded to {} at the next save (the original is kept as {})",
                    d.version,
                    mot::model::FORMAT_VERSION,
                    session_file::version_backup_path(path, d.version, &bytes).display()
                )
            } else {
                String::new()
            };
            println!(
                "{}: ok ({} MOTs, {} participants{upgrade})",
                path.display(),
                d.session.mots.len(),
                d.session.participants.len()
            );
        }
        Err(StoreError::Format { path, error }) => {
            say(&format!("{}:{}", path.display(), error));
            if let Some((backup, _, _)) = store::backup::newest_readable(&path) {
                say(&format!(
                    "{}: the newest good backup is {}; mot offers it when you open the session",
                    path.display(),
                    backup.display()
                ));
            }
            ok = false;
        }
        Err(e) => {
            say(&e.to_string());
            ok = false;
        }
    }
    match store::lock::state(path) {
        LockState::Free => {}
        LockState::Held(info) => {
            say(&format!(
                "{}: in use by {}; mot offers to open it read-only",
                path.display(),
                mot::shell::holder_words(&info)
            ));
            ok = false;
        }
        LockState::Stale(_) => println!(
            "{}: a lock left by a mot that is gone; the next open takes it over",
            path.display()
        ),
    }
    if let Some((recovery, _)) = session_file::pending_recovery(path) {
        say(&format!(
            "{}: a crash left {}, newer than the session; mot offers it when you open the session",
            path.display(),
            recovery.display()
        ));
        ok = false;
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn status_text(app: &App) -> String {
    app.status
        .as_ref()
        .map_or_else(|| "could not open the session".into(), |s| s.text.clone())
}

fn tui(app: App) -> Result<ExitCode, String> {
    let finished = mot::tui::run(app).map_err(|e| format!("terminal error: {e}"))?;
    if let Some(message) = &finished.message {
        say(message);
    }
    // A crash is a failure even when the session was saved: scripts should know.
    Ok(if finished.crashed {
        ExitCode::from(101)
    } else {
        ExitCode::SUCCESS
    })
}
