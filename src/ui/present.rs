//! Presenting: the current view on the whole screen for the room to discuss,
//! with the stage and the timer in big letters when there is room for them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

use super::{stage_view, status_line, theme, timer_text, widgets};
use crate::app::{App, Workshop, timer};

/// Height from which the header uses big letters (four rows of them).
const BIG_FROM_HEIGHT: u16 = 30;

/// Draws the workshop in presenting mode.
pub fn draw(app: &App, w: &Workshop, frame: &mut Frame, area: Rect) {
    let big = area.height >= BIG_FROM_HEIGHT && area.width >= 80;
    // The number asked after `#` is drawn where messages are.
    let message = app.status.is_some() || w.goto.is_some();
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(if big { 5 } else { 1 }),
        Constraint::Min(1),
        Constraint::Length(u16::from(message)),
    ])
    .areas(area);
    let name = w.stage().name();
    let timer = timer_text(w, app.now);
    // Another stage's countdown is never drawn as this one's: big digits
    // under this stage's name are for its own timer only; another stage's
    // keeps its label, in plain letters.
    let own = w.timer.is_some_and(|t| t.stage == w.stage());
    if big && own {
        // The clock as the timer reads it, not parsed back out of its label.
        let clock = w.timer.map(|t| timer::clock(t.left(app.now)));
        big_header(name, timer.as_ref().zip(clock.as_deref()), frame, header);
    } else if big {
        big_header(name, None, frame, header);
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
    stage_view(w, frame, body);
    if message {
        status_line(app, Some(w), frame, footer);
    }
}

/// The stage name and the timer in letters the back row reads. The 8x8 font
/// has no Chinese, so a name it cannot draw is written large-spaced instead.
fn big_header(
    name: &str,
    timer: Option<(&(String, ratatui::style::Style), &str)>,
    frame: &mut Frame,
    area: Rect,
) {
    // Wide letters when both fit, else narrow ones: four rows either way.
    let clock_chars = timer.map_or(0, |(_, clock)| clock.chars().count() as u16);
    let name_chars = if name.is_ascii() {
        name.len() as u16
    } else {
        0
    };
    let (pixels, glyph) = if (name_chars + clock_chars) * 8 + 4 <= area.width {
        (PixelSize::HalfHeight, 8)
    } else {
        (PixelSize::Quadrant, 4)
    };
    let clock_width = if timer.is_some() {
        (clock_chars * glyph).max(16) + 2
    } else {
        0
    };
    let [left, right] =
        Layout::horizontal([Constraint::Min(10), Constraint::Length(clock_width)]).areas(area);
    let [left, _] = Layout::vertical([Constraint::Length(4), Constraint::Min(0)]).areas(left);
    if name.is_ascii() {
        let title = BigText::builder()
            .pixel_size(pixels)
            .style(theme::label())
            .lines(vec![Line::from(name.to_uppercase())])
            .build();
        frame.render_widget(title, left.inner(ratatui::layout::Margin::new(1, 0)));
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
            Layout::vertical([Constraint::Length(4), Constraint::Length(1)]).areas(right);
        let big = BigText::builder()
            .pixel_size(pixels)
            .style(*style)
            .lines(vec![Line::from(digits.to_string())])
            .build();
        frame.render_widget(big, clock);
        frame.render_widget(Paragraph::new(Span::styled(text.clone(), *style)), label);
    }
}
