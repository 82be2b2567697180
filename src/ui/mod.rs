//! Drawing. Views read the app and draw; they never change it (beyond the
//! scroll caches lists keep, as ratatui's own `ListState` does).

pub mod choose;
pub mod drill;
pub mod duplicates;
pub mod glyphs;
mod goto;
pub mod grow;
pub mod help;
pub mod import;
pub mod matrix;
pub mod merge;
pub mod phones;
pub mod picker;
pub mod present;
pub mod qr;
pub mod questions;
pub mod score;
pub mod setup;
pub mod tag;
pub mod theme;
pub mod vote;
pub mod widgets;
pub mod write;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use std::cell::RefCell;

use crate::app::keymap::active_bindings;
use crate::app::timer::{self, Run};
use crate::app::{App, Hit, Screen, Stage, Target, TextField, Workshop};
use crate::tr;

thread_local! {
    // What this frame drew that a click can reach; handed to the app at the end.
    static HITS: RefCell<Vec<Hit>> = const { RefCell::new(Vec::new()) };
}

/// Notes that a click in `area` reaches `target` (views call this as they draw).
pub fn note(area: Rect, target: Target) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    HITS.with(|h| {
        h.borrow_mut().push(Hit {
            x: area.x,
            y: area.y,
            width: area.width,
            height: area.height,
            target,
        });
    });
}

/// Smallest terminal the app draws in; below it a message says so.
pub const MIN_WIDTH: u16 = 60;
/// Smallest terminal height.
pub const MIN_HEIGHT: u16 = 18;

/// Draws the whole app.
pub fn draw(app: &App, frame: &mut Frame) {
    crate::i18n::set(app.language());
    theme::set(app.theme(), app.look.no_color);
    let area = frame.area();
    frame.render_widget(Block::new().style(theme::base()), area);
    HITS.with(|h| h.borrow_mut().clear());
    draw_screen(app, frame, area);
    *app.hits.borrow_mut() = HITS.with(|h| std::mem::take(&mut *h.borrow_mut()));
}

fn draw_screen(app: &App, frame: &mut Frame, area: Rect) {
    let small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
    app.too_small.set(small);
    if small {
        too_small(frame, area);
        return;
    }
    if let (true, Screen::Workshop(w)) = (app.presenting, &app.screen) {
        if w.phones.screen.is_some() {
            phones::present(w, frame, area);
        } else {
            present::draw(app, w, frame, area);
        }
        if let Some(flow) = &w.import {
            import::draw(flow, frame, area);
        }
        if let Some(r) = &w.duplicates {
            duplicates::draw(w, r, frame, area);
        }
        if app.help {
            help::draw(app, frame, area);
        }
        return;
    }
    let [top, body, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(status_rows(app, area)),
        Constraint::Length(1),
    ])
    .areas(area);
    match &app.screen {
        Screen::Picker(p) => {
            picker::draw_title(p, frame, top);
            picker::draw(p, frame, body);
            if let Some(offer) = &p.offer {
                questions::offer(offer, frame, body);
            }
            if let Some(view) = &p.merge {
                merge::draw(p, view, frame, body);
            }
            status_line(app, None, frame, status);
        }
        Screen::Workshop(w) => {
            stage_bar(w, frame, top);
            stage_view(w, app.now, frame, body);
            if let Some(flow) = &w.import {
                import::draw(flow, frame, body);
            }
            if let Some(r) = &w.duplicates {
                duplicates::draw(w, r, frame, body);
            }
            if let Some(screen) = &w.phones.screen {
                phones::draw(w, screen, frame, body);
            }
            if let Some(q) = &w.quit_prompt {
                questions::quit_prompt(q, w.path(), frame, body);
            }
            status_line(app, Some(w), frame, status);
        }
    }
    key_bar(app, frame, keys);
    if app.help {
        help::draw(app, frame, area);
    }
}

/// Notes one click target per row of a list drawn from `rows` (the window
/// of items on show) at the top of `area`.
pub fn note_rows(area: Rect, rows: std::ops::Range<usize>, target: impl Fn(usize) -> Target) {
    for (y, i) in rows.enumerate() {
        if y as u16 >= area.height {
            break;
        }
        note(
            Rect::new(area.x, area.y + y as u16, area.width, 1),
            target(i),
        );
    }
}

/// Clears the area a popup is drawn in. A wide character just left of it
/// would otherwise cover the popup's left border on a real terminal: the
/// terminal draws both its columns, and ratatui sends nothing for the
/// second column because the character already covers it.
pub fn clear_popup(frame: &mut Frame, area: Rect) {
    let area = area.intersection(frame.area());
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(Block::new().style(theme::base()), area);
    if area.x == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        let cell = &mut buf[(area.x - 1, y)];
        if widgets::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// The current stage's own screen; `now` runs the clocks a view shows.
pub fn stage_view(w: &Workshop, now: std::time::Instant, frame: &mut Frame, area: Rect) {
    match w.stage() {
        Stage::Setup => setup::draw(w, frame, area),
        Stage::Write => write::draw(w, frame, area),
        Stage::Tag => tag::draw(w, frame, area),
        Stage::Vote => vote::draw(w, frame, area),
        Stage::Matrix => matrix::draw(w, frame, area),
        Stage::Choose => choose::draw(w, frame, area),
        Stage::Drill => drill::draw(w, now, frame, area),
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from(Span::styled(tr!("room.small.title"), theme::warn())),
        Line::from(tr!(
            "room.small.sizes",
            need = format!("{MIN_WIDTH}x{MIN_HEIGHT}"),
            have = format!("{}x{}", area.width, area.height)
        )),
        Line::from(tr!("room.small.advice")),
        Line::from(tr!("room.small.keys")),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

fn stage_bar(w: &Workshop, frame: &mut Frame, area: Rect) {
    // Seven stages and a title share 80 columns: when the title would be
    // cut, the stages stand one space apart instead of two.
    let roomy: usize = Stage::ALL
        .iter()
        .map(|s| widgets::width(s.name()) + 4)
        .sum();
    let title_w = widgets::width(&w.session.title);
    let tight = roomy + 7 + title_w > area.width as usize;
    let mut stages = Vec::new();
    for (i, s) in Stage::ALL.iter().enumerate() {
        let name = if tight {
            format!(" {} {}", i + 1, s.name())
        } else {
            format!(" {} {} ", i + 1, s.name())
        };
        if *s == w.stage() {
            stages.push(Span::styled(
                format!("▶{}", name.trim_start()),
                theme::stage_current(),
            ));
        } else {
            stages.push(Span::styled(name, theme::bar()));
        }
    }
    let mut marks = Vec::new();
    if w.unsaved {
        marks.push(Span::styled(
            format!(" {} ", tr!("room.bar.unsaved")),
            theme::error(),
        ));
    }
    if w.read_only() {
        marks.push(Span::styled(
            format!(" {} ", tr!("room.bar.read_only")),
            theme::warn(),
        ));
    }
    if w.phones.open {
        marks.push(Span::styled(
            format!(" {} ", tr!("phones.bar", n = w.phones.count())),
            theme::good(),
        ));
    }
    let stage_w: usize = stages.iter().map(|s| s.width()).sum();
    let marks_w: usize = marks.iter().map(|s| s.width()).sum();
    // The title gives way first: the stages and the warnings must stay readable.
    let room = (area.width as usize)
        .saturating_sub(5 + 2 + stage_w + marks_w)
        .clamp(4, 30);
    let title = widgets::fit(&w.session.title, room);
    let mut spans = vec![
        Span::styled(" MOT ", theme::stage_current()),
        Span::styled(
            format!(" {title} "),
            theme::bar().add_modifier(Modifier::BOLD),
        ),
    ];
    spans.extend(marks);
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let gap = (area.width as usize).saturating_sub(used + stage_w);
    spans.push(Span::styled(" ".repeat(gap), theme::bar()));
    let mut x = area.x as usize + used + gap;
    for (stage, span) in Stage::ALL.iter().zip(&stages) {
        let width = span.width();
        let right = (x + width).min(area.right() as usize);
        if x < right {
            note(
                Rect::new(x as u16, area.y, (right - x) as u16, 1),
                Target::Stage(*stage),
            );
        }
        x += width;
    }
    spans.extend(stages);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme::bar()), area);
}

/// The timer as the bars show it, and its style; `None` when no timer was started.
pub fn timer_text(w: &Workshop, now: std::time::Instant) -> Option<(String, Style)> {
    let t = w.timer?;
    let clock = timer::clock(t.left(now));
    // A drill's clock times a phase of the round: the room reads which.
    let stage = match t.stage {
        Stage::Drill => format!("{} · {}", t.stage.name(), w.drill.phase.name()),
        stage => stage.name().to_string(),
    };
    Some(match t.run {
        Run::Running(_) => (format!("⏱ {stage} {clock}"), theme::good()),
        Run::Paused(_) => (
            tr!("room.timer.paused_short", stage = stage, clock = clock),
            theme::warn(),
        ),
        Run::Done => (
            tr!("room.timer.up_short", stage = stage, clock = clock),
            theme::error(),
        ),
    })
}

/// The most rows a message takes above the key bar.
const STATUS_ROWS: usize = 3;

/// The text of a message on the status line.
fn status_text(s: &crate::app::Status) -> String {
    if s.error {
        format!(" ⚠ {} ", s.text)
    } else {
        format!(" {}", s.text)
    }
}

/// Rows the status line needs: a message too long for one row takes up to
/// three (on a screen tall enough), so the end of it (the file it names,
/// the key it offers) is read rather than cut.
fn status_rows(app: &App, area: Rect) -> u16 {
    let Some(s) = &app.status else { return 1 };
    if area.height < 20 {
        return 1;
    }
    let asked = app.workshop_ref().and_then(|w| w.goto.as_deref());
    // The timer keeps its room on the right, as status_line draws it.
    let timer_w = app
        .workshop_ref()
        .and_then(|w| timer_text(w, app.now))
        .map_or(0, |(text, _)| widgets::width(&text) as u16 + 2);
    let cols = usize::from(area.width.saturating_sub(timer_w)).max(1);
    let text = match asked {
        Some(typed) => goto::text(app, typed),
        None => status_text(s),
    };
    let rows = widgets::wrap(&Line::from(text), cols).len();
    rows.clamp(1, STATUS_ROWS) as u16
}

pub(crate) fn status_line(app: &App, w: Option<&Workshop>, frame: &mut Frame, area: Rect) {
    // The timer keeps the right end; the message or the hint takes the rest.
    let timer = w.and_then(|w| timer_text(w, app.now));
    let timer_w = timer
        .as_ref()
        .map_or(0, |(text, _)| widgets::width(text) as u16 + 2);
    let [area, right] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(timer_w)]).areas(area);
    if let Some((text, style)) = &timer {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {text} "), *style)),
            right,
        );
    }
    if let Some(typed) = w.and_then(|w| w.goto.as_deref()) {
        goto::draw(app, typed, frame, area);
        return;
    }
    let (text, style) = match (&app.status, w) {
        (Some(s), _) if s.error => (status_text(s), theme::error()),
        (Some(s), _) => (status_text(s), theme::good()),
        (None, Some(w)) if w.session.mots.is_empty() && w.stage() == Stage::Setup => {
            // Once the brand and its message are in, the hint moves on.
            let done = !w.session.brand.is_empty() && !w.session.core_message.is_empty();
            let hint = if done {
                tr!("room.first_run.setup_done")
            } else {
                tr!("room.first_run.setup")
            };
            (format!(" {hint}"), theme::warn())
        }
        // A session used for drills alone needs no MOTs: no nudge to write one.
        (None, Some(w)) if w.session.mots.is_empty() && w.stage() != Stage::Drill => {
            (format!(" {}", tr!("room.first_run.write")), theme::warn())
        }
        (None, Some(w)) => (format!(" {}", w.stage().purpose()), theme::quiet()),
        (None, None) => (String::new(), theme::text()),
    };
    // Wrapped over the rows it was given; what still does not fit ends in
    // "…", so a cut sentence never reads as a whole one.
    let cols = usize::from(area.width);
    let rows = usize::from(area.height.max(1));
    let mut lines = widgets::wrap(&Line::from(text.clone()), cols);
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let shown: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::from(widgets::fit(&format!("{}…", shown.trim_end()), cols));
        }
    }
    let lines: Vec<Line> = lines.into_iter().map(|l| l.style(style)).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn key_bar(app: &App, frame: &mut Frame, area: Rect) {
    use crate::app::Action;
    // A lock that cannot be taken over (a read-only folder, a planted
    // link) offers no `t`, on the bar as in the question.
    let no_take_over = matches!(
        &app.screen,
        crate::app::Screen::Picker(p) if matches!(
            p.offer,
            Some(crate::app::Offer::Locked { can_take_over: false, .. })
        )
    );
    // `w` is offered only where the first session's weights settle a merge.
    let no_first_weights = matches!(
        &app.screen,
        crate::app::Screen::Picker(p) if matches!(
            p.merge,
            Some(crate::app::MergeView::Conflicts { weights_settle: false, .. })
        )
    );
    // Enter and Esc answer the show of hands' question: on the bar while
    // it is asked, and only then.
    let asking = app
        .workshop_ref()
        .is_some_and(|w| crate::app::update::unconfirmed_hands(w).is_some());
    let revealed = app.workshop_ref().is_some_and(|w| w.session.votes_revealed);
    // `#` is offered where there is a list of MOTs to go into.
    let lists_mots = app.workshop_ref().is_some_and(|w| {
        matches!(
            w.stage(),
            Stage::Write | Stage::Tag | Stage::Vote | Stage::Choose
        )
    });
    let entries: Vec<(String, &str, bool)> = active_bindings(app)
        .into_iter()
        .filter(|b| !(no_take_over && b.action == Action::TakeOver))
        .filter(|b| !(no_first_weights && b.action == Action::FirstWeights))
        .filter(|b| lists_mots || b.action != Action::GoToMot)
        .filter(|b| {
            asking
                || b.context != crate::app::keymap::Context::VoteHands
                || !matches!(b.action, Action::Submit | Action::Cancel)
        })
        .filter_map(|b| {
            let bar = b.bar.as_ref()?;
            let keys = match bar.keys {
                Some(k) => k.to_string(),
                None => b.keys.first().map(|k| k.label()).unwrap_or_default(),
            };
            // Help and quit stay on the bar however narrow it gets: with
            // them, every other key can be found.
            let pinned = matches!(b.action, Action::ToggleHelp | Action::Quit);
            // `r` says what it does now: reveal hidden totals, hide shown ones.
            let label = if b.action == Action::ToggleReveal && revealed {
                tr!("keys.bar.hide")
            } else {
                bar.label_text()
            };
            Some((keys, label, pinned))
        })
        .collect();
    let width =
        |(keys, label, _): &(String, &str, bool)| widgets::width(keys) + widgets::width(label) + 3;
    let mut room =
        (area.width as usize).saturating_sub(entries.iter().filter(|e| e.2).map(width).sum());
    let mut spans = Vec::new();
    for entry in &entries {
        if !entry.2 {
            let w = width(entry);
            if w > room {
                continue;
            }
            room -= w;
        }
        spans.push(Span::styled(format!(" {}", entry.0), theme::key()));
        spans.push(Span::raw(format!(" {} ", entry.1)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme::bar()), area);
}

/// A text field in a bordered box titled `name`, the title marked ▶ while
/// it has the cursor (the MOT editor's fields, the MOTX's).
pub fn labelled_field(field: &TextField, name: &str, focused: bool, frame: &mut Frame, area: Rect) {
    let title = if focused {
        format!("▶ {name} ")
    } else {
        format!(" {name} ")
    };
    text_field(field, focused, Block::bordered().title(title), frame, area);
}

/// Draws a text field in `area` (borders included) and puts the terminal's
/// cursor where the typing goes, so input methods pop up in the right place.
pub fn text_field(
    field: &TextField,
    focused: bool,
    block: Block<'static>,
    frame: &mut Frame,
    area: Rect,
) {
    let style = if focused {
        theme::label()
    } else {
        theme::quiet()
    };
    // A field not being typed in reads from its beginning, whatever it
    // scrolled to while typed, and says "…" where it is cut.
    if !focused {
        let text = Line::from(field.text());
        frame.render_widget(
            grow::whole_or_cut(&[text], block.border_style(style), area),
            area,
        );
        return;
    }
    let mut ta = field.textarea().clone();
    ta.set_block(block.border_style(style));
    ta.set_cursor_line_style(Style::default());
    ta.set_cursor_style(if focused {
        Style::default().add_modifier(Modifier::REVERSED)
    } else {
        Style::default()
    });
    frame.render_widget(&ta, area);
    if focused {
        let inner = ta.block().map_or(area, |b| b.inner(area));
        let cur = ta.screen_cursor();
        let (top_row, top_col) = ta.scroll_offset();
        let mut x = inner.x as usize + cur.col.saturating_sub(top_col as usize);
        let mut y = inner.y as usize + cur.row.saturating_sub(top_row as usize);
        // After a full last row the next character starts the row below,
        // where `grow::field_rows` left room for it: the cursor goes there.
        if x == (inner.x + inner.width) as usize {
            x = inner.x as usize;
            y += 1;
        }
        if x < (inner.x + inner.width) as usize && y < (inner.y + inner.height) as usize {
            frame.set_cursor_position(Position::new(x as u16, y as u16));
        }
    }
}
