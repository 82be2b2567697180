//! The Drill stage: cards, trios, the round on its clock, the debrief.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::Workshop;

/// Draws the Drill stage's view on show.
pub fn draw(_w: &Workshop, _frame: &mut Frame, _area: Rect) {}
