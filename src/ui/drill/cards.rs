//! The deck of scenario cards: the list, the selected card in full (one
//! brief per player), and the list a card is picked from.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::key_of;
use crate::app::drill::{Picker, Source};
use crate::app::keymap::Context;
use crate::app::{Action, Stage, Workshop};
use crate::model::drill::BehaviourStep;
use crate::model::drill::cards::{Card, CardOrigin, CardPart, library};
use crate::model::sentence;
use crate::tr;
use crate::ui::{grow, theme, widgets};

/// Draws the deck and the selected card.
pub(super) fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    let deck = &w.session.drill.deck;
    if deck.is_empty() {
        draw_empty(w, frame, area);
        return;
    }
    let (list, detail) = if area.width >= 120 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
            .areas(area);
        (l, r)
    } else {
        // The card keeps the rows its three briefs need, one row a part;
        // the list takes what is left, five rows at least.
        let most = area.height.saturating_sub(13).max(3);
        let list_h = (deck.len() as u16 + 2).clamp(3, most);
        let [l, r] = Layout::vertical([Constraint::Length(list_h), Constraint::Min(3)]).areas(area);
        (l, r)
    };
    draw_list(w, frame, list);
    let selected = w.drill.card.min(deck.len() - 1);
    if let Some(c) = deck.get(selected) {
        draw_card(c.id, &c.card, frame, detail);
    }
}

/// Where a card came from, in a word or two.
fn origin_text(origin: &CardOrigin) -> String {
    match origin {
        CardOrigin::Library(_) => tr!("drill.origin.library").to_string(),
        CardOrigin::FromMot(id) => tr!("drill.origin.mot", id = id),
        CardOrigin::Written => tr!("drill.origin.written").to_string(),
    }
}

/// ✓ when the card is whole, else how many parts are still to write.
fn status_span(card: &Card) -> Span<'static> {
    let missing = card.missing().len();
    if missing == 0 {
        Span::styled(format!("✓ {}", tr!("drill.card.complete")), theme::good())
    } else {
        Span::styled(
            format!("⚠ {}", tr!("drill.card.to_write", n = missing)),
            theme::warn(),
        )
    }
}

fn draw_list(w: &Workshop, frame: &mut Frame, area: Rect) {
    let deck = &w.session.drill.deck;
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", tr!("drill.cards.count", n = deck.len())),
        theme::label(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = usize::from(inner.width);
    // The picker's list keeps the scroll while it is open.
    let own = Cell::new(w.drill.scroll.get());
    let scroll = if w.drill.picker.is_some() {
        &own
    } else {
        &w.drill.scroll
    };
    let selected = w.drill.card.min(deck.len().saturating_sub(1));
    let range = widgets::window(selected, deck.len(), usize::from(inner.height), scroll);
    let origin_w = deck
        .iter()
        .map(|c| widgets::width(&origin_text(&c.card.origin)))
        .max()
        .unwrap_or(0);
    let status_w = deck
        .iter()
        .map(|c| status_span(&c.card).width())
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = range
        .map(|i| {
            let c = &deck[i];
            let sel = i == selected;
            let marker = if sel { theme::MARKER } else { theme::NO_MARKER };
            let status = status_span(&c.card);
            let origin = widgets::pad(&origin_text(&c.card.origin), origin_w);
            let head = format!("{marker}{:>2}  ", c.id);
            let right_w = origin_w + 2 + status_w;
            // The origin and the status go first on a narrow row: the
            // title can be read in full below the list.
            let room = cols.saturating_sub(widgets::width(&head) + right_w + 2);
            let (title, tail) = if room >= 8 {
                (
                    widgets::pad(&widgets::fit(&c.card.title, room), room),
                    vec![
                        Span::raw("  "),
                        Span::styled(origin, theme::quiet()),
                        Span::raw("  "),
                        status,
                    ],
                )
            } else {
                let room = cols.saturating_sub(widgets::width(&head) + status.width() + 1);
                (
                    widgets::pad(&widgets::fit(&c.card.title, room), room),
                    vec![Span::raw(" "), status],
                )
            };
            let style = if sel {
                theme::selected()
            } else {
                theme::text()
            };
            let mut spans = vec![Span::styled(head, style), Span::styled(title, style)];
            spans.extend(tail);
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What to do with an empty deck, with the keys that do it.
fn draw_empty(w: &Workshop, frame: &mut Frame, area: Rect) {
    let key = |action: Action| Span::styled(key_of(Context::DrillCards, &action), theme::key());
    let chosen = w.session.mots.iter().filter(|m| m.chosen).count();
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(
            format!("  {}", tr!("drill.cards.empty")),
            theme::label(),
        )),
        Line::from(""),
    ];
    lines.push(Line::from(widgets::keyed(
        &format!("  {}", tr!("drill.cards.add_library")),
        &[("key", key(Action::AddFromLibrary))],
    )));
    let mut from_mot = widgets::keyed(
        &format!("  {}", tr!("drill.cards.add_mot")),
        &[("key", key(Action::CardFromMot))],
    );
    from_mot.push(Span::styled(
        if chosen == 0 {
            // The brackets are the language's own (full-width in Chinese).
            format!(
                "  {}",
                tr!("drill.cards.none_chosen", choose = Stage::Choose.name())
            )
        } else {
            format!("  {}", tr!("drill.cards.chosen", n = chosen))
        },
        theme::quiet(),
    ));
    lines.push(Line::from(from_mot));
    lines.push(Line::from(widgets::keyed(
        &format!("  {}", tr!("drill.cards.add_new")),
        &[("key", key(Action::NewCard))],
    )));
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", tr!("drill.cards.count", n = 0)),
        theme::label(),
    ));
    frame.render_widget(widgets::wrapped(&lines, block, area, false), area);
}

/// The three briefs of a card: a heading and its parts (label, text).
fn briefs(card: &Card) -> [(String, Vec<(String, String)>); 3] {
    let part = |p: CardPart| (p.name(), card.get(p).to_string());
    [
        (
            tr!("drill.brief.customer").to_string(),
            vec![
                part(CardPart::Who),
                part(CardPart::Opening),
                part(CardPart::Need),
                part(CardPart::Objection),
            ],
        ),
        (
            tr!("drill.brief.staff").to_string(),
            vec![
                part(CardPart::Scene),
                part(CardPart::Goal),
                part(CardPart::Feeling),
            ],
        ),
        (
            tr!("drill.brief.observer").to_string(),
            // Under its heading, a step's name says what the line is for.
            BehaviourStep::ALL
                .iter()
                .map(|s| {
                    (
                        s.name().to_string(),
                        card.get(CardPart::Guide(*s)).to_string(),
                    )
                })
                .collect(),
        ),
    ]
}

/// "⚠ still to write", where a part of a card is empty.
pub(super) fn still_to_write() -> Span<'static> {
    Span::styled(
        format!("⚠ {}", tr!("drill.card.still_to_write")),
        theme::warn(),
    )
}

/// One part as rows of `cols`: its label, then its text wrapped (`wrap`)
/// or kept to the row with "…"; an empty part says it is still to write.
fn part_lines(label: &str, text: &str, cols: usize, wrap: bool) -> Vec<Line<'static>> {
    let head = Span::styled(format!("{label}  "), theme::label());
    let text = text.trim();
    if text.is_empty() {
        // Kept whole on its row: "still to" ending one row reads as a sentence cut.
        return grow::pack(&Line::from(vec![head, still_to_write()]), cols);
    }
    let room = cols.saturating_sub(head.width());
    if wrap || room < 6 {
        return widgets::wrap(&Line::from(vec![head, Span::raw(text.to_string())]), cols);
    }
    vec![Line::from(vec![
        head,
        Span::styled(widgets::fit(text, room), theme::text()),
    ])]
}

/// A brief as rows: its heading, then its parts.
fn brief_lines(
    brief: &(String, Vec<(String, String)>),
    cols: usize,
    wrap: bool,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        brief.0.clone(),
        theme::label().add_modifier(Modifier::UNDERLINED),
    ))];
    for (label, text) in &brief.1 {
        lines.extend(part_lines(label, text, cols, wrap));
    }
    lines
}

/// The card in full: its number and title, where it came from, and the
/// three briefs, wrapped where there is room, a row a part where not.
pub(super) fn draw_card(id: u32, card: &Card, frame: &mut Frame, area: Rect) {
    let title = if card.title.trim().is_empty() {
        tr!("drill.card.untitled").to_string()
    } else {
        card.title.clone()
    };
    let status = Line::from(vec![
        Span::styled(format!(" {} · ", origin_text(&card.origin)), theme::quiet()),
        status_span(card),
        Span::raw(" "),
    ])
    .right_aligned();
    let room = usize::from(area.width).saturating_sub(status.width() + 10);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {id} · {} ", widgets::fit(&title, room)),
            theme::label(),
        ))
        .title(status);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [customer, staff, observer] = briefs(card);
    let rows = usize::from(inner.height);
    if inner.width >= 70 {
        // The customer's and the staff member's briefs side by side, the
        // observer's guide under them.
        let half = inner.width / 2;
        let cols_l = usize::from(half.saturating_sub(1));
        let cols_r = usize::from(inner.width - half).saturating_sub(1);
        let full = usize::from(inner.width);
        let lay = |wrap: bool| {
            let l = brief_lines(&customer, cols_l, wrap);
            let r = brief_lines(&staff, cols_r, wrap);
            let b = brief_lines(&observer, full, wrap);
            (l, r, b)
        };
        let fits = |(l, r, b): &(Vec<Line>, Vec<Line>, Vec<Line>)| {
            l.len().max(r.len()) + 1 + b.len() <= rows
        };
        let mut laid = lay(true);
        if !fits(&laid) {
            laid = lay(false);
        }
        let (l, r, b) = laid;
        let top_h = l.len().max(r.len()).min(rows);
        let gap = usize::from(top_h + 1 + b.len() <= rows);
        let [top, _, bottom] = Layout::vertical([
            Constraint::Length(top_h as u16),
            Constraint::Length(gap as u16),
            Constraint::Min(0),
        ])
        .areas(inner);
        let [left, right] =
            Layout::horizontal([Constraint::Length(half), Constraint::Min(1)]).areas(top);
        let right = Rect {
            x: right.x + 1,
            width: right.width.saturating_sub(1),
            ..right
        };
        frame.render_widget(Paragraph::new(grow::cut(l, top_h, cols_l)), left);
        frame.render_widget(Paragraph::new(grow::cut(r, top_h, cols_r)), right);
        let left_rows = usize::from(bottom.height);
        frame.render_widget(Paragraph::new(grow::cut(b, left_rows, full)), bottom);
        return;
    }
    let cols = usize::from(inner.width);
    let lay = |wrap: bool| -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        for (i, brief) in [&customer, &staff, &observer].into_iter().enumerate() {
            if i > 0 && wrap {
                lines.push(Line::from(""));
            }
            lines.extend(brief_lines(brief, cols, wrap));
        }
        lines
    };
    let mut lines = lay(true);
    if lines.len() > rows {
        lines = lay(false);
    }
    frame.render_widget(Paragraph::new(grow::cut(lines, rows, cols)), inner);
}

/// The list a card is picked from, over the deck.
pub(super) fn draw_picker(w: &Workshop, p: &Picker, frame: &mut Frame, area: Rect) {
    let deck = &w.session.drill.deck;
    let in_deck = |origin: &CardOrigin| deck.iter().any(|c| c.card.origin == *origin);
    // Each row: its text, a second quieter text, and whether the deck has it.
    let rows: Vec<(String, String, bool)> = match p.source {
        Source::Library => library(crate::i18n::current())
            .into_iter()
            .map(|c| (c.title.clone(), c.who.clone(), in_deck(&c.origin)))
            .collect(),
        Source::Chosen => w
            .session
            .mots
            .iter()
            .filter(|m| m.chosen)
            .map(|m| {
                (
                    format!("MOT {}", m.id),
                    sentence(&**m),
                    in_deck(&CardOrigin::FromMot(m.id)),
                )
            })
            .collect(),
    };
    let title = match p.source {
        Source::Library => tr!("drill.pick.library"),
        Source::Chosen => tr!("drill.pick.chosen"),
    };
    // As wide as the body on a laptop: the text behind would show at its sides.
    let width = area.width.min(100);
    let height = (rows.len().max(2) as u16 + 2).min(area.height.saturating_sub(2));
    let popup = widgets::centered(area, width, height);
    crate::ui::clear_popup(frame, popup);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme::label()))
        .border_style(theme::label());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if rows.is_empty() {
        let text = match p.source {
            Source::Library => tr!("drill.pick.no_library").to_string(),
            Source::Chosen => tr!("drill.pick.no_chosen", choose = Stage::Choose.name()),
        };
        frame.render_widget(
            widgets::wrapped(
                &[Line::from(Span::styled(text, theme::warn()))],
                Block::new(),
                inner,
                false,
            ),
            inner,
        );
        return;
    }
    let cols = usize::from(inner.width);
    let have = format!("✓ {}", tr!("drill.pick.in_deck"));
    // The mark's column is kept only when some row is in the deck already.
    let have_w = if rows.iter().any(|r| r.2) {
        widgets::width(&have)
    } else {
        0
    };
    // The title whole where it can be; the quieter text gives way first.
    let first_w = widgets::widest(rows.iter().map(|r| r.0.as_str()), 0)
        .min(cols.saturating_sub(have_w + 16).max(cols / 3));
    let selected = p.selected.min(rows.len() - 1);
    let range = widgets::window(
        selected,
        rows.len(),
        usize::from(inner.height),
        &w.drill.scroll,
    );
    let lines: Vec<Line> = range
        .map(|i| {
            let (first, second, there) = &rows[i];
            let sel = i == selected;
            let marker = if sel { theme::MARKER } else { theme::NO_MARKER };
            let style = if sel {
                theme::selected()
            } else {
                theme::text()
            };
            let head = format!(
                "{marker}{}  ",
                widgets::pad(&widgets::fit(first, first_w), first_w)
            );
            let room = cols.saturating_sub(widgets::width(&head) + have_w + 2);
            let mut spans = vec![
                Span::styled(head, style),
                Span::styled(
                    widgets::pad(&widgets::fit(second, room), room),
                    if sel { style } else { theme::quiet() },
                ),
                Span::raw("  "),
            ];
            if *there {
                spans.push(Span::styled(have.clone(), theme::good()));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
