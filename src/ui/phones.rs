//! The room screen: the QR code a phone scans, the address and room code to
//! type by hand, and the participants with the phone that holds each. And,
//! presenting, the QR code as large as the screen allows with the address
//! and the code in letters the back row reads.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::qr::Qr;
use super::{theme, widgets};
use crate::app::Workshop;
use crate::app::phones::{RoomAddress, RoomScreen};
use crate::tr;

thread_local! {
    // The last link's code: a frame draws it, it is encoded once per room.
    static CODE: std::cell::RefCell<Option<(String, Option<Qr>)>> =
        const { std::cell::RefCell::new(None) };
}

/// The QR code of `link`, encoded once and kept while the link stays.
fn code_of(link: &str) -> Option<Qr> {
    CODE.with(|c| {
        let mut c = c.borrow_mut();
        if c.as_ref().is_none_or(|(l, _)| l != link) {
            *c = Some((link.to_string(), Qr::new(link).ok()));
        }
        c.as_ref().and_then(|(_, q)| q.clone())
    })
}

/// The room screen over `area`.
pub fn draw(w: &Workshop, screen: &RoomScreen, frame: &mut Frame, area: Rect) {
    super::clear_popup(frame, area);
    let title = if w.phones.open {
        tr!("phones.screen.title_open", n = w.phones.count())
    } else {
        tr!("phones.screen.title_closed").to_string()
    };
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme::label()))
        .border_style(theme::label());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(address) = &w.phones.address else {
        let [note, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
        frame.render_widget(
            Paragraph::new(tr!("phones.screen.closed_help"))
                .style(theme::quiet())
                .wrap(Wrap { trim: true }),
            note,
        );
        people(w, screen, frame, list);
        return;
    };
    let qr = code_of(&address.link);
    // The code takes the left, as large as fits beside a column of text
    // wide enough for the address; the text takes what the code leaves.
    let text_min = 34.min(inner.width / 2);
    let room_for_code = Rect {
        width: inner.width.saturating_sub(text_min + 1),
        ..inner
    };
    let fitted = qr.as_ref().and_then(|q| {
        q.fit(room_for_code)
            .map(|(scale, quiet)| (q, q.size(scale, quiet)))
    });
    let right = match fitted {
        Some((q, (cols, rows))) => {
            frame.render_widget(q, Rect::new(inner.x, inner.y, cols, rows.min(inner.height)));
            Rect {
                x: inner.x + cols + 1,
                width: inner.width.saturating_sub(cols + 1),
                ..inner
            }
        }
        // No room for a readable code: the address alone, across.
        None => inner,
    };
    let [how, list] = Layout::vertical([
        Constraint::Length(how_rows(address, right.width)),
        Constraint::Min(1),
    ])
    .areas(right);
    frame.render_widget(
        Paragraph::new(how_lines(address)).wrap(Wrap { trim: true }),
        how,
    );
    people(w, screen, frame, list);
}

/// How a phone joins: scan, or type the address and the code.
fn how_lines(address: &RoomAddress) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::from(Span::styled(
            tr!("phones.screen.scan").to_string(),
            theme::label(),
        )),
        Line::from(Span::styled(address.short.clone(), theme::key())),
        Line::from(tr!("phones.screen.code").to_string()),
        Line::from(Span::styled(address.code.clone(), theme::key())),
    ];
    for other in &address.others {
        lines.push(Line::from(Span::styled(
            tr!("phones.screen.also", address = other),
            theme::quiet(),
        )));
    }
    if let Some(warning) = &address.warning {
        lines.push(Line::from(Span::styled(warning.clone(), theme::warn())));
    }
    lines.push(Line::from(""));
    lines
}

fn how_rows(address: &RoomAddress, cols: u16) -> u16 {
    let lines = how_lines(address);
    widgets::wrap_all(&lines, usize::from(cols.max(1)), true).len() as u16
}

/// The participants: who holds a phone, who joined from one.
fn people(w: &Workshop, screen: &RoomScreen, frame: &mut Frame, area: Rect) {
    if area.height == 0 {
        return;
    }
    let s = &w.session;
    let header = tr!(
        "phones.screen.people",
        phones = w.phones.count(),
        people = s.participants.len()
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            widgets::fit(&header, usize::from(area.width)),
            theme::label(),
        )),
        Rect::new(area.x, area.y, area.width, 1),
    );
    let rows = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    if s.participants.is_empty() {
        frame.render_widget(
            Paragraph::new(tr!("phones.screen.nobody"))
                .style(theme::quiet())
                .wrap(Wrap { trim: true }),
            rows,
        );
        return;
    }
    let selected = screen.selected.min(s.participants.len() - 1);
    let window = widgets::window(
        selected,
        s.participants.len(),
        usize::from(rows.height),
        &screen.scroll,
    );
    let name_cols = (usize::from(rows.width) / 2).clamp(6, 24);
    let mut lines = Vec::new();
    for i in window {
        let p = &s.participants[i];
        let phone = if w.phones.holder(p.id).is_some() {
            tr!("phones.screen.on_phone")
        } else {
            "·"
        };
        let group = s.group(p.group).map_or("", |g| g.name.as_str());
        let new = if w.phones.newcomers.contains(&p.id) {
            format!(" {}", tr!("phones.screen.new"))
        } else {
            String::new()
        };
        let style = if i == selected {
            theme::selected()
        } else {
            theme::text()
        };
        let text = format!(
            "{} {} {}{}",
            widgets::pad(&widgets::fit(&p.name, name_cols), name_cols),
            phone,
            group,
            new
        );
        lines.push(Line::from(Span::styled(
            widgets::pad(
                &widgets::fit(&text, usize::from(rows.width)),
                usize::from(rows.width),
            ),
            style,
        )));
    }
    frame.render_widget(Paragraph::new(lines), rows);
}

/// Presenting the room: the QR code as large as fits, and beside (or under)
/// it the address and the room code in big letters.
pub fn present(w: &Workshop, frame: &mut Frame, area: Rect) {
    frame.render_widget(Block::new().style(theme::base()), area);
    let Some(address) = &w.phones.address else {
        frame.render_widget(
            Paragraph::new(tr!("phones.screen.closed_help"))
                .style(theme::label())
                .wrap(Wrap { trim: true }),
            area.inner(Margin::new(2, 1)),
        );
        return;
    };
    let Some(qr) = code_of(&address.link) else {
        return;
    };
    let wide = area.width >= area.height * 3;
    let text_size = if wide {
        Constraint::Percentage(45)
    } else {
        Constraint::Length(9)
    };
    let [code_area, text_area] = if wide {
        Layout::horizontal([Constraint::Fill(1), text_size]).areas(area)
    } else {
        Layout::vertical([Constraint::Fill(1), text_size]).areas(area)
    };
    if let Some((scale, quiet)) = qr.fit(code_area) {
        let (cols, rows) = qr.size(scale, quiet);
        let x = code_area.x + (code_area.width.saturating_sub(cols)) / 2;
        let y = code_area.y + (code_area.height.saturating_sub(rows)) / 2;
        frame.render_widget(
            &qr,
            Rect::new(x, y, cols.min(code_area.width), rows.min(code_area.height)),
        );
    }
    let inner = text_area.inner(Margin::new(1, 1));
    // Half-height big letters are eight columns wide each.
    let big_fits = inner.width as usize >= address.code.chars().count() * 8 && inner.height >= 9;
    let mut lines = vec![
        Line::from(Span::styled(
            tr!("phones.screen.scan").to_string(),
            theme::label(),
        )),
        Line::from(Span::styled(address.short.clone(), theme::key())),
        Line::from(""),
        Line::from(tr!("phones.screen.code").to_string()),
    ];
    if !big_fits {
        lines.push(Line::from(Span::styled(address.code.clone(), theme::key())));
    }
    let text_rows = lines.len() as u16 + 1;
    let [top, big] =
        Layout::vertical([Constraint::Length(text_rows), Constraint::Min(0)]).areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), top);
    if big_fits {
        frame.render_widget(
            BigText::builder()
                .pixel_size(PixelSize::HalfHeight)
                .style(theme::key())
                .lines(vec![Line::from(address.code.clone())])
                .build(),
            big,
        );
    }
}
