//! `mot`: the command line. Opens the picker, a new or named session, or
//! lists and checks session files without starting the interface.

mod cli;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Arg, Command as ClapCommand, CommandFactory, FromArgMatches, Parser, Subcommand};

use mot::app::{App, Look, OpenHow, Screen};
use mot::model::{Language, Theme};
use mot::plain;
use mot::report::Format;
use mot::report::csv::Table;
use mot::shell;
use mot::store::{self, LockState};
use mot::tr;

// The doc comments below are the English help; what `--help` shows comes
// from the catalogs (see `command`), in the language asked for.

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

/// Opening the room to phones from the command line.
#[derive(clap::Args, Clone)]
struct RoomArgs {
    /// Open the room to phones at once (the same as pressing O).
    #[arg(long)]
    room: bool,
    /// Where the room listens, as ADDR:PORT (default: this laptop's addresses on port 4747, or a free port when it is busy).
    #[arg(long, value_name = "ADDR:PORT", value_parser = parse_listen)]
    listen: Option<mot::serve::Listen>,
}

/// Reads `--listen`.
fn parse_listen(text: &str) -> Result<mot::serve::Listen, String> {
    mot::serve::Listen::parse(text)
}

/// Carries `--room` and `--listen` into the app.
fn with_room(mut app: App, room: &RoomArgs) -> App {
    app.room_pending = room.room;
    if let Some(listen) = room.listen {
        app.listen = listen;
    }
    app
}

#[derive(Subcommand)]
enum Command {
    /// Create a session with this title and open it.
    New {
        /// The session title (becomes the file name, made safe).
        title: String,
        /// Start from the setup of this session file (brand, message, groups, participants, rules), without its MOTs or votes.
        #[arg(long, value_name = "PATH")]
        from: Option<PathBuf>,
        #[command(flatten)]
        room: RoomArgs,
    },
    /// Open a session file.
    Open {
        /// Path to a .ron session file.
        path: PathBuf,
        #[command(flatten)]
        room: RoomArgs,
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
    /// Import MOTs from a spreadsheet (CSV, TSV) or a list into a session,
    /// after a preview and a question.
    Import {
        /// The file to import.
        file: PathBuf,
        /// The session to add them to.
        #[arg(long, value_name = "SESSION")]
        into: PathBuf,
        /// Add without asking.
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Write a session's report as Markdown, CSV or HTML (to standard
    /// output, or to a file with -o), without opening it or taking its lock.
    Report {
        /// Path to a .ron session file.
        path: PathBuf,
        /// Write the report to this file instead of standard output.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// md (Markdown, the default), csv (one table, for a spreadsheet) or html (a printable page).
        #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
        format: Option<Format>,
        /// With --format csv: mots (every MOT, the default), matrix or drills.
        #[arg(long, value_name = "TABLE", value_parser = parse_table)]
        table: Option<Table>,
    },
    /// Merge the sessions of breakout groups into a new session in the
    /// sessions folder; the files merged are only read.
    Merge {
        /// The session files, the first one's groups first.
        #[arg(required = true, num_args = 2.., value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The new session's title (default: the first title + how many more).
        #[arg(long, value_name = "TITLE")]
        into: Option<String>,
        /// Take the setup from this session (its place, from 1, or its file name).
        #[arg(long, value_name = "N")]
        setup_from: Option<String>,
        /// Where weights of a group differ, take this session's.
        #[arg(long, value_name = "N")]
        weights_from: Option<String>,
        /// Put a group of session N into the group TARGET (or keep it as its own).
        #[arg(long, value_name = "N:GROUP=TARGET")]
        map_group: Vec<String>,
        /// These people of several breakouts are one person.
        #[arg(long, value_name = "N:NAME=M:NAME")]
        same_person: Vec<String>,
    },
}

fn parse_language(code: &str) -> Result<Language, String> {
    Language::from_code(code).ok_or_else(|| tr!("cli.lang.invalid").to_string())
}

fn parse_format(code: &str) -> Result<Format, String> {
    Format::from_code(code).ok_or_else(|| tr!("cli.format.invalid").to_string())
}

fn parse_table(code: &str) -> Result<Table, String> {
    Table::from_code(code).ok_or_else(|| tr!("cli.table.invalid").to_string())
}

fn parse_theme(code: &str) -> Result<Theme, String> {
    Theme::from_code(code).ok_or_else(|| tr!("cli.theme.invalid").to_string())
}

/// The language `--lang X` or `--lang=X` asks for, read before clap parses
/// so that `--help` and clap's messages already speak it.
fn language_asked(args: impl IntoIterator<Item = OsString>) -> Option<Language> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        let code = if arg == "--lang" {
            args.next().and_then(|v| v.into_string().ok())
        } else {
            arg.strip_prefix("--lang=").map(str::to_string)
        };
        if let Some(lang) = code.as_deref().and_then(Language::from_code) {
            return Some(lang);
        }
    }
    None
}

/// The command line with its help in the language on show: the derive's
/// English doc comments replaced from the catalog, and clap's own words for
/// `--help`, `--version` and `help` too.
fn command() -> ClapCommand {
    let path = |a: Arg| a.help(tr!("cli.arg.path"));
    let mut cmd = Cli::command()
        .about(tr!("cli.about"))
        .mut_arg("dir", |a| a.help(tr!("cli.arg.dir")))
        .mut_arg("lang", |a| a.help(tr!("cli.arg.lang")))
        .mut_arg("theme", |a| a.help(tr!("cli.arg.theme")))
        .mut_arg("no_mouse", |a| a.help(tr!("cli.arg.no_mouse")))
        .mut_subcommand("new", |c| {
            c.about(tr!("cli.new.about"))
                .mut_arg("title", |a| a.help(tr!("cli.arg.title")))
                .mut_arg("from", |a| a.help(tr!("cli.arg.from")))
        })
        .mut_subcommand("open", |c| {
            c.about(tr!("cli.open.about")).mut_arg("path", path)
        })
        .mut_subcommand("list", |c| c.about(tr!("cli.list.about")))
        .mut_subcommand("check", |c| {
            c.about(tr!("cli.check.about")).mut_arg("path", path)
        })
        .mut_subcommand("import", |c| {
            c.about(tr!("cli.import.about"))
                .mut_arg("file", |a| a.help(tr!("cli.arg.import_file")))
                .mut_arg("into", |a| a.help(tr!("cli.arg.into")))
                .mut_arg("yes", |a| a.help(tr!("cli.arg.yes")))
        })
        .mut_subcommand("report", |c| {
            c.about(tr!("cli.report.about"))
                .mut_arg("path", path)
                .mut_arg("output", |a| a.help(tr!("cli.arg.output")))
                .mut_arg("format", |a| a.help(tr!("cli.arg.format")))
                .mut_arg("table", |a| a.help(tr!("cli.arg.table")))
        })
        .mut_subcommand("merge", |c| {
            c.about(tr!("cli.merge.about"))
                .mut_arg("paths", |a| a.help(tr!("cli.merge.paths")))
                .mut_arg("into", |a| a.help(tr!("cli.merge.into")))
                .mut_arg("setup_from", |a| a.help(tr!("cli.merge.setup_from")))
                .mut_arg("weights_from", |a| a.help(tr!("cli.merge.weights_from")))
                .mut_arg("map_group", |a| a.help(tr!("cli.merge.map_group")))
                .mut_arg("same_person", |a| a.help(tr!("cli.merge.same_person")))
        });
    // clap adds `--help`, `--version` and `help` while building; only then
    // can their words be replaced.
    cmd.build();
    built_ins(cmd)
}

/// Replaces clap's English in a built command and its subcommands: the help
/// and version flags, the `help` command, and (for Chinese) the headings.
fn built_ins(cmd: ClapCommand) -> ClapCommand {
    let english = mot::i18n::current() == Language::English;
    let mut cmd = cmd.mut_args(|a| {
        let a = match a.get_id().as_str() {
            "help" if a.get_long_help().is_some() => a
                .help(tr!("cli.help.flag_short"))
                .long_help(tr!("cli.help.flag_long")),
            "help" => a.help(tr!("cli.help.flag")),
            "version" => a.help(tr!("cli.help.version")),
            _ => a,
        };
        match (english, a.is_positional()) {
            (true, _) => a,
            (false, true) => a.help_heading(tr!("cli.help.arguments")),
            (false, false) => a.help_heading(tr!("cli.help.options")),
        }
    });
    if cmd.get_name() == "help" {
        cmd = cmd.about(tr!("cli.help.command"));
    }
    if !english {
        cmd = cmd
            .subcommand_help_heading(tr!("cli.help.commands"))
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                tr!("cli.help.usage")
            ));
    }
    cmd.mut_subcommands(built_ins)
}

fn main() -> ExitCode {
    // Before anything is written: a file-size limit fails a write instead
    // of killing mot in the middle of a save.
    mot::signals::ignore_file_size_signal();
    let env = |name: &str| std::env::var(name).ok();
    let asked = language_asked(std::env::args_os()).or_else(|| mot::i18n::from_env(env));
    mot::i18n::set_global(asked.unwrap_or_default());
    let parsed = command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
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

/// Reports a command line clap could not read, in the language on show.
/// Help and version requests go out as clap prints them (their words are
/// already the catalog's); English keeps clap's own wording.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ErrorKind};
    let context = |kind| e.get(kind).map(ToString::to_string).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => None,
        _ if mot::i18n::current() == Language::English => None,
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => Some(tr!(
            "cli.usage.bad_value",
            value = context(ContextKind::InvalidValue),
            arg = context(ContextKind::InvalidArg),
            why = std::error::Error::source(e)
                .map(ToString::to_string)
                .unwrap_or_default()
        )),
        ErrorKind::UnknownArgument => Some(tr!(
            "cli.usage.unknown_argument",
            arg = context(ContextKind::InvalidArg)
        )),
        ErrorKind::InvalidSubcommand => Some(tr!(
            "cli.usage.unknown_command",
            name = context(ContextKind::InvalidSubcommand)
        )),
        ErrorKind::MissingRequiredArgument => Some(tr!(
            "cli.usage.missing",
            arg = context(ContextKind::InvalidArg)
        )),
        _ => None,
    };
    match message {
        Some(message) => {
            say(&format!("mot: {message}"));
            say(tr!("cli.usage.more"));
            ExitCode::from(2)
        }
        None => e.exit(),
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
    let cwd = std::env::current_dir().map_err(|e| tr!("cli.cwd_unreadable", reason = e))?;
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

    /// Where a session named on the command line is: a bare file name
    /// (`hotel.ron`) is looked for in the folder `--dir` names first, else
    /// here, else in the sessions folder; any other path is taken as given.
    fn session_path(&self, path: &Path) -> PathBuf {
        let bare = path.parent().is_none_or(|p| p.as_os_str().is_empty());
        if !bare {
            return path.to_path_buf();
        }
        let in_dir = |dir: &Path| Some(dir.join(path)).filter(|p| p.exists());
        if let Some(found) = self.cli.dir.as_deref().and_then(in_dir) {
            return found;
        }
        if path.exists() {
            return path.to_path_buf();
        }
        self.dir()
            .ok()
            .and_then(|d| in_dir(&d))
            .unwrap_or_else(|| path.to_path_buf())
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
            need_terminal()?;
            tui(settings.picker(dir, entries))
        }
        Some(Command::New { title, from, room }) => {
            let clean = mot::model::session::clean_line(title);
            if clean.is_empty() {
                return Err(tr!("cli.new.needs_title").into());
            }
            let dir = settings.dir()?;
            let from = from.as_deref().map(|p| settings.session_path(p));
            // A template that cannot be read is said first; then, before a
            // file is made, that there is a terminal to work in.
            if let Some(template) = &from {
                store::load_template(template)
                    .map_err(|e| tr!("app.create.template_failed", error = e))?;
            }
            need_terminal()?;
            let mut app = settings.picker(dir, Vec::new());
            match &from {
                Some(template) => mot::shell::create_from(&mut app, &clean, template),
                None => mot::shell::create(&mut app, &clean),
            }
            if app.workshop_ref().is_none() {
                return Err(status_text(&app));
            }
            tui(with_room(app, room))
        }
        Some(Command::Open { path, room }) => {
            let path = settings.session_path(path);
            // Absolute, so the picker behind a question names a real folder.
            let path = std::path::absolute(&path).unwrap_or(path);
            // Opening goes through the picker's folder, so a question about the
            // file (its lock, a backup, a recovery) has a screen to be asked on.
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let mut app = settings.picker(folder.clone(), Vec::new());
            mot::shell::open(&mut app, &path, OpenHow::Normal);
            let asked = matches!(&app.screen, Screen::Picker(p) if p.offer.is_some());
            if app.workshop_ref().is_none() && !asked {
                return Err(status_text(&app));
            }
            // The folder is read only when its picker will be seen: behind
            // a question. Opened at once, the file was read once.
            if let Screen::Picker(p) = &mut app.screen {
                p.entries = store::list(&folder).unwrap_or_default();
            }
            tui(with_room(app, room))
        }
        Some(Command::List) => {
            let dir = settings.dir()?;
            let entries = store::list(&dir).map_err(|e| e.to_string())?;
            if entries.is_empty() {
                out(&tr!("cli.list.empty", dir = plain::path(&dir)));
            }
            let now = std::time::SystemTime::now();
            for e in entries {
                let age = mot::ui::picker::age(e.modified, now);
                // Reading a lock takes none: list and check never get in the way.
                let mut notes = String::new();
                match store::lock::state(&e.path) {
                    LockState::Held(info) => {
                        notes.push('\t');
                        notes.push_str(&tr!(
                            "cli.list.in_use",
                            holder = mot::shell::holder_words(&info)
                        ));
                    }
                    LockState::Refused(why) => {
                        notes.push('\t');
                        notes.push_str(&plain::escaped(&why));
                    }
                    LockState::Free | LockState::Stale(_) => {}
                }
                if e.link {
                    notes.push('\t');
                    notes.push_str(tr!("cli.list.link"));
                }
                match e.read_only {
                    Some(store::ReadOnlyNote::Permissions) => {
                        notes.push('\t');
                        notes.push_str(tr!("cli.list.read_only_mode"));
                    }
                    Some(store::ReadOnlyNote::NameTooLong) => {
                        notes.push('\t');
                        notes.push_str(tr!("cli.list.read_only_name"));
                    }
                    None => {}
                }
                if e.recovery {
                    notes.push('\t');
                    notes.push_str(tr!("cli.list.recovery"));
                }
                if e.recovery_planted {
                    notes.push('\t');
                    notes.push_str(tr!("cli.list.recovery_planted"));
                }
                let file = plain::path(&e.path);
                // Columns split by tabs, for scripts; only the words are
                // translated. Text from the folder never reaches the
                // terminal as control codes, and keeps one session a line.
                match e.summary {
                    Ok(s) => out(&format!(
                        "{}\t{}\t{}\t{file}{notes}",
                        plain::escaped(&s.title),
                        age,
                        if s.mots == 1 {
                            tr!("cli.list.one_mot", count = s.mots)
                        } else {
                            tr!("cli.list.mots", count = s.mots)
                        },
                    )),
                    // `path:line:col: message`, or `path: message`.
                    Err(err) => out(&format!(
                        "{}\t{age}\t-\t{file}:{}{}{notes}",
                        tr!("cli.list.unreadable"),
                        if err.starts_with(|c: char| c.is_ascii_digit()) {
                            ""
                        } else {
                            " "
                        },
                        plain::escaped(&err)
                    )),
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Check { path }) => Ok(cli::check::run(path)),
        Some(Command::Import { file, into, yes }) => {
            let into = settings.session_path(into);
            cli::import::run(file, &into, *yes)
        }
        Some(Command::Report {
            path,
            output,
            format,
            table,
        }) => {
            let format = format.unwrap_or(Format::Markdown);
            // Only a CSV file holds one table: said before anything is read.
            if table.is_some() && format != Format::Csv {
                say(&format!("mot: {}", tr!("cli.report.table_needs_csv")));
                say(tr!("cli.usage.more"));
                return Ok(ExitCode::from(2));
            }
            let path = settings.session_path(path);
            let asked = cli::report::Asked {
                format,
                table: table.unwrap_or(Table::Mots),
                lang: settings.cli.lang,
            };
            cli::report::run(&path, output.as_deref(), asked)
        }
        Some(Command::Merge {
            paths,
            into,
            setup_from,
            weights_from,
            map_group,
            same_person,
        }) => {
            let paths: Vec<PathBuf> = paths.iter().map(|p| settings.session_path(p)).collect();
            let position = |n: &str| shell::merge::input_position(n, &paths);
            let options = mot::model::merge::Options {
                setup_from: setup_from
                    .as_deref()
                    .map(position)
                    .transpose()?
                    .unwrap_or(0),
                weights_from: weights_from.as_deref().map(position).transpose()?,
                group_maps: map_group
                    .iter()
                    .map(|m| shell::merge::group_map(m, &paths))
                    .collect::<Result<_, _>>()?,
                same_people: same_person
                    .iter()
                    .map(|m| shell::merge::same_person(m, &paths))
                    .collect::<Result<_, _>>()?,
            };
            cli::merge::run(&settings, &paths, into.as_deref(), &options)
        }
    }
}

/// Prints one line on standard output. A reader that went away (`mot list
/// | head -1`) is not a crash: the output stops there, quietly.
fn out(line: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = writeln!(stdout, "{line}").and_then(|()| stdout.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        say(&format!("mot: {e}"));
        std::process::exit(1);
    }
}

fn status_text(app: &App) -> String {
    app.status
        .as_ref()
        .map_or_else(|| tr!("cli.open_failed").into(), |s| s.text.clone())
}

/// The interface draws on a terminal: without one (a pipe, `ssh` without
/// `-t`), say so before anything is made.
fn need_terminal() -> Result<(), String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(tr!("cli.needs_terminal").into())
    }
}

fn tui(app: App) -> Result<ExitCode, String> {
    let finished = mot::tui::run(app).map_err(|e| tr!("cli.terminal_error", reason = e))?;
    if let Some(message) = &finished.message {
        say(message);
    }
    // A crash is a failure even when the session was saved: scripts should know.
    Ok(if finished.crashed {
        ExitCode::from(101)
    } else if finished.lost {
        // The session could be put nowhere: scripts (and SSH wrappers) must know.
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
