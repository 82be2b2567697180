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
