//! Choose: the five principles as pictures the room can read. The ranking
//! by weighted score with each MOT's split by group; the audit of what the
//! weights change; the three circles and the candidates in their centre.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Circle as Ring};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{theme, widgets};
use crate::app::keymap::{Context, keys_text};
use crate::app::{Action, ChooseView, MotxEditor, Stage, Target, Workshop};
use crate::model::{Circle, Filter, Mot, Ranked, Ranking, Region, Score, Session, sentence};
use crate::tr;

/// Draws the Choose stage.
pub fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    if s.mots.is_empty() {
        frame.render_widget(
            Paragraph::new(tr!("ui.choose.no_mots", write = Stage::Write.name()))
                .block(Block::bordered()),
            area,
        );
        return;
    }
    let ranking = w.derived.ranking(s);
    let list = w.choose_list(ranking);
    let pos = w.choose_pos(&list);
    let mut notices: Vec<(String, Style)> =
        notice(w, ranking, list.is_empty()).into_iter().collect();
    // The many-messages warning gets a line of its own: it must read whole.
    let m = s.messages();
    if m.many() {
        notices.push((
            format!("⚠ {}", tr!("ui.choose.many_messages", n = m.distinct)),
            theme::warn(),
        ));
    }
    let legend = legend_lines(area.width as usize);
    let [head, note, body, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(notices.len() as u16),
        Constraint::Min(3),
        Constraint::Length(legend.len() as u16),
    ])
    .areas(area);
    draw_head(w, frame, head);
    let notes: Vec<Line> = notices
        .into_iter()
        .map(|(text, style)| {
            Line::from(Span::styled(
                widgets::fit(&text, note.width as usize),
                style,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(notes), note);
    match w.choose.view {
        ChooseView::Ranking => draw_ranking(w, ranking, &list, pos, frame, body),
        ChooseView::Audit => draw_audit(w, ranking, &list, pos, frame, body),
        ChooseView::Circles => draw_circles(w, ranking, &list, pos, frame, body),
    }
    frame.render_widget(Paragraph::new(legend), foot);
    if let Some(ed) = &w.choose.motx {
        draw_motx(w, ed, frame, area);
    }
}

/// The core message and how the chosen set stands with it; then focus,
/// filter, view and the circle picked.
fn draw_head(w: &Workshop, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let m = s.messages();
    let mut first = if s.core_message.is_empty() {
        vec![Span::styled(
            tr!("ui.choose.no_core_message", setup = Stage::Setup.name()),
            theme::warn(),
        )]
    } else {
        vec![
            Span::styled(
                format!("{} ", tr!("ui.choose.core_message")),
                theme::label(),
            ),
            Span::styled(format!("“{}”", s.core_message), theme::focus()),
        ]
    };
    first.push(Span::styled(
        format!("   ✓ {}", tr!("ui.choose.chosen_count", n = m.chosen)),
        theme::good(),
    ));
    if m.chosen > 0 {
        first.push(Span::styled(
            format!(
                " · ◆ {}",
                tr!("ui.choose.carrying", carrying = m.carrying, n = m.chosen)
            ),
            theme::text(),
        ));
    }
    let focus = match s.focus {
        Some(d) => Span::styled(format!("★ {}", d.name()), theme::focus()),
        None => Span::styled(tr!("ui.choose.no_focus"), theme::quiet()),
    };
    let circle = w.choose.circle;
    let second = vec![
        Span::styled(format!("{} ", tr!("ui.choose.focus")), theme::label()),
        focus,
        Span::styled("  │ ", theme::quiet()),
        Span::styled(format!("{} ", tr!("ui.choose.showing")), theme::label()),
        Span::raw(w.choose.filter.name()),
        Span::styled("  │ ", theme::quiet()),
        Span::styled(
            format!("● {} {}", short_name(circle), threshold_text(s, circle)),
            theme::circle(circle),
        ),
    ];
    let lines: Vec<Line> = [first, second]
        .into_iter()
        .map(|spans| fit_line(spans, area.width as usize))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Spans cut to `cols` columns, the last visible one ending in "…".
fn fit_line(spans: Vec<Span<'static>>, cols: usize) -> Line<'static> {
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let w = span.width();
        if used + w <= cols {
            used += w;
            out.push(span);
        } else {
            let room = cols.saturating_sub(used);
            if room > 0 {
                out.push(Span::styled(widgets::fit(&span.content, room), span.style));
            }
            break;
        }
    }
    Line::from(out)
}

/// "≥ 50 %" or "≥ 4/5": where a circle starts.
fn threshold_text(s: &Session, circle: Circle) -> String {
    let at = s.circles.get(circle);
    match circle {
        Circle::Important => format!("≥ {at} %"),
        _ => format!("≥ {at}/5"),
    }
}

/// The one thing the room should know before reading the list, if any.
fn notice(w: &Workshop, ranking: &Ranking, empty: bool) -> Option<(String, Style)> {
    let s = &w.session;
    if !s.votes_revealed {
        Some((tr!("ui.choose.hidden").to_string(), theme::warn()))
    } else if ranking.weights_erase_votes {
        Some((
            tr!("ui.choose.weights_zero", setup = Stage::Setup.name()),
            theme::warn(),
        ))
    } else if !ranking.any_votes {
        Some((
            tr!("ui.choose.no_votes", vote = Stage::Vote.name()),
            theme::warn(),
        ))
    } else if empty && w.choose.filter == Filter::Focus && s.focus.is_none() {
        Some((
            tr!("ui.choose.filter_needs_focus").to_string(),
            theme::warn(),
        ))
    } else if empty {
        Some((
            tr!("ui.choose.filter_empty", filter = w.choose.filter.name()),
            theme::warn(),
        ))
    } else {
        None
    }
}

/// What the symbols mean and which keys work here, wrapped to the width.
/// The keys come from the keymap, so the legend never drifts from them.
fn legend_lines(cols: usize) -> Vec<Line<'static>> {
    let key = |action: Action| -> Span<'static> {
        // The first key of each binding: the legend is one line's worth.
        let text = crate::app::keymap::BINDINGS
            .iter()
            .find(|b| b.context == Context::Choose && b.action == action)
            .map(|b| match b.action {
                Action::Rate(_) => keys_text(b),
                _ => b.keys.first().map(|k| k.label()).unwrap_or_default(),
            })
            .unwrap_or_default();
        Span::styled(text, theme::key())
    };
    let keys = [
        ("choose", key(Action::ToggleChosen)),
        ("golden", key(Action::CycleGolden)),
        ("message", key(Action::ToggleCarries)),
        ("circle", key(Action::Left)),
        ("circle_next", key(Action::Right)),
        ("rate", key(Action::Rate(1))),
        ("unrate", key(Action::ClearRating)),
        ("up", key(Action::ThresholdUp)),
        ("down", key(Action::ThresholdDown)),
    ];
    // The three dots in the circles' colours, as the ◎ column shows them.
    let dots: Vec<Span<'static>> = Circle::ALL
        .iter()
        .map(|c| Span::styled("●", theme::circle(*c)))
        .collect();
    // `keyed` leaves "{circles}" as text: put the coloured dots there.
    let spans: Vec<Span<'static>> = widgets::keyed(tr!("ui.choose.legend"), &keys)
        .into_iter()
        .flat_map(|span| match span.content.split_once("{circles}") {
            Some((before, after)) => {
                let mut out = vec![Span::styled(before.to_string(), span.style)];
                out.extend(dots.iter().cloned());
                out.push(Span::styled(after.to_string(), span.style));
                out
            }
            None => vec![span],
        })
        .collect();
    let line = Line::from(spans).style(theme::quiet());
    let mut lines = widgets::wrap(&line, cols.max(1));
    // Two rows at most: the key bar and the help carry the rest.
    lines.truncate(2);
    lines
}

/// Columns of the ranking: each as wide as its heading and its widest entry.
struct Columns {
    rank: usize,
    id: usize,
    pts: usize,
    votes: usize,
    bar: usize,
    well: usize,
    poor: usize,
    text: usize,
}

impl Columns {
    fn new(s: &Session, ranking: &Ranking, width: usize) -> Columns {
        let digits = |n: u64| n.to_string().len();
        let max_id = s.mots.iter().map(|m| m.id).max().unwrap_or(0);
        let rank = widgets::widest([tr!("ui.choose.col_rank")], digits(s.mots.len() as u64));
        let id = widgets::widest([tr!("ui.choose.col_mot")], digits(u64::from(max_id)) + 1);
        let pts = widgets::widest([tr!("ui.choose.col_pts")], digits(ranking.top).max(2));
        let votes = widgets::widest([tr!("ui.choose.col_votes")], digits(ranking.top_raw).max(2));
        let well = widgets::widest([tr!("ui.choose.col_well")], 1);
        let poor = widgets::widest([tr!("ui.choose.col_poor")], 1);
        let bar_min = widgets::width(tr!("ui.choose.col_groups"));
        let bar = match width {
            0..100 => 10,
            100..140 => 16,
            _ => 24,
        }
        .max(bar_min);
        // marker 2, chosen 2, then a space after each column; marks "▲◆" 2, circles 4.
        let fixed = 2 + 2 + rank + 1 + id + 1 + pts + 1 + votes + 1 + bar + 1 + 2 + 1;
        let fixed = fixed + well + 1 + poor + 1 + 4 + 1;
        let mut c = Columns {
            rank,
            id,
            pts,
            votes,
            bar,
            well,
            poor,
            text: width.saturating_sub(fixed),
        };
        // The sentence is what the room reads: the bars give way first.
        if c.text < 16 {
            let give = (16 - c.text).min(c.bar);
            c.bar -= give;
            c.text += give;
        }
        c
    }
}

/// Right-aligned in `cols` columns.
fn right(s: &str, cols: usize) -> String {
    format!("{}{s}", " ".repeat(cols.saturating_sub(widgets::width(s))))
}

fn draw_ranking(
    w: &Workshop,
    ranking: &Ranking,
    list: &[&Ranked],
    pos: Option<usize>,
    frame: &mut Frame,
    area: Rect,
) {
    let s = &w.session;
    let detail_h = match area.height {
        0..12 => 4,
        12..18 => 6,
        _ => 7,
    };
    let [head, rows, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(detail_h),
    ])
    .areas(area);
    let width = area.width as usize;
    let c = Columns::new(s, ranking, width);
    let revealed = s.votes_revealed;
    let circle = w.choose.circle;
    let head_style = |on: bool| {
        if on {
            theme::selected()
        } else {
            theme::label()
        }
    };
    let mut header = vec![
        Span::styled(
            format!(
                "    {} {} ",
                right(tr!("ui.choose.col_rank"), c.rank),
                widgets::pad(tr!("ui.choose.col_mot"), c.id)
            ),
            theme::label(),
        ),
        Span::styled(
            right(tr!("ui.choose.col_pts"), c.pts),
            head_style(circle == Circle::Important),
        ),
        Span::styled(
            format!(" {} ", right(tr!("ui.choose.col_votes"), c.votes)),
            theme::label(),
        ),
    ];
    if c.bar > 0 {
        header.push(Span::styled(
            format!("{} ", widgets::pad(tr!("ui.choose.col_groups"), c.bar)),
            theme::label(),
        ));
    }
    header.extend([
        Span::styled("▲◆ ", theme::label()),
        Span::styled(
            widgets::pad(tr!("ui.choose.col_well"), c.well),
            head_style(circle == Circle::WeDoWell),
        ),
        Span::raw(" "),
        Span::styled(
            widgets::pad(tr!("ui.choose.col_poor"), c.poor),
            head_style(circle == Circle::CompetitorsPoor),
        ),
        Span::raw("  "),
    ]);
    // The circles column: one dot per circle, in its colour.
    header.extend(
        Circle::ALL
            .iter()
            .map(|c| Span::styled("●", theme::circle(*c))),
    );
    header.push(Span::styled(" MOT", theme::label()));
    frame.render_widget(Paragraph::new(Line::from(header)), head);

    let sel = pos.unwrap_or(0);
    let range = widgets::window(sel, list.len(), rows.height as usize, &w.choose.scroll);
    super::note_rows(rows, range.clone(), |i| Target::Mot(list[i].index));
    let lines: Vec<Line> = range
        .map(|i| {
            let r = list[i];
            let m = &s.mots[r.index];
            ranking_row(m, r, ranking, &c, revealed, Some(i) == pos, width)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
    if let Some(r) = pos.map(|p| list[p]) {
        let at = format!("{}/{}", pos.map_or(0, |p| p + 1), list.len());
        draw_detail(w, r, &at, frame, detail);
    }
}

/// One MOT of the ranking, as a row.
fn ranking_row(
    m: &Mot,
    r: &Ranked,
    ranking: &Ranking,
    c: &Columns,
    revealed: bool,
    selected: bool,
    width: usize,
) -> Line<'static> {
    let num = |n: u64, cols: usize| {
        if revealed {
            right(&n.to_string(), cols)
        } else {
            right("–", cols)
        }
    };
    let rank = if revealed {
        r.rank.to_string()
    } else {
        "–".to_string()
    };
    let mut spans = vec![Span::raw(format!(
        "{}{}{} {} {} {} ",
        if selected {
            theme::MARKER
        } else {
            theme::NO_MARKER
        },
        if m.chosen { "✓ " } else { "  " },
        right(&rank, c.rank),
        widgets::pad(&format!("#{}", m.id), c.id),
        num(r.score.weighted, c.pts),
        num(r.score.raw, c.votes),
    ))];
    if c.bar > 0 {
        if revealed {
            spans.extend(stacked_bar(&r.score, ranking.top, c.bar, !selected));
        } else {
            spans.push(Span::raw(" ".repeat(c.bar)));
        }
        spans.push(Span::raw(" "));
    }
    let rating = |v: Option<u8>, cols: usize| {
        widgets::pad(&v.map_or("·".to_string(), |v| v.to_string()), cols)
    };
    spans.extend([Span::raw(format!(
        "{}{} {} {} ",
        m.golden.map_or(" ", |g| g.symbol()),
        if m.carries_message { "◆" } else { " " },
        rating(m.we_do_well, c.well),
        rating(m.competitors_poor, c.poor),
    ))]);
    spans.extend(circle_marks(r.region, revealed, !selected));
    spans.push(Span::raw(" "));
    let used: usize = spans.iter().map(Span::width).sum();
    spans.push(Span::raw(widgets::pad(
        &sentence(m),
        width.saturating_sub(used),
    )));
    let style = if selected {
        theme::selected()
    } else if r.region.centre() && revealed {
        theme::good()
    } else if m.chosen {
        theme::label()
    } else {
        theme::text()
    };
    Line::from(spans).style(style)
}

/// "★●●●" in the centre, else one dot per circle, filled when in it; each in
/// its circle's colour. While votes are hidden importance is not known: "?".
fn circle_marks(region: Region, revealed: bool, coloured: bool) -> Vec<Span<'static>> {
    let mut out = vec![Span::raw(if region.centre() && revealed {
        "★"
    } else {
        " "
    })];
    for circle in Circle::ALL {
        let mark = if circle == Circle::Important && !revealed {
            "?"
        } else if region.contains(circle) {
            "●"
        } else {
            "○"
        };
        // On the selected row the row's own colours keep the dots readable.
        let style = if coloured {
            theme::circle(circle)
        } else {
            Style::new()
        };
        out.push(Span::styled(mark, style));
    }
    out
}

/// A bar as long as the MOT's weighted score (the top score fills it), cut
/// into one piece per respondent group: a glyph and, when `coloured`, a
/// colour each. Pieces are shared out by largest remainder, so a bigger
/// group never gets the shorter piece.
pub fn stacked_bar(score: &Score, top: u64, cols: usize, coloured: bool) -> Vec<Span<'static>> {
    if top == 0 || cols == 0 || score.weighted == 0 {
        return vec![Span::raw(" ".repeat(cols))];
    }
    // In u128: a score held past the limits may be near u64::MAX, and a
    // drawing must never overflow on it.
    let total = u128::from(score.weighted);
    let top = u128::from(top);
    let cols128 = cols as u128;
    // Any vote at all shows: at least one cell.
    let len = ((total.min(top) * cols128 + top / 2) / top).clamp(1, cols128);
    let part = |i: usize| u128::from(score.by_group[i].1);
    let mut cells: Vec<u128> = (0..score.by_group.len())
        .map(|i| part(i) * len / total)
        .collect();
    // Pieces never add up past the bar, even if the parts (saturated) do
    // not add up to the whole.
    let mut room = len;
    for c in &mut cells {
        *c = (*c).min(room);
        room -= *c;
    }
    let mut left = room;
    let mut order: Vec<usize> = (0..cells.len()).collect();
    order.sort_by_key(|&i| {
        let p = part(i);
        (std::cmp::Reverse(p * len % total), std::cmp::Reverse(p), i)
    });
    for i in order {
        if left == 0 {
            break;
        }
        if score.by_group[i].1 > 0 {
            cells[i] += 1;
            left -= 1;
        }
    }
    let mut out = Vec::new();
    for (i, n) in cells.iter().enumerate() {
        if *n > 0 {
            let style = if coloured {
                theme::group(i)
            } else {
                Style::new()
            };
            out.push(Span::styled(
                theme::group_glyph(i).repeat(*n as usize),
                style,
            ));
        }
    }
    out.push(Span::raw(" ".repeat(cols.saturating_sub(len as usize))));
    out
}

/// The selected MOT in full: its sentence, its votes by group, its marks
/// and ratings, and its MOTX.
fn draw_detail(w: &Workshop, r: &Ranked, at: &str, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let Some(m) = s.mots.get(r.index) else {
        return;
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme::quiet())
        .title(Span::styled(format!(" MOT {} ", m.id), theme::label()))
        // Where the selection is in the list: the list may be longer than the screen.
        .title(Line::from(Span::styled(format!(" {at} "), theme::quiet())).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cols = inner.width as usize;
    let mut info = Vec::new();
    if s.votes_revealed {
        let mut votes = vec![Span::raw(tr!(
            "ui.choose.detail_votes",
            rank = r.rank,
            raw_rank = r.raw_rank,
            pts = r.score.weighted,
            votes = r.score.raw,
            importance = r.importance
        ))];
        for (i, (gid, points)) in r.score.by_group.iter().enumerate() {
            if *points == 0 {
                continue;
            }
            let name = s.group(*gid).map_or("", |g| g.name.as_str());
            votes.push(Span::raw("  "));
            votes.push(Span::styled(theme::group_glyph(i), theme::group(i)));
            votes.push(Span::raw(format!(" {name} {points}")));
        }
        info.push(fit_line(votes, cols));
    }
    // While votes are hidden the notice above the list says so once.
    let rating = |v: Option<u8>| v.map_or("–".to_string(), |v| v.to_string());
    let mut marks = vec![
        Span::raw(match m.golden {
            Some(g) => format!("{} {}", g.symbol(), g.name()),
            None => tr!("ui.choose.no_golden").to_string(),
        }),
        Span::raw(" · "),
        Span::raw(if m.carries_message {
            format!("◆ {}", tr!("ui.choose.carries"))
        } else {
            tr!("ui.choose.carries_not").to_string()
        }),
        Span::raw(" · "),
        Span::styled(
            format!(
                "● {} {}/5",
                short_name(Circle::WeDoWell),
                rating(m.we_do_well)
            ),
            theme::circle(Circle::WeDoWell),
        ),
        Span::raw(" · "),
        Span::styled(
            format!(
                "● {} {}/5",
                short_name(Circle::CompetitorsPoor),
                rating(m.competitors_poor)
            ),
            theme::circle(Circle::CompetitorsPoor),
        ),
    ];
    if r.region.centre() && s.votes_revealed {
        marks.push(Span::styled(
            format!(" · ★ {}", tr!("ui.choose.candidate")),
            theme::good(),
        ));
    }
    info.push(fit_line(marks, cols));
    info.push(motx_line(m, cols));
    // The sentence gets what the rest leaves, one row at least; a cut one
    // ends in "…" so it never reads as whole.
    let room = usize::from(inner.height).saturating_sub(info.len()).max(1);
    let mut lines = widgets::wrap(&Line::from(sentence(m)), cols.max(1));
    if lines.len() > room {
        lines.truncate(room);
        if let Some(last) = lines.pop() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            lines.push(Line::from(widgets::fit(&format!("{text}…"), cols)));
        }
    }
    lines.extend(info);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// An MOT's golden-moment and chosen marks in words ("▲ peak · ✓ chosen"),
/// for the screens that show one MOT; empty when it has neither.
pub fn marks_text(m: &Mot) -> String {
    let mut parts = Vec::new();
    if let Some(g) = m.golden {
        parts.push(format!("{} {}", g.symbol(), g.name()));
    }
    if m.chosen {
        parts.push(format!("✓ {}", tr!("ui.choose.chosen")));
    }
    parts.join(" · ")
}

/// The MOTX of a chosen MOT, or what to do to write it.
fn motx_line(m: &Mot, cols: usize) -> Line<'static> {
    if !m.chosen {
        return Line::from(Span::styled(tr!("ui.choose.motx_unchosen"), theme::quiet()));
    }
    if m.motx.is_empty() {
        return Line::from(Span::styled(tr!("ui.choose.motx_empty"), theme::warn()));
    }
    fit_line(
        vec![
            Span::styled("MOTX ", theme::label()),
            Span::raw(tr!(
                "ui.choose.motx",
                does = or_dash(&m.motx.company_does),
                next = or_dash(&m.motx.customer_next)
            )),
        ],
        cols,
    )
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "–" } else { s }
}

/// The rank with and without weights, side by side; what moved is marked.
fn draw_audit(
    w: &Workshop,
    ranking: &Ranking,
    list: &[&Ranked],
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
    let top = |v: Vec<&Ranked>| -> String {
        v.iter()
            .take(3)
            .map(|r| format!("#{}", r.id))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let tops = if revealed && ranking.any_votes {
        tr!(
            "ui.choose.audit_top",
            weighted = top(ranking.ranked.iter().collect()),
            raw = top(ranking.by_raw())
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
    let mut raw: Vec<&Ranked> = list.to_vec();
    raw.sort_by(|a, b| crate::model::choose::raw_order(a, b));
    if !revealed {
        raw.sort_by_key(|r| r.index);
    }
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
fn audit_column(
    w: &Workshop,
    rows: &[&Ranked],
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
    let pos = rows.iter().position(|r| Some(r.index) == selected);
    let range = widgets::window(pos.unwrap_or(0), rows.len(), inner.height as usize, scroll);
    super::note_rows(inner, range.clone(), |i| Target::Mot(rows[i].index));
    let cols = inner.width as usize;
    let rank_w = rows.len().to_string().len();
    let id_w = rows
        .iter()
        .map(|r| r.id.to_string().len() + 1)
        .max()
        .unwrap_or(2);
    let lines: Vec<Line> = range
        .map(|i| {
            let r = rows[i];
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

/// Where the three circles sit on a canvas `w` columns wide and `h` units
/// tall (a row is two units, so the circles come out round), and their radius.
struct Venn {
    centres: [(f64, f64); 3],
    radius: f64,
    middle: (f64, f64),
    side: f64,
}

impl Venn {
    fn fit(w: f64, h: f64) -> Venn {
        // An equilateral triangle of side `side`, each circle of radius 0.8
        // side: wide enough that all seven regions have room for a number.
        let side = ((w - 2.0) / 2.6).min((h - 2.0) / 2.47).max(1.0);
        let radius = side * 0.8;
        let total_h = side * 0.866 + 2.0 * radius;
        let cx = w / 2.0;
        // Centred vertically: the bottom circle's lowest point to the top ones' highest.
        let top_y = (h + total_h) / 2.0 - radius;
        let up = side / (2.0 * 3f64.sqrt());
        let cy = top_y - up;
        Venn {
            centres: [
                (cx - side / 2.0, cy + up),
                (cx + side / 2.0, cy + up),
                (cx, cy - side / 3f64.sqrt()),
            ],
            radius,
            middle: (cx, cy),
            side,
        }
    }

    /// A point inside the region, clear of the others, for its count.
    fn label_point(&self, region: Region) -> (f64, f64) {
        let (mx, my) = self.middle;
        let toward = |i: usize, t: f64| {
            let (x, y) = self.centres[i];
            let (dx, dy) = (x - mx, y - my);
            let len = (dx * dx + dy * dy).sqrt().max(f64::EPSILON);
            (mx + dx / len * t, my + dy / len * t)
        };
        let inside = [region.important, region.we_do_well, region.competitors_poor];
        match inside.iter().filter(|x| **x).count() {
            3 => self.middle,
            // One circle: out along its centre's direction.
            1 => toward(inside.iter().position(|x| *x).unwrap_or(0), self.side * 0.9),
            // Two circles: away from the third one.
            2 => {
                let out = inside.iter().position(|x| !*x).unwrap_or(0);
                let (x, y) = toward(out, -self.side * 0.55);
                (x, y)
            }
            _ => (0.0, 0.0),
        }
    }

    #[cfg(test)]
    fn contains(&self, circle: usize, (x, y): (f64, f64)) -> bool {
        let (cx, cy) = self.centres[circle];
        (x - cx).powi(2) + (y - cy).powi(2) < self.radius.powi(2)
    }
}

fn draw_circles(
    w: &Workshop,
    ranking: &Ranking,
    list: &[&Ranked],
    pos: Option<usize>,
    frame: &mut Frame,
    area: Rect,
) {
    let s = &w.session;
    let picture_w = (area.width / 2).clamp(30, 90);
    let [picture, panel] =
        Layout::horizontal([Constraint::Length(picture_w), Constraint::Min(20)]).areas(area);
    draw_venn(w, ranking, list, pos, frame, picture);

    // The panel: the three thresholds, the count outside, the candidates.
    let block = Block::new()
        .borders(Borders::LEFT)
        .border_style(theme::quiet());
    let inner = block.inner(panel);
    frame.render_widget(block, panel);
    let cols = inner.width as usize;
    let mut lines = Vec::new();
    for circle in Circle::ALL {
        let picked = circle == w.choose.circle;
        lines.push(fit_line(
            vec![
                Span::raw(if picked {
                    theme::MARKER
                } else {
                    theme::NO_MARKER
                }),
                Span::styled("● ", theme::circle(circle)),
                Span::styled(
                    circle.name(),
                    if picked {
                        theme::selected()
                    } else {
                        theme::circle(circle)
                    },
                ),
                Span::raw(format!(" {}", threshold_text(s, circle))),
            ],
            cols,
        ));
    }
    let regions = if s.votes_revealed {
        ranking.regions()
    } else {
        let mut n = [0usize; 8];
        for r in &ranking.ranked {
            n[(r.region.index()) & !1] += 1;
        }
        n
    };
    let unrated = s
        .mots
        .iter()
        .filter(|m| m.we_do_well.is_none() || m.competitors_poor.is_none())
        .count();
    lines.push(Line::from(Span::styled(
        widgets::fit(
            &tr!("ui.choose.outside", n = regions[0], unrated = unrated),
            cols,
        ),
        theme::quiet(),
    )));
    // The selected MOT and where it stands.
    if let Some(r) = pos.map(|p| list[p]) {
        let m = &s.mots[r.index];
        let rating = |v: Option<u8>| v.map_or("–".to_string(), |v| v.to_string());
        lines.push(Line::from(""));
        lines.push(fit_line(
            vec![
                Span::styled(format!("{}#{} ", theme::MARKER, m.id), theme::label()),
                Span::raw(sentence(m)),
            ],
            cols,
        ));
        let importance = if s.votes_revealed {
            format!("{} %", r.importance)
        } else {
            "?".to_string()
        };
        lines.push(fit_line(
            vec![
                Span::raw("  "),
                Span::styled(format!("● {importance}"), theme::circle(Circle::Important)),
                Span::raw("  "),
                Span::styled(
                    format!("● {}/5", rating(m.we_do_well)),
                    theme::circle(Circle::WeDoWell),
                ),
                Span::raw("  "),
                Span::styled(
                    format!("● {}/5", rating(m.competitors_poor)),
                    theme::circle(Circle::CompetitorsPoor),
                ),
            ],
            cols,
        ));
    }
    lines.push(Line::from(""));
    let candidates: Vec<&Ranked> = if s.votes_revealed {
        ranking.candidates().collect()
    } else {
        Vec::new()
    };
    lines.push(Line::from(Span::styled(
        widgets::fit(
            &format!("★ {}", tr!("ui.choose.candidates", n = candidates.len())),
            cols,
        ),
        theme::good(),
    )));
    let selected = pos.map(|p| list[p].index);
    let room = (inner.height as usize).saturating_sub(lines.len());
    if candidates.is_empty() {
        lines.push(Line::from(Span::styled(
            widgets::fit(
                if s.votes_revealed {
                    tr!("ui.choose.no_candidates")
                } else {
                    tr!("ui.choose.hidden")
                },
                cols,
            ),
            theme::quiet(),
        )));
    } else {
        let first_y = inner.y + lines.len() as u16;
        let shown = candidates.len().min(room);
        for (row, r) in candidates.iter().take(shown).enumerate() {
            let m = &s.mots[r.index];
            let sel = Some(r.index) == selected;
            let more = candidates.len() - shown;
            if row + 1 == shown && more > 0 {
                lines.push(Line::from(Span::styled(
                    format!("  … {}", tr!("ui.matrix.more", n = more + 1)),
                    theme::quiet(),
                )));
                break;
            }
            super::note(
                Rect::new(inner.x, first_y + row as u16, inner.width, 1),
                Target::Mot(r.index),
            );
            let head = format!(
                "{}{}#{} ",
                if sel { theme::MARKER } else { theme::NO_MARKER },
                if m.chosen { "✓ " } else { "  " },
                m.id
            );
            let rest = cols.saturating_sub(widgets::width(&head));
            lines.push(
                Line::from(vec![
                    Span::raw(head),
                    Span::raw(widgets::pad(&sentence(m), rest)),
                ])
                .style(if sel {
                    theme::selected()
                } else {
                    theme::good()
                }),
            );
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The three circles, their short names, and how many MOTs each region holds.
fn draw_venn(
    w: &Workshop,
    ranking: &Ranking,
    list: &[&Ranked],
    pos: Option<usize>,
    frame: &mut Frame,
    area: Rect,
) {
    let s = &w.session;
    let [top, middle, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    // Short names above and below the circles they label.
    let short = |c: Circle| {
        Span::styled(
            format!("{} {}", short_name(c), threshold_text(s, c)),
            theme::circle(c).add_modifier(ratatui::style::Modifier::BOLD),
        )
    };
    let [top_left, top_right] =
        Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(top);
    frame.render_widget(Paragraph::new(short(Circle::Important)), top_left);
    frame.render_widget(
        Paragraph::new(short(Circle::WeDoWell)).alignment(Alignment::Right),
        top_right,
    );
    frame.render_widget(
        Paragraph::new(short(Circle::CompetitorsPoor)).alignment(Alignment::Center),
        bottom,
    );
    let (cw, ch) = (f64::from(middle.width), f64::from(middle.height) * 2.0);
    let venn = Venn::fit(cw, ch);
    let revealed = s.votes_revealed;
    // While votes are hidden importance is unknown: count by the ratings
    // alone, so the picture gives no order away.
    let masked = |r: Region| Region {
        important: r.important && revealed,
        ..r
    };
    let mut counts = [0usize; 8];
    for r in &ranking.ranked {
        counts[masked(r.region).index()] += 1;
    }
    let selected_region = pos.map(|p| masked(list[p].region));
    let colour = |c: Circle| {
        if theme::colorless() {
            Color::Reset
        } else {
            theme::circle(c).fg.unwrap_or(Color::Reset)
        }
    };
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([0.0, cw])
        .y_bounds([0.0, ch])
        .paint(|ctx| {
            for (i, c) in Circle::ALL.iter().enumerate() {
                let (x, y) = venn.centres[i];
                ctx.draw(&Ring {
                    x,
                    y,
                    radius: venn.radius,
                    color: colour(*c),
                });
            }
            ctx.layer();
            for (index, &n) in counts.iter().enumerate().skip(1) {
                let region = Region::from_index(index);
                let text = if region.centre() {
                    format!("★{n}")
                } else {
                    n.to_string()
                };
                // Importance is not known while votes are hidden.
                let text = if !revealed && region.important {
                    "?".to_string()
                } else {
                    text
                };
                let style = if Some(region) == selected_region {
                    theme::selected()
                } else if region.centre() {
                    theme::good()
                } else if n == 0 {
                    theme::quiet()
                } else {
                    theme::label()
                };
                let (x, y) = venn.label_point(region);
                // Centred on the point: half the text to the left.
                let x = x - widgets::width(&text) as f64 / 2.0;
                ctx.print(x, y, Line::from(Span::styled(text, style)));
            }
        });
    frame.render_widget(canvas, middle);
}

/// A circle's name short enough to sit beside it.
fn short_name(c: Circle) -> &'static str {
    match c {
        Circle::Important => tr!("ui.choose.short_important"),
        Circle::WeDoWell => tr!("ui.choose.short_well"),
        Circle::CompetitorsPoor => tr!("ui.choose.short_poor"),
    }
}

/// The MOTX editor over the Choose screen.
fn draw_motx(w: &Workshop, ed: &MotxEditor, frame: &mut Frame, area: Rect) {
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
    super::clear_popup(frame, popup);
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
        super::labelled_field(&ed.fields[i], names[i], ed.focus == i, frame, r);
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            widgets::fit(tr!("ui.choose.motx_hint"), hint.width as usize),
            theme::quiet(),
        )),
        hint,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_label_sits_in_its_region() {
        for (w, h) in [(40.0, 34.0), (30.0, 20.0), (80.0, 70.0), (90.0, 40.0)] {
            let v = Venn::fit(w, h);
            for index in 1..8 {
                let region = Region::from_index(index);
                let p = v.label_point(region);
                let inside = [v.contains(0, p), v.contains(1, p), v.contains(2, p)];
                assert_eq!(
                    inside,
                    [region.important, region.we_do_well, region.competitors_poor],
                    "{index} at {p:?} in {w}x{h}"
                );
            }
            // The whole picture fits the canvas.
            for (x, y) in v.centres {
                assert!(x - v.radius >= 0.0 && x + v.radius <= w, "{w}x{h}");
                assert!(y - v.radius >= 0.0 && y + v.radius <= h, "{w}x{h}");
            }
        }
    }

    #[test]
    fn the_bar_is_as_long_as_the_score_and_split_by_group() {
        theme::set(crate::model::Theme::Dark, true);
        let score = Score {
            weighted: 6,
            raw: 3,
            by_group: vec![(1, 3), (2, 0), (3, 3)],
        };
        let text: String = stacked_bar(&score, 12, 10, true)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(text, format!("{}{}{}", "███", "▒▒", " ".repeat(5)));
        let tiny = Score {
            weighted: 1,
            raw: 1,
            by_group: vec![(1, 0), (2, 1)],
        };
        let text: String = stacked_bar(&tiny, 1000, 10, true)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(text, format!("▓{}", " ".repeat(9)), "any vote shows");
        let none: String = stacked_bar(&Score::default(), 0, 4, true)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(none, "    ");
        // 18, 3, 4, 1 of 26 in 9 cells: the group of 4 never gets less than the group of 3.
        let mixed = Score {
            weighted: 26,
            raw: 14,
            by_group: vec![(1, 18), (2, 3), (3, 4), (4, 1)],
        };
        let text: String = stacked_bar(&mixed, 28, 10, true)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(text, "██████▓▒▒ ", "{text}");
    }
}
