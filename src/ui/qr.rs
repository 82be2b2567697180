//! A QR code drawn in the terminal with half blocks: each module one
//! column wide and half a row tall (near square in a terminal's cells),
//! scaled up as far as the area allows so a phone reads it from the back
//! of the room. Always dark on light, whatever the theme: scanners read
//! inverted codes badly.

use qrcode::{Color as Module, EcLevel, QrCode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

/// Why a text cannot be drawn as a QR code (far too long for one).
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("ui.qr.too_long"))]
pub struct TooLong;

/// A text as a QR code, ready to draw.
#[derive(Debug, Clone)]
pub struct Qr {
    /// Dark modules, row by row.
    dark: Vec<bool>,
    /// Modules per side.
    width: usize,
}

impl Qr {
    /// The code of `text`, with medium error correction (a smudged
    /// projector still reads).
    pub fn new(text: &str) -> Result<Qr, TooLong> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .map_err(|_| TooLong)?;
        let width = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|m| m == Module::Dark)
            .collect();
        Ok(Qr { dark, width })
    }

    /// The columns and rows it takes at `scale` with a quiet zone of
    /// `quiet` modules around it.
    pub fn size(&self, scale: u16, quiet: u16) -> (u16, u16) {
        let side = (self.width as u16 + 2 * quiet).saturating_mul(scale);
        (side, side.div_ceil(2))
    }

    /// The largest scale that fits in `area`, with the standard quiet zone
    /// of four modules when there is room at that scale, else two; none
    /// when even the smallest does not fit.
    pub fn fit(&self, area: Rect) -> Option<(u16, u16)> {
        // The larger code first: a phone at the back reads modules twice as
        // large with a narrower margin better than small ones with a wide one.
        (1..=8).rev().find_map(|scale| {
            [4, 2].into_iter().find_map(|quiet| {
                let (w, h) = self.size(scale, quiet);
                (w <= area.width && h <= area.height).then_some((scale, quiet))
            })
        })
    }

    /// Whether module (`x`, `y`) of the code with its quiet zone is dark.
    fn module(&self, x: i64, y: i64) -> bool {
        let w = self.width as i64;
        (0..w).contains(&x) && (0..w).contains(&y) && self.dark[(y * w + x) as usize]
    }
}

impl Widget for &Qr {
    /// Draws the code as large as fits, centred in `area`; nothing when it
    /// does not fit at all (the address is also on screen as text).
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some((scale, quiet)) = self.fit(area) else {
            return;
        };
        let (w, h) = self.size(scale, quiet);
        let x0 = area.x + (area.width - w) / 2;
        let y0 = area.y + (area.height - h) / 2;
        let style = Style::new().fg(Color::Black).bg(Color::White);
        let (scale, quiet) = (i64::from(scale), i64::from(quiet));
        // Pixel (px, py): a column by half a row; a module is scale x scale.
        let dark = |px: i64, py: i64| self.module(px / scale - quiet, py / scale - quiet);
        for cy in 0..h {
            for cx in 0..w {
                let (px, py) = (i64::from(cx), 2 * i64::from(cy));
                let symbol = match (dark(px, py), dark(px, py + 1)) {
                    (true, true) => "█",
                    (true, false) => "▀",
                    (false, true) => "▄",
                    (false, false) => " ",
                };
                if let Some(cell) = buf.cell_mut((x0 + cx, y0 + cy)) {
                    cell.set_symbol(symbol).set_style(style);
                }
            }
        }
    }
}
