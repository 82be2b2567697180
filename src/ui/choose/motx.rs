//! Choose's MOTX editor: the designed experience of a chosen MOT.

use super::*;

/// The MOTX editor over the Choose screen.
pub(super) fn draw_motx(w: &Workshop, ed: &MotxEditor, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(8).min(100);
    // The MOT's sentence in full when it fits in three rows, feeling included.
    let text = w.session.mot(ed.mot).map(sentence).unwrap_or_default();
    let mut about_lines = widgets::wrap(
        &Line::from(text),
        usize::from(width.saturating_sub(2)).max(1),
    );
    if about_lines.len() > 3 {
        about_lines.truncate(3);
        if let Some(last) = about_lines.pop() {
            let cut: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            about_lines.push(Line::from(widgets::fit(
                &format!("{cut}…"),
                usize::from(width.saturating_sub(2)),
            )));
        }
    }
    let about_h = about_lines.len() as u16;
    let popup = widgets::centered(area, width, 2 + about_h + 3 + 3 + 1);
    crate::ui::clear_popup(frame, popup);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", tr!("ui.choose.motx_title", id = ed.mot)),
            theme::label(),
        ))
        .border_style(theme::label());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [about, does, next, hint] = Layout::vertical([
        Constraint::Length(about_h),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(about_lines).style(theme::quiet()), about);
    let names = [tr!("ui.choose.motx_does"), tr!("ui.choose.motx_next")];
    for (i, r) in [does, next].into_iter().enumerate() {
        crate::ui::labelled_field(&ed.fields[i], names[i], ed.focus == i, frame, r);
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            widgets::fit(tr!("ui.choose.motx_hint"), hint.width as usize),
            theme::quiet(),
        )),
        hint,
    );
}
