//! Colours and styles, chosen for a projector: strong contrast, no meaning by
//! colour alone. Three palettes (dark, light, high contrast) and none at all
//! under `NO_COLOR`, where weight, reverse video and marks carry the meaning.

use std::cell::Cell;

use ratatui::style::{Color, Modifier, Style};

use crate::model::Theme;

/// Marker drawn before the selected row, so selection never relies on colour.
pub const MARKER: &str = "▶ ";
/// Blank of the marker's width.
pub const NO_MARKER: &str = "  ";

thread_local! {
    // Set once per frame by the view; a thread-local so tests that draw side
    // by side in threads do not share it.
    static CURRENT: Cell<(Theme, bool)> = const { Cell::new((Theme::Dark, false)) };
}

/// Chooses the palette the styles below come from; `no_color` drops all colour.
pub fn set(theme: Theme, no_color: bool) {
    CURRENT.with(|c| c.set((theme, no_color)));
}

/// Whether colour is off (`NO_COLOR`).
pub fn colorless() -> bool {
    CURRENT.with(Cell::get).1
}

/// The colours of one theme.
struct Palette {
    base: Style,
    label: Color,
    quiet: Color,
    selected: (Color, Color),
    warn: Color,
    error: (Color, Color),
    good: Color,
    stage: (Color, Color),
    bar: (Color, Color),
    key: Color,
    focus: Color,
    heat: [Color; 4],
    heat_text: Color,
    /// One per respondent group in the stacked bars (repeating after four).
    groups: [Color; 4],
    /// The three circles: important, we do well, competitors poor.
    circles: [Color; 3],
}

const DARK: Palette = Palette {
    // The terminal's own dark background and light text.
    base: Style::new(),
    label: Color::Cyan,
    quiet: Color::Gray,
    selected: (Color::Black, Color::Yellow),
    warn: Color::Yellow,
    error: (Color::White, Color::Red),
    good: Color::Green,
    stage: (Color::Black, Color::Cyan),
    bar: (Color::White, Color::Indexed(236)),
    key: Color::Yellow,
    focus: Color::Magenta,
    heat: [
        Color::Indexed(24),  // deep blue
        Color::Indexed(94),  // brown-orange
        Color::Indexed(166), // orange
        Color::Indexed(160), // red
    ],
    heat_text: Color::White,
    groups: [
        Color::LightCyan,
        Color::LightYellow,
        Color::LightMagenta,
        Color::LightGreen,
    ],
    circles: [Color::LightRed, Color::LightBlue, Color::LightGreen],
};

// Indexed 16 and 231 are pure black and white in every 256-colour terminal,
// whatever its own scheme calls "black".
const BLACK: Color = Color::Indexed(16);
const WHITE: Color = Color::Indexed(231);

const LIGHT: Palette = Palette {
    base: Style::new().fg(BLACK).bg(WHITE),
    label: Color::Indexed(19), // dark blue
    quiet: Color::Indexed(238),
    selected: (WHITE, Color::Indexed(19)),
    warn: Color::Indexed(124), // dark red
    error: (WHITE, Color::Indexed(160)),
    good: Color::Indexed(22), // dark green
    stage: (WHITE, Color::Indexed(19)),
    bar: (BLACK, Color::Indexed(252)),
    key: Color::Indexed(19),
    focus: Color::Indexed(90), // purple
    heat: [
        Color::Indexed(153), // pale blue
        Color::Indexed(222), // pale orange
        Color::Indexed(208), // orange
        Color::Indexed(196), // red
    ],
    heat_text: BLACK,
    groups: [
        Color::Indexed(19),  // dark blue
        Color::Indexed(130), // dark orange
        Color::Indexed(90),  // purple
        Color::Indexed(22),  // dark green
    ],
    circles: [Color::Indexed(160), Color::Indexed(19), Color::Indexed(22)],
};

const HIGH_CONTRAST: Palette = Palette {
    base: Style::new().fg(WHITE).bg(BLACK),
    label: Color::Indexed(51), // bright cyan
    quiet: WHITE,
    selected: (BLACK, Color::Indexed(226)),
    warn: Color::Indexed(226), // bright yellow
    error: (WHITE, Color::Indexed(196)),
    good: Color::Indexed(46), // bright green
    stage: (BLACK, WHITE),
    bar: (WHITE, BLACK),
    key: Color::Indexed(226),
    focus: Color::Indexed(201), // bright magenta
    // Dark enough under white text for 5:1 or better; the glyphs tell the
    // levels apart too.
    heat: [
        Color::Indexed(21),  // blue
        Color::Indexed(90),  // purple
        Color::Indexed(130), // dark orange
        Color::Indexed(124), // dark red
    ],
    heat_text: WHITE,
    groups: [
        Color::Indexed(51),  // bright cyan
        Color::Indexed(226), // bright yellow
        Color::Indexed(201), // bright magenta
        Color::Indexed(46),  // bright green
    ],
    circles: [Color::Indexed(196), Color::Indexed(51), Color::Indexed(46)],
};

fn palette() -> Option<&'static Palette> {
    match CURRENT.with(Cell::get) {
        (_, true) => None,
        (Theme::Dark, _) => Some(&DARK),
        (Theme::Light, _) => Some(&LIGHT),
        (Theme::HighContrast, _) => Some(&HIGH_CONTRAST),
    }
}

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// Whether the high-contrast theme is on: everything that matters is bold there.
fn strong() -> bool {
    CURRENT.with(Cell::get).0 == Theme::HighContrast
}

/// The screen's own colours, painted under everything.
pub fn base() -> Style {
    palette().map_or_else(Style::new, |p| p.base)
}

/// Plain text.
pub fn text() -> Style {
    if strong() { bold() } else { Style::new() }
}

/// Headings and labels.
pub fn label() -> Style {
    palette().map_or_else(bold, |p| bold().fg(p.label))
}

/// Secondary text that still has to be readable from the back row.
pub fn quiet() -> Style {
    palette().map_or_else(Style::new, |p| text().fg(p.quiet))
}

/// The selected row or cell (always drawn with [`MARKER`] too).
pub fn selected() -> Style {
    palette().map_or_else(
        || bold().add_modifier(Modifier::REVERSED),
        |p| bold().fg(p.selected.0).bg(p.selected.1),
    )
}

/// Something that needs the room's attention (coaching, warnings).
pub fn warn() -> Style {
    palette().map_or_else(bold, |p| bold().fg(p.warn))
}

/// An error.
pub fn error() -> Style {
    palette().map_or_else(
        || bold().add_modifier(Modifier::REVERSED),
        |p| bold().fg(p.error.0).bg(p.error.1),
    )
}

/// Good news (tagged, complete).
pub fn good() -> Style {
    palette().map_or_else(bold, |p| bold().fg(p.good))
}

/// The current stage on the stage bar.
pub fn stage_current() -> Style {
    palette().map_or_else(
        || bold().add_modifier(Modifier::REVERSED),
        |p| bold().fg(p.stage.0).bg(p.stage.1),
    )
}

/// The bar at the top and the key bar at the bottom.
pub fn bar() -> Style {
    palette().map_or_else(Style::new, |p| text().fg(p.bar.0).bg(p.bar.1))
}

/// Keys in the key bar.
pub fn key() -> Style {
    palette().map_or_else(bold, |p| bold().fg(p.key))
}

/// The focus dimension's mark.
pub fn focus() -> Style {
    palette().map_or_else(
        || bold().add_modifier(Modifier::UNDERLINED),
        |p| bold().fg(p.focus),
    )
}

/// A matrix cell at heat 0 (empty or no score) to 4 (hottest).
pub fn heat(level: u8) -> Style {
    let Some(p) = palette() else {
        // The glyphs carry the heat; the hottest also stands out by weight.
        return if level >= 3 { bold() } else { Style::new() };
    };
    match level {
        0 => quiet(),
        n => bold().bg(p.heat[usize::from(n.min(4)) - 1]).fg(p.heat_text),
    }
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

/// A respondent group's piece of a stacked bar, by the group's place in the session.
pub fn group(index: usize) -> Style {
    palette().map_or_else(Style::new, |p| Style::new().fg(p.groups[index % 4]))
}

/// A glyph per group, so the pieces of a bar tell apart without colour too.
pub fn group_glyph(index: usize) -> &'static str {
    ["█", "▓", "▒", "░"][index % 4]
}

/// One of the three circles of Choose.
pub fn circle(c: crate::model::Circle) -> Style {
    let i = match c {
        crate::model::Circle::Important => 0,
        crate::model::Circle::WeDoWell => 1,
        crate::model::Circle::CompetitorsPoor => 2,
    };
    palette().map_or_else(Style::new, |p| text().fg(p.circles[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_uses_no_colour_but_keeps_selection_visible() {
        set(Theme::Light, true);
        for style in [
            base(),
            text(),
            label(),
            quiet(),
            selected(),
            warn(),
            error(),
            good(),
            stage_current(),
            bar(),
            key(),
            focus(),
            heat(4),
        ] {
            assert_eq!(style.fg, None, "{style:?}");
            assert_eq!(style.bg, None, "{style:?}");
        }
        assert!(selected().add_modifier.contains(Modifier::REVERSED));
        set(Theme::Dark, false);
    }

    #[test]
    fn every_theme_tells_selection_and_errors_apart_from_text() {
        for theme in Theme::ALL {
            set(theme, false);
            assert_ne!(selected(), text(), "{theme:?}");
            assert_ne!(error(), warn(), "{theme:?}");
            assert_ne!(heat(1), heat(4), "{theme:?}");
        }
        set(Theme::Dark, false);
    }
}
