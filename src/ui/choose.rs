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

use super::{grow, theme, widgets};
use crate::app::derived::Shown;
use crate::app::keymap::{Context, keys_text};
use crate::app::{Action, ChooseView, MotxEditor, Stage, Target, Workshop};
use crate::model::{Circle, Filter, Mot, Ranked, Ranking, Region, Score, Session, sentence};
use crate::tr;

mod audit;
mod circles;
mod motx;

use audit::draw_audit;
use circles::{draw_circles, short_name};
use motx::draw_motx;

/// Draws the Choose stage.
pub fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    draw_in(w, frame, area, false);
}

/// Draws the Choose stage for the back of a room (presenting on a large
/// screen): the ranking's rows spaced out.
pub fn draw_roomy(w: &Workshop, frame: &mut Frame, area: Rect) {
    draw_in(w, frame, area, true);
}

fn draw_in(w: &Workshop, frame: &mut Frame, area: Rect, roomy: bool) {
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
    let m = w.derived.messages(s);
    if m.many() {
        notices.push((
            format!("⚠ {}", tr!("ui.choose.many_messages", n = m.distinct)),
            theme::warn(),
        ));
    }
    let legend = legend_lines(area.width as usize);
    // Each notice whole, on as many rows as it needs: the key it names included.
    let notes: Vec<Line> = notices
        .into_iter()
        .flat_map(|(text, style)| {
            widgets::wrap(
                &Line::from(Span::styled(text, style)),
                usize::from(area.width),
            )
        })
        .collect();
    let [head, note, body, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(notes.len() as u16),
        Constraint::Min(3),
        Constraint::Length(legend.len() as u16),
    ])
    .areas(area);
    draw_head(w, frame, head);
    frame.render_widget(Paragraph::new(notes), note);
    match w.choose.view {
        ChooseView::Ranking => draw_ranking(w, ranking, &list, pos, roomy, frame, body),
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
    let m = w.derived.messages(s);
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
    // Wrapped between its items, never between a key and its word.
    let mut lines = grow::pack(&line, cols.max(1));
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
    fn new(s: &Session, max_id: crate::model::MotId, ranking: &Ranking, width: usize) -> Columns {
        let digits = |n: u64| n.to_string().len();
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
    list: &Shown,
    pos: Option<usize>,
    roomy: bool,
    frame: &mut Frame,
    area: Rect,
) {
    let s = &w.session;
    let least = match area.height {
        0..12 => 4,
        12..18 => 6,
        _ => 7,
    };
    // The detail as tall as the whole sentence and MOTX, the list keeping
    // four rows under its heading.
    let cols = usize::from(area.width);
    let want = pos
        .map(|p| detail_rows(w, &list[p], cols) + 1)
        .unwrap_or(least);
    let detail_h = want.clamp(least, area.height.saturating_sub(5).max(least));
    let [head, rows, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(detail_h),
    ])
    .areas(area);
    let width = area.width as usize;
    let c = Columns::new(s, w.derived.max_id(s), ranking, width);
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
    // Roomy: a blank row under each MOT, so the rows read apart from afar.
    let per_row: u16 = if roomy { 2 } else { 1 };
    let range = widgets::window(
        sel,
        list.len(),
        usize::from(rows.height / per_row),
        &w.choose.scroll,
    );
    for (k, i) in range.clone().enumerate() {
        let y = rows.y + k as u16 * per_row;
        let r = Rect::new(rows.x, y, rows.width, per_row).intersection(rows);
        super::note(r, Target::Mot(list[i].index));
    }
    let lines: Vec<Line> = range
        .flat_map(|i| {
            let r = &list[i];
            let m = &s.mots[r.index];
            let row = ranking_row(m, r, ranking, &c, revealed, Some(i) == pos, width);
            let gap = roomy.then(|| Line::from(""));
            std::iter::once(row).chain(gap)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
    if let Some(r) = pos.map(|p| &list[p]) {
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
    let Some((m, info)) = detail_info(w, r) else {
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
    let cols = usize::from(inner.width).max(1);
    // Each part whole when there is room, else cut with "…"; the MOTX and
    // the marks first, the sentence getting what they leave, one row at least.
    let mut room = usize::from(inner.height).saturating_sub(1);
    let mut below = Vec::new();
    for line in info.iter().rev() {
        let rows = grow::pack(line, cols);
        let take = rows.len().min(room);
        let mut kept = grow::cut(rows, take.max(usize::from(room > 0)), cols);
        room = room.saturating_sub(kept.len());
        kept.append(&mut below);
        below = kept;
    }
    let room = usize::from(inner.height).saturating_sub(below.len()).max(1);
    let mut lines = grow::sentence_lines(m, cols, room);
    lines.extend(below);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The rows the detail of `r` takes whole at `cols` columns.
fn detail_rows(w: &Workshop, r: &Ranked, cols: usize) -> u16 {
    detail_info(w, r).map_or(0, |(m, info)| {
        grow::text_rows(&sentence(m), cols)
            + info
                .iter()
                .map(|l| grow::pack(l, cols).len() as u16)
                .sum::<u16>()
    })
}

/// The selected MOT's lines under its sentence, each to wrap: its votes by
/// group (when shown), its marks and ratings, and its MOTX.
fn detail_info<'a>(w: &'a Workshop, r: &Ranked) -> Option<(&'a Mot, Vec<Line<'static>>)> {
    let s = &w.session;
    let m = s.mots.get(r.index)?;
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
        info.push(Line::from(votes));
        if let Some(parts) = super::score::parts(&r.score, s.counting) {
            info.push(Line::from(Span::styled(
                tr!("ui.choose.score_parts", parts = parts),
                theme::label(),
            )));
        }
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
    info.push(Line::from(marks));
    info.push(motx_line(m));
    Some((m, info))
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

/// The MOTX of a chosen MOT, or what to do to write it, as one line to wrap.
fn motx_line(m: &Mot) -> Line<'static> {
    if !m.chosen {
        return Line::from(Span::styled(tr!("ui.choose.motx_unchosen"), theme::quiet()));
    }
    if m.motx.is_empty() {
        return Line::from(Span::styled(tr!("ui.choose.motx_empty"), theme::warn()));
    }
    Line::from(vec![
        Span::styled("MOTX ", theme::label()),
        Span::raw(tr!(
            "ui.choose.motx",
            does = or_dash(&m.motx.company_does),
            next = or_dash(&m.motx.customer_next)
        )),
    ])
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { "–" } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_is_as_long_as_the_score_and_split_by_group() {
        theme::set(crate::model::Theme::Dark, true);
        let score = Score {
            weighted: 6,
            raw: 3,
            by_group: vec![(1, 3), (2, 0), (3, 3)],
            ..Score::default()
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
            ..Score::default()
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
            ..Score::default()
        };
        let text: String = stacked_bar(&mixed, 28, 10, true)
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(text, "██████▓▒▒ ", "{text}");
    }
}
