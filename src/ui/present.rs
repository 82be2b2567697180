//! Presenting: the current view on the whole screen for the room to discuss,
//! with the stage and the timer in big letters when there is room for them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

use super::{choose, drill, glyphs, matrix, stage_view, status_line, theme, timer_text, widgets};
use crate::app::{App, Stage, Workshop, timer};

/// Height from which the header uses big letters (four rows of them).
const BIG_FROM_HEIGHT: u16 = 30;

/// Size from which the whole screen is drawn for the back of a room: the
/// letters twice as tall, the ranking and the matrix spaced out.
const TALL_FROM: (u16, u16) = (140, 40);

/// How large presenting mode draws on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    /// One line of header.
    Line,
    /// Letters four rows tall (Chinese ones eight: they need it).
    Big,
    /// Letters eight rows tall, and the roomy views.
    Tall,
}

impl Size {
    fn of(area: Rect) -> Size {
        if area.width >= TALL_FROM.0 && area.height >= TALL_FROM.1 {
            Size::Tall
        } else if area.height >= BIG_FROM_HEIGHT && area.width >= 80 {
            Size::Big
        } else {
            Size::Line
        }
    }
}

/// Whether a stage title can be drawn in big letters: English by the 8x8
/// font, Chinese by the hand-drawn glyphs.
pub fn title_drawn_big(name: &str) -> bool {
    name.is_ascii() || glyphs::can_draw(name)
}

/// Whether `name` is drawn in hand-drawn glyphs (the 8x8 font has no Chinese).
fn in_glyphs(name: &str) -> bool {
    !name.is_ascii() && glyphs::can_draw(name)
}

/// Draws the workshop in presenting mode.
pub fn draw(app: &App, w: &Workshop, frame: &mut Frame, area: Rect) {
    let size = Size::of(area);
    // On a drill's round the room needs the phase more than the stage: it
    // is the big word beside the clock (the clock's label names the stage).
    let name = if w.stage() == Stage::Drill && w.drill.view == crate::app::drill::DrillView::Round {
        w.drill.phase.name()
    } else {
        w.stage().name()
    };
    // A title too wide for the glyphs next to the smallest clock is written plainly.
    let glyphs_fit = in_glyphs(name) && glyphs::width(name) + 2 + 18 <= area.width;
    // The number asked after `#` is drawn where messages are.
    let message = app.status.is_some() || w.goto.is_some();
    let header_h = match size {
        Size::Line => 1,
        // Eight rows of letters and one for the timer's words under its digits.
        Size::Tall => glyphs::ROWS + 1,
        Size::Big if glyphs_fit => glyphs::ROWS,
        Size::Big => 5,
    };
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(header_h),
        Constraint::Min(1),
        Constraint::Length(u16::from(message)),
    ])
    .areas(area);
    let timer = timer_text(w, app.now);
    // Another stage's countdown is never drawn as this one's: big digits
    // under this stage's name are for its own timer only; another stage's
    // keeps its label, in plain letters.
    let own = w.timer.is_some_and(|t| t.stage == w.stage());
    let title = Title {
        name,
        glyphs: glyphs_fit,
        tall: size == Size::Tall,
    };
    // A drill's round clock not started yet is still the room's clock: its
    // phase's whole length stands big where the countdown will run.
    let waiting = (w.stage() == Stage::Drill && !own).then(|| {
        let phase = w.drill.phase;
        let length =
            std::time::Duration::from_secs(u64::from(w.session.drill.phases.seconds(phase)));
        (
            (
                format!("{} · {}", w.stage().name(), phase.name()),
                theme::quiet(),
            ),
            timer::clock(length),
        )
    });
    if size != Size::Line && own {
        // The clock as the timer reads it, not parsed back out of its label.
        let clock = w.timer.map(|t| timer::clock(t.left(app.now)));
        big_header(&title, timer.as_ref().zip(clock.as_deref()), frame, header);
    } else if let (Some((label, digits)), true) = (&waiting, size != Size::Line) {
        big_header(&title, Some((label, digits.as_str())), frame, header);
    } else if size != Size::Line {
        big_header(&title, None, frame, header);
        if let Some((text, style)) = &timer {
            let width = (widgets::width(text) as u16 + 2).min(header.width);
            let [_, right] =
                Layout::horizontal([Constraint::Min(0), Constraint::Length(width)]).areas(header);
            let [_, row, _] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Min(0),
            ])
            .areas(right);
            frame.render_widget(
                Paragraph::new(Span::styled(format!(" {text} "), *style)),
                row,
            );
        }
    } else {
        let mut spans = vec![Span::styled(format!(" ▶ {name} "), theme::stage_current())];
        if let Some((text, style)) = &timer {
            let used = widgets::width(name) + 4;
            let gap = (header.width as usize).saturating_sub(used + widgets::width(text) + 2);
            spans.push(Span::raw(" ".repeat(gap)));
            spans.push(Span::styled(format!(" {text} "), *style));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), header);
    }
    // The room reads the ranking and the matrix from afar: on a large
    // screen they get the space; the other stages are drawn as ever.
    match w.stage() {
        Stage::Matrix if size == Size::Tall => matrix::draw_roomy(w, frame, body),
        Stage::Choose if size == Size::Tall => choose::draw_roomy(w, frame, body),
        // The round's big digits are the header's when it shows them.
        Stage::Drill => {
            let look = drill::Look {
                clock_in_header: size != Size::Line && (own || waiting.is_some()),
                roomy: size == Size::Tall,
            };
            drill::draw_with(w, app.now, look, frame, body);
        }
        _ => stage_view(w, app.now, frame, body),
    }
    if message {
        status_line(app, Some(w), frame, footer);
    }
}

/// The stage title as the header draws it.
struct Title<'a> {
    name: &'a str,
    /// Drawn in the hand-drawn Chinese glyphs.
    glyphs: bool,
    /// Eight rows tall rather than four.
    tall: bool,
}

/// The stage name and the timer in letters the back row reads. A name
/// neither font can draw is written large-spaced instead.
fn big_header(
    title: &Title,
    timer: Option<(&(String, Style), &str)>,
    frame: &mut Frame,
    area: Rect,
) {
    let name = title.name;
    // Wide letters when both fit, else narrow ones.
    let clock_chars = timer.map_or(0, |(_, clock)| clock.chars().count() as u16);
    let name_w = if title.glyphs {
        glyphs::width(name)
    } else if name.is_ascii() {
        name.len() as u16 * 8
    } else {
        0
    };
    let wide = name_w + clock_chars * 8 + 4 <= area.width;
    // Eight-row letters only in a tall header; the 8x8 font draws them
    // eight columns wide either way, four when narrow.
    let (pixels, glyph) = match (wide, title.tall) {
        (true, true) => (PixelSize::Full, 8),
        (true, false) => (PixelSize::HalfHeight, 8),
        (false, _) => (PixelSize::Quadrant, 4),
    };
    let letter_rows = if pixels == PixelSize::Full { 8 } else { 4 };
    let clock_width = if timer.is_some() {
        (clock_chars * glyph).max(16) + 2
    } else {
        0
    };
    let [left, right] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(clock_width)]).areas(area);
    if title.glyphs {
        let [left, _] =
            Layout::vertical([Constraint::Length(glyphs::ROWS), Constraint::Min(0)]).areas(left);
        let lines: Vec<Line> = glyphs::lines(name).into_iter().map(Line::from).collect();
        frame.render_widget(
            Paragraph::new(lines).style(theme::label()),
            left.inner(Margin::new(1, 0)),
        );
    } else if name.is_ascii() {
        let [left, _] =
            Layout::vertical([Constraint::Length(letter_rows), Constraint::Min(0)]).areas(left);
        let big = BigText::builder()
            .pixel_size(pixels)
            .style(theme::label())
            .lines(vec![Line::from(name.to_uppercase())])
            .build();
        frame.render_widget(big, left.inner(Margin::new(1, 0)));
    } else {
        let spaced: String = name
            .chars()
            .flat_map(|c| [c, ' '])
            .collect::<String>()
            .trim_end()
            .to_string();
        let [_, mid, _] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(left);
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" ▶ {spaced}"), theme::label())),
            mid,
        );
    }
    if let Some(((text, style), digits)) = timer {
        let [clock, label] =
            Layout::vertical([Constraint::Length(letter_rows), Constraint::Length(1)]).areas(right);
        let big = BigText::builder()
            .pixel_size(pixels)
            .style(*style)
            .lines(vec![Line::from(digits.to_string())])
            .build();
        frame.render_widget(big, clock);
        frame.render_widget(Paragraph::new(Span::styled(text.clone(), *style)), label);
    }
}
