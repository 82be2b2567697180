//! Choose's audit: the rank with and without weights, side by side.

use super::*;

/// The rank with and without weights, side by side; what moved is marked.
pub(super) fn draw_audit(
    w: &Workshop,
    ranking: &Ranking,
    list: &Shown,
    pos: Option<usize>,
    frame: &mut Frame,
    area: Rect,
) {
    let s = &w.session;
    let [summary, columns] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(area);
    let revealed = s.votes_revealed;
    // While hidden, the notice above the list already says so.
    let text = if !revealed {
        String::new()
    } else if ranking.moved() == 0 {
        tr!("ui.choose.audit_same").to_string()
    } else {
        tr!(
            "ui.choose.audit_moved",
            moved = ranking.moved(),
            n = ranking.ranked.len()
        )
    };
    let top = |v: &mut dyn Iterator<Item = &Ranked>| -> String {
        v.take(3)
            .map(|r| format!("#{}", r.id))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let tops = if revealed && ranking.any_votes {
        tr!(
            "ui.choose.audit_top",
            weighted = top(&mut ranking.ranked.iter()),
            raw = top(&mut ranking.by_raw())
        )
    } else {
        String::new()
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                text,
                if ranking.moved() > 0 {
                    theme::warn()
                } else {
                    theme::good()
                },
            )),
            Line::from(Span::styled(tops, theme::quiet())),
        ]),
        summary,
    );
    let [left, _, right_col] = Layout::horizontal([
        Constraint::Ratio(1, 2),
        Constraint::Length(2),
        Constraint::Ratio(1, 2),
    ])
    .areas(columns);
    // The left column is the list itself; the right, the same MOTs as if
    // every vote weighed the same.
    let raw = list.by_raw();
    let selected = pos.map(|p| list[p].index);
    audit_column(
        w,
        list,
        selected,
        true,
        tr!("ui.choose.audit_weighted"),
        &w.choose.scroll,
        frame,
        left,
    );
    let scroll = std::cell::Cell::new(0);
    audit_column(
        w,
        &raw,
        selected,
        false,
        tr!("ui.choose.audit_raw"),
        &scroll,
        frame,
        right_col,
    );
}

#[allow(clippy::too_many_arguments)]
pub(super) fn audit_column(
    w: &Workshop,
    rows: &Shown,
    selected: Option<usize>,
    weighted: bool,
    title: &str,
    scroll: &std::cell::Cell<usize>,
    frame: &mut Frame,
    area: Rect,
) {
    let s = &w.session;
    let revealed = s.votes_revealed;
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme::quiet())
        .title(Span::styled(format!(" {title} "), theme::label()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let pos = selected.and_then(|i| rows.row_of(i));
    let range = widgets::window(pos.unwrap_or(0), rows.len(), inner.height as usize, scroll);
    crate::ui::note_rows(inner, range.clone(), |i| Target::Mot(rows[i].index));
    let cols = inner.width as usize;
    let rank_w = rows.len().to_string().len();
    let id_w = w.derived.max_id(s).to_string().len() + 1;
    let lines: Vec<Line> = range
        .map(|i| {
            let r = &rows[i];
            let m = &s.mots[r.index];
            let sel = Some(r.index) == selected;
            let (rank, pts) = if !revealed {
                ("–".to_string(), "–".to_string())
            } else if weighted {
                (r.rank.to_string(), r.score.weighted.to_string())
            } else {
                (r.raw_rank.to_string(), r.score.raw.to_string())
            };
            // The same mark on both sides: ▲ the weights lift it, ▼ they drop it.
            let moved = r.moved();
            let (arrow, arrow_style) = match (revealed, moved.signum()) {
                (true, 1) => (format!("▲{moved}"), theme::good()),
                (true, -1) => (format!("▼{}", -moved), theme::warn()),
                _ => (String::new(), theme::text()),
            };
            let head = format!(
                "{}{}{} ",
                if sel { theme::MARKER } else { theme::NO_MARKER },
                if m.chosen { "✓ " } else { "  " },
                right(&rank, rank_w),
            );
            let mut spans = vec![
                Span::raw(head),
                Span::styled(widgets::pad(&arrow, 4), arrow_style),
                Span::raw(format!(
                    "{} {} ",
                    widgets::pad(&format!("#{}", r.id), id_w),
                    right(&pts, 4)
                )),
            ];
            let used: usize = spans.iter().map(Span::width).sum();
            spans.push(Span::raw(widgets::pad(
                &sentence(m),
                cols.saturating_sub(used),
            )));
            let style = if sel {
                theme::selected()
            } else if moved != 0 && revealed {
                theme::label()
            } else {
                theme::text()
            };
            Line::from(spans).style(style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
