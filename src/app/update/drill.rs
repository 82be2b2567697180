//! The Drill stage: the deck, the trios, the round's clock and sheets, the debrief.

use super::*;

pub(super) fn drill(_w: &mut Workshop, _action: Action, _out: &mut Outcome) {}
