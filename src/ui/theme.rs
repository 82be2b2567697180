//! Colours and styles, chosen for a projector: strong contrast, no meaning by colour alone.

use ratatui::style::{Color, Modifier, Style};

/// Marker drawn before the selected row, so selection never relies on colour.
pub const MARKER: &str = "▶ ";
/// Blank of the marker's width.
pub const NO_MARKER: &str = "  ";

/// Plain text.
pub fn text() -> Style {
    Style::default()
}

/// Headings and labels.
pub fn label() -> Style {
    Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

/// Secondary text that still has to be readable from the back row.
pub fn quiet() -> Style {
    Style::default().fg(Color::Gray)
}

/// The selected row or cell.
pub fn selected() -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// Something that needs the room's attention (coaching, warnings).
pub fn warn() -> Style {
    Style::default()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// An error.
pub fn error() -> Style {
    Style::default()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

/// Good news (tagged, complete).
pub fn good() -> Style {
    Style::default()
        .fg(Color::Green)
        .add_modifier(Modifier::BOLD)
}

/// The current stage on the stage bar.
pub fn stage_current() -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

/// The bar at the top.
pub fn bar() -> Style {
    Style::default().bg(Color::Indexed(236)).fg(Color::White)
}

/// Keys in the key bar.
pub fn key() -> Style {
    Style::default()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// The focus dimension's mark.
pub fn focus() -> Style {
    Style::default()
        .fg(Color::Magenta)
        .add_modifier(Modifier::BOLD)
}

/// A matrix cell at heat 0 (empty or no score) to 4 (hottest).
pub fn heat(level: u8) -> Style {
    let bg = match level {
        0 => return Style::default().fg(Color::Gray),
        1 => Color::Indexed(24),  // deep blue
        2 => Color::Indexed(94),  // brown-orange
        3 => Color::Indexed(166), // orange
        _ => Color::Indexed(160), // red
    };
    Style::default()
        .bg(bg)
        .fg(Color::White)
        .add_modifier(Modifier::BOLD)
}

/// A glyph per heat level, so the heat reads without colour too.
pub fn heat_glyph(level: u8) -> &'static str {
    match level {
        0 => " ",
        1 => "░",
        2 => "▒",
        3 => "▓",
        _ => "█",
    }
}
