//! Choose's three circles: the picture, its regions' counts and the candidates in the centre.

use super::*;

/// Where the three circles sit on a canvas `w` columns wide and `h` units
/// tall (a row is two units, so the circles come out round), and their radius.
pub(super) struct Venn {
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

pub(super) fn draw_circles(
    w: &Workshop,
    ranking: &Ranking,
    list: &Shown,
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
    if let Some(r) = pos.map(|p| &list[p]) {
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
    // As many as there is room for: the count is kept with the ranking.
    let count = if s.votes_revealed {
        ranking.candidates().len()
    } else {
        0
    };
    let room_for = (inner.height as usize).saturating_sub(lines.len() + 1);
    let candidates: Vec<&Ranked> = if s.votes_revealed {
        ranking.candidates().take(room_for).collect()
    } else {
        Vec::new()
    };
    lines.push(Line::from(Span::styled(
        widgets::fit(
            &format!("★ {}", tr!("ui.choose.candidates", n = count)),
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
        let more = count - shown;
        for (row, r) in candidates.iter().take(shown).enumerate() {
            let m = &s.mots[r.index];
            let sel = Some(r.index) == selected;
            if row + 1 == shown && more > 0 {
                lines.push(Line::from(Span::styled(
                    format!("  … {}", tr!("ui.matrix.more", n = more + 1)),
                    theme::quiet(),
                )));
                break;
            }
            crate::ui::note(
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
pub(super) fn draw_venn(
    w: &Workshop,
    ranking: &Ranking,
    list: &Shown,
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
    for (i, n) in ranking.regions().iter().enumerate() {
        counts[masked(Region::from_index(i)).index()] += n;
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
pub(super) fn short_name(c: Circle) -> &'static str {
    match c {
        Circle::Important => tr!("ui.choose.short_important"),
        Circle::WeDoWell => tr!("ui.choose.short_well"),
        Circle::CompetitorsPoor => tr!("ui.choose.short_poor"),
    }
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
}
