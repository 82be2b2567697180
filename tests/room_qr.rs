//! The room's QR code as the terminal draws it reads back as the address:
//! the cells of a `TestBackend` buffer are turned back into pixels (two
//! per cell, from the half blocks) and decoded by a QR reader that is not
//! ours, at 80x24 and at projector size.

use mot::ui::qr::Qr;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The cells of `buf` as a grey image, each cell two pixels tall, each
/// pixel drawn `zoom` times larger (a phone's camera sees the projector's
/// pixels large too), with a light border.
fn decode(buf: &Buffer) -> Vec<String> {
    let zoom = 4usize;
    let (cols, rows) = (usize::from(buf.area.width), usize::from(buf.area.height));
    let border = 8 * zoom;
    let (w, h) = (cols * zoom + 2 * border, rows * 2 * zoom + 2 * border);
    let dark = |x: usize, y: usize| -> bool {
        if x < border || y < border || x >= w - border || y >= h - border {
            return false;
        }
        let (px, py) = ((x - border) / zoom, (y - border) / zoom);
        let symbol = buf[(px as u16, (py / 2) as u16)].symbol();
        matches!((symbol, py % 2), ("█", _) | ("▀", 0) | ("▄", 1))
    };
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| if dark(x, y) { 0 } else { 255 });
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

fn drawn(qr: &Qr, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
    terminal
        .draw(|f| f.render_widget(qr, f.area()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

#[test]
fn the_code_drawn_reads_back_as_the_address() {
    let address = "http://192.168.178.23:7878/r/0f3a9c2d4e5b6a7988776655443322ff";
    let qr = Qr::new(address).expect("fits in a code");
    for (w, h) in [(80, 24), (100, 30), (160, 45)] {
        let buf = drawn(&qr, w, h);
        assert_eq!(decode(&buf), [address], "{w}x{h}");
    }
    // At the smallest screen the code does not fit whole: none is drawn
    // rather than one that cannot be read (the address stays as text).
    let buf = drawn(&qr, 60, 18);
    assert!(decode(&buf).is_empty());
    assert!(buf.content().iter().all(|c| c.symbol() == " "));
}

#[test]
fn it_grows_with_the_screen_and_keeps_a_quiet_zone() {
    let qr = Qr::new("http://10.0.0.2:7878/r/00112233445566778899aabbccddeeff").expect("code");
    let small = qr
        .fit(ratatui::layout::Rect::new(0, 0, 80, 24))
        .expect("fits");
    let large = qr
        .fit(ratatui::layout::Rect::new(0, 0, 160, 45))
        .expect("fits");
    assert!(
        large.0 > small.0,
        "larger on a projector: {small:?} {large:?}"
    );
    assert!(small.1 >= 2 && large.1 >= 2);
    // Too small for any code: nothing is drawn, nothing breaks.
    let buf = drawn(&qr, 20, 8);
    assert!(buf.content().iter().all(|c| c.symbol() == " "));
    assert!(Qr::new(&"x".repeat(5000)).is_err(), "too long for a code");
}

/// The room screen as the app draws it, at `w`x`h`, presenting or not.
fn room_screen(w: u16, h: u16, presenting: bool) -> (Buffer, String) {
    use mot::app::phones::{RoomAddress, RoomScreen};
    mot::i18n::set(mot::i18n::Language::English);
    let mut s = mot::model::Session::new("Room");
    s.add_participant("Ann", 1).expect("group");
    let dir = tempfile::tempdir().expect("dir");
    let mut app = mot::app::App::workshop(s, dir.path().join("room.ron"));
    app.presenting = presenting;
    if let mot::app::Screen::Workshop(ws) = &mut app.screen {
        ws.phones.open = true;
        ws.phones.address = Some(RoomAddress {
            link: "http://192.168.8.20:4747/j/0f3a9c2d4e5b6a7988776655443322ff".into(),
            short: "http://192.168.8.20:4747".into(),
            code: "K7Q D4M".into(),
            others: Vec::new(),
            listening: "0.0.0.0:4747".into(),
            warning: None,
        });
        ws.phones.screen = Some(RoomScreen::default());
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
    terminal.draw(|f| mot::ui::draw(&app, f)).expect("draw");
    let buf = terminal.backend().buffer().clone();
    let text: String = (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    (buf, text)
}

#[test]
fn the_room_screen_shows_the_code_that_reads_as_its_link_and_the_address() {
    let link = "http://192.168.8.20:4747/j/0f3a9c2d4e5b6a7988776655443322ff";
    for (w, h, presenting) in [
        (80, 24, false),
        (100, 30, false),
        (160, 45, false),
        (80, 24, true),
        (160, 45, true),
    ] {
        let (buf, text) = room_screen(w, h, presenting);
        assert_eq!(
            decode(&buf),
            [link],
            "{w}x{h} presenting {presenting}\n{text}"
        );
        assert!(text.contains("http://192.168.8.20:4747"), "{w}x{h}\n{text}");
        // The link is the address on screen and the room's token.
        assert!(link.starts_with("http://192.168.8.20:4747/"));
        // The code as text, or in big letters that fit whole.
        if !presenting || w < 120 {
            assert!(text.contains("K7Q D4M"), "{w}x{h}\n{text}");
        }
    }
}
