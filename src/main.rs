//! `mot`: the command line. Opens the picker, a new or named session, or
//! lists and checks session files without starting the interface.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use mot::app::App;
use mot::store::{self, StoreError};

/// Run a Moments-of-Truth workshop in the terminal.
#[derive(Parser)]
#[command(name = "mot", version, about)]
struct Cli {
    /// Folder of session files (default: $MOT_SESSIONS_DIR, else ./sessions if it exists, else the user data folder).
    #[arg(long, global = true, value_name = "DIR")]
    dir: Option<PathBuf>,
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
    /// Check a session file: exit 0 when it is readable, else print path:line:col: message.
    Check {
        /// Path to a .ron session file.
        path: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("mot: {message}");
            ExitCode::FAILURE
        }
    }
}

fn dir(cli_dir: Option<&Path>) -> Result<PathBuf, String> {
    let env = std::env::var(store::location::ENV_VAR).ok();
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    store::sessions_dir(cli_dir, env.as_deref(), &cwd).map_err(|e| e.to_string())
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        None => {
            let dir = dir(cli.dir.as_deref())?;
            let entries = store::list(&dir).map_err(|e| e.to_string())?;
            tui(App::picker(dir, entries))
        }
        Some(Command::New { title }) => {
            let clean = mot::model::session::clean_line(&title);
            if clean.is_empty() {
                return Err(
                    "a new session needs a title, e.g. mot new \"Hotel front desk\"".into(),
                );
            }
            let dir = dir(cli.dir.as_deref())?;
            let path = store::unique_path(&dir, &clean);
            let session = mot::app::update::new_session(&clean);
            store::save(&path, &session).map_err(|e| format!("cannot create the session: {e}"))?;
            let mut app = App::workshop(session, path.clone());
            app.info(format!("Created {}.", path.display()));
            tui(app)
        }
        Some(Command::Open { path }) => {
            let session = store::load(&path).map_err(|e| format!("cannot open {e}"))?;
            tui(App::workshop(session, path))
        }
        Some(Command::List) => {
            let dir = dir(cli.dir.as_deref())?;
            let entries = store::list(&dir).map_err(|e| e.to_string())?;
            if entries.is_empty() {
                println!("No sessions in {}", dir.display());
            }
            let now = std::time::SystemTime::now();
            for e in entries {
                let age = mot::ui::picker::age(e.modified, now);
                match e.summary {
                    Ok(s) => println!(
                        "{}\t{}\t{} MOTs\t{}",
                        s.title,
                        age,
                        s.mots,
                        e.path.display()
                    ),
                    Err(err) => println!("(unreadable)\t{age}\t-\t{}:{err}", e.path.display()),
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { path }) => match store::load(&path) {
            Ok(s) => {
                println!(
                    "{}: ok ({} MOTs, {} participants)",
                    path.display(),
                    s.mots.len(),
                    s.participants.len()
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(StoreError::Format { path, error }) => {
                eprintln!("{}:{}", path.display(), error);
                Ok(ExitCode::FAILURE)
            }
            Err(e) => {
                eprintln!("{e}");
                Ok(ExitCode::FAILURE)
            }
        },
    }
}

fn tui(app: App) -> Result<ExitCode, String> {
    mot::tui::run(app).map_err(|e| format!("terminal error: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
