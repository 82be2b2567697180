//! The Matrix stage: moving between cells and through a cell's MOTs.

use super::*;

pub(super) fn matrix(w: &mut Workshop, action: Action) {
    let m = &mut w.matrix;
    let before = (m.dimension, m.quality);
    match action {
        Action::Up => m.dimension = m.dimension.saturating_sub(1),
        Action::Down => m.dimension = (m.dimension + 1).min(3),
        Action::Left => m.quality = m.quality.saturating_sub(1),
        Action::Right => m.quality = (m.quality + 1).min(4),
        Action::PageUp => m.list_offset = m.list_offset.saturating_sub(PAGE / 2),
        Action::PageDown => {
            let (d, q) = m.cell();
            let held = w
                .session
                .mots
                .iter()
                .filter(|mot| mot.dimension == Some(d) && mot.qualities.contains(&q))
                .count();
            m.list_offset = (m.list_offset + PAGE / 2).min(held.saturating_sub(1));
        }
        _ => {}
    }
    if before != (m.dimension, m.quality) {
        m.list_offset = 0;
    }
}
