//! The review of likely duplicates: the pair on screen, each MOT whole
//! with its tags, origin and votes, side by side when the screen is wide
//! and one above the other when not.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use super::{theme, widgets};
use crate::app::Workshop;
use crate::app::duplicates::DupReview;
use crate::model::{Mot, MotId};
use crate::tr;

/// Draws the review over `area`.
pub fn draw(w: &Workshop, r: &DupReview, frame: &mut Frame, area: Rect) {
    let Some(pair) = r.current() else { return };
    super::clear_popup(frame, area);
    let at = r.at.min(r.pairs.len().saturating_sub(1));
    let title = tr!(
        "ui.dup.title",
        at = at + 1,
        n = r.pairs.len(),
        alike = u32::from(pair.similarity) / 10
    );
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme::label()))
        .border_style(theme::label());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let wide = inner.width >= 110;
    let [first, second] = if wide {
        Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(inner)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(inner)
    };
    pane(w, pair.a, "1", first, frame);
    pane(w, pair.b, "2", second, frame);
}

/// One MOT of the pair, under the key that keeps it.
fn pane(w: &Workshop, id: MotId, key: &'static str, area: Rect, frame: &mut Frame) {
    let Some(m) = w.session.mot(id) else { return };
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", tr!("ui.dup.keep", key = key, id = id)),
            theme::key(),
        ))
        .border_style(theme::quiet());
    // Compact, so both of the pair read whole at 80x24: the sentence, then
    // one line each for tags, origin, merged wordings, marks and votes.
    let mut lines = vec![
        Line::from(crate::model::sentence(m)),
        Line::from(vec![
            Span::styled(format!("{} ", tr!("ui.write.tags")), theme::label()),
            Span::styled(super::write::tags_text(m), theme::quiet()),
        ]),
    ];
    if let Some(said) = m.provenance(w.session.show_authors) {
        lines.push(Line::from(Span::styled(said, theme::quiet())));
    }
    if !m.notes.is_empty() {
        lines.push(Line::from(Span::styled(
            tr!("ui.dup.notes", n = m.notes.len()),
            theme::quiet(),
        )));
    }
    let marks = super::choose::marks_text(m);
    if !marks.is_empty() {
        lines.push(Line::from(Span::styled(marks, theme::good())));
    }
    lines.push(votes(w, m));
    frame.render_widget(widgets::wrapped(&lines, block, area, false), area);
}

/// The votes on a MOT, or that they are hidden while the room votes blind.
fn votes(w: &Workshop, m: &Mot) -> Line<'static> {
    let s = &w.session;
    if !s.votes_revealed {
        return Line::from(Span::styled(tr!("ui.dup.votes_hidden"), theme::quiet()));
    }
    // Bounded by the room's dots (participants times the budget), not the MOTs.
    let dots: u32 = s
        .dots
        .iter()
        .filter(|d| d.mot == m.id)
        .map(|d| d.count)
        .sum();
    let hands: u32 = m.hands.iter().map(|h| h.count).sum();
    Line::from(Span::styled(
        tr!("ui.dup.votes", dots = dots, hands = hands),
        theme::quiet(),
    ))
}
