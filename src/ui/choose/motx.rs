//! Choose's MOTX editor: the designed experience of a chosen MOT.

use super::*;

/// The MOTX editor over the Choose screen.
pub(super) fn draw_motx(w: &Workshop, ed: &MotxEditor, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(8).min(100);
    let cols = usize::from(width.saturating_sub(2)).max(1);
    // The MOT's sentence whole, feeling included, and each field as tall as
    // its text: the field being typed in grows first, then the sentence.
    let text = w.session.mot(ed.mot).map(sentence).unwrap_or_default();
    let about_lines = widgets::wrap(&Line::from(text), cols);
    let field_cols = cols.saturating_sub(2).max(1);
    let wants = [
        (
            1,
            grow::field_rows(&ed.fields[0], ed.focus == 0, field_cols),
        ),
        (
            1,
            grow::field_rows(&ed.fields[1], ed.focus == 1, field_cols),
        ),
        (1, u16::try_from(about_lines.len()).unwrap_or(u16::MAX)),
    ];
    // The keys, whole, on as many rows as they need.
    let hint_lines = widgets::wrap(
        &Line::from(Span::styled(tr!("ui.choose.motx_hint"), theme::quiet())),
        cols,
    );
    let hint_h = u16::try_from(hint_lines.len()).unwrap_or(1);
    // Borders: the popup's two, each field's two; and the hint's rows.
    let fixed = 2 + 4 + hint_h;
    let room = area.height.saturating_sub(2 + fixed);
    let got = grow::share(&wants, room, &[ed.focus, 2]);
    let about_h = got[2];
    let popup = widgets::centered(area, width, fixed + got.iter().sum::<u16>());
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
        Constraint::Length(got[0] + 2),
        Constraint::Length(got[1] + 2),
        Constraint::Min(1),
    ])
    .areas(inner);
    let about_lines = match w.session.mot(ed.mot) {
        Some(m) => grow::sentence_lines(m, cols, usize::from(about_h)),
        None => about_lines,
    };
    frame.render_widget(Paragraph::new(about_lines).style(theme::quiet()), about);
    let names = [tr!("ui.choose.motx_does"), tr!("ui.choose.motx_next")];
    for (i, r) in [does, next].into_iter().enumerate() {
        crate::ui::labelled_field(&ed.fields[i], names[i], ed.focus == i, frame, r);
    }
    frame.render_widget(Paragraph::new(hint_lines), hint);
}
