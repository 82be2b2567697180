//! The number of the MOT to go to, asked after `#`: drawn where the status
//! line is, with the cursor after the digits, and what the last key said.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{theme, widgets};
use crate::app::App;
use crate::tr;

/// "Go to MOT #12", as typed so far.
fn prompt(typed: &str) -> String {
    format!(" {}", tr!("ui.goto.prompt", number = typed))
}

/// The whole line while the number is asked: the prompt, then the message.
pub(super) fn text(app: &App, typed: &str) -> String {
    match &app.status {
        Some(s) => format!("{}  {}", prompt(typed), s.text),
        None => prompt(typed),
    }
}

/// Draws the prompt and the message after it, wrapped over `area`.
pub(super) fn draw(app: &App, typed: &str, frame: &mut Frame, area: Rect) {
    let prompt = prompt(typed);
    let mut spans = vec![Span::styled(prompt.clone(), theme::label())];
    if let Some(s) = &app.status {
        let style = if s.error {
            theme::error()
        } else {
            theme::good()
        };
        spans.push(Span::raw("  "));
        spans.push(Span::styled(s.text.clone(), style));
    }
    let lines = widgets::wrap(&Line::from(spans), usize::from(area.width));
    frame.render_widget(Paragraph::new(lines), area);
    // The terminal's cursor after the digits: the line reads as a field.
    let x = u32::from(area.x) + widgets::width(&prompt) as u32;
    if x < u32::from(area.x) + u32::from(area.width) && area.height > 0 {
        frame.set_cursor_position(Position::new(x as u16, area.y));
    }
}
