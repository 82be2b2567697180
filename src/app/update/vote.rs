//! The Vote stage: dots per participant, or hands per group; revealing the totals.

use super::*;

pub(super) fn vote(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let mot = w.selected_mot().map(|m| m.id);
    let asked = unconfirmed_hands(w);
    // The first digit typed into a cell replaces its count; later ones append.
    let continuing = std::mem::replace(
        &mut w.vote.typing_count,
        matches!(action, Action::Digit(_) | Action::EraseDigit),
    );
    match action {
        // The answer to "1,200 hands for one group?": keep it...
        Action::Submit | Action::Yes if asked.is_some() => {
            if let Some(typed) = asked {
                out.save();
                out.info(tr!(
                    "model.limit.hands_kept",
                    typed = limits::grouped(u64::from(typed.count)),
                    mot = typed.mot
                ));
            }
        }
        // ... or go back to the count last kept.
        Action::Cancel | Action::No if asked.is_some() => {
            if let Some(typed) = asked {
                out.info(drop_unconfirmed(w, typed));
            }
        }
        Action::ToggleVoteMode => {
            w.vote.mode = match w.vote.mode {
                VoteMode::Dots => VoteMode::Hands,
                VoteMode::Hands => VoteMode::Dots,
            };
        }
        Action::ToggleReveal => toggle_reveal(w, out),
        Action::ToggleShowDots if w.session.votes_revealed => {
            out.info(tr!("app.vote.dots_all_shown"));
        }
        Action::ToggleShowDots
            if !w.vote.show_dots && w.voter().is_some_and(|p| w.phones.holder(p.id).is_some()) =>
        {
            // A phone's vote is its own: not even the wall shows it.
            out.error(tr!("phones.dots_private"));
        }
        Action::ToggleShowDots => {
            w.vote.show_dots = !w.vote.show_dots;
            out.info(if w.vote.show_dots {
                tr!("app.vote.dots_shown")
            } else {
                tr!("app.vote.dots_private")
            });
        }
        Action::NextParticipant | Action::PrevParticipant => {
            // The next voter's dots start private again.
            w.vote.show_dots = false;
            let n = w.session.participants.len();
            if n == 0 {
                out.error(tr!("app.vote.no_participants"));
            } else if action == Action::NextParticipant {
                w.vote.participant = (w.vote.participant + 1) % n;
            } else {
                w.vote.participant = (w.vote.participant + n - 1) % n;
            }
        }
        Action::Left | Action::Right if w.vote.mode == VoteMode::Hands => {
            let n = w.session.groups.len().max(1);
            w.vote.group = if action == Action::Right {
                (w.vote.group + 1) % n
            } else {
                (w.vote.group + n - 1) % n
            };
        }
        Action::Increase | Action::Decrease if w.vote.mode == VoteMode::Dots => {
            let Some(mot) = mot else {
                out.info(tr!("app.vote.no_mots"));
                return;
            };
            let Some(p) = w.voter().map(|p| p.id) else {
                out.error(tr!("app.vote.no_participants_dots"));
                return;
            };
            if !super::phones::keyboard_may_vote(w, p, out) {
                return;
            }
            if action == Action::Increase {
                out.apply(w.session.add_dot(p, mot));
            } else {
                out.apply(w.session.remove_dot(p, mot));
            }
        }
        Action::Increase | Action::Decrease | Action::Digit(_) | Action::EraseDigit => {
            let (Some(mot), Some(group)) = (mot, w.session.groups.get(w.vote.group).map(|g| g.id))
            else {
                return;
            };
            let now = w.session.mot(mot).map_or(0, |m| m.hands_for(group));
            let next = match action {
                Action::Increase => now.saturating_add(1),
                Action::Decrease => now.saturating_sub(1),
                Action::Digit(d) if continuing => {
                    now.saturating_mul(10).saturating_add(u32::from(d))
                }
                Action::Digit(d) => u32::from(d),
                _ => now / 10,
            };
            // A digit typed past what a room usually counts (or erased from
            // such a count): shown, not yet kept (no save, no undo step)
            // until the room answers. `+` and `-` step one at a time and
            // never ask; nor does shortening a count already kept.
            let erase = action == Action::EraseDigit;
            let above = ask_above(&w.session, group);
            let unconfirmed =
                next > above && (matches!(action, Action::Digit(_)) || (erase && asked.is_some()));
            if unconfirmed {
                // What Esc goes back to: the count the cell held when the
                // question began, kept for as long as it is asked.
                let back = match (asked, w.vote.asked_from) {
                    (Some(_), Some(from)) => from,
                    (Some(_), None) => kept_count(next, above),
                    (None, _) => now,
                };
                w.vote.asked_from = Some(back);
                let typed = limits::grouped(u64::from(next));
                let kept = limits::grouped(u64::from(back));
                let question = if above < limits::HANDS_ASK_ABOVE {
                    // More hands than the people listed in the group.
                    let name = w
                        .session
                        .group(group)
                        .map(|g| g.name.clone())
                        .unwrap_or_default();
                    tr!(
                        "model.limit.hands_question_listed",
                        typed = typed,
                        listed = above,
                        group = name,
                        kept = kept
                    )
                } else {
                    tr!("model.limit.hands_question", typed = typed, kept = kept)
                };
                match w.session.set_hands(mot, group, next) {
                    Ok(()) => out.info(question),
                    Err(e) => out.error(e.to_string()),
                }
            } else {
                out.apply(w.session.set_hands(mot, group, next));
                // A kept count above the threshold, shortened: the next digit
                // starts afresh, so every count typed on past the threshold
                // grew from a kept one below it (see `kept_count`).
                if erase && next > above {
                    w.vote.typing_count = false;
                }
            }
        }
        _ => {}
    }
}

/// Shows or hides the vote totals (Vote and Choose).
pub(super) fn toggle_reveal(w: &mut Workshop, out: &mut Outcome) {
    w.session.votes_revealed = !w.session.votes_revealed;
    out.save();
    out.info(if w.session.votes_revealed {
        tr!("app.vote.revealed")
    } else {
        tr!("app.vote.hidden")
    });
}

/// Marks the MOT peak, low, end or nothing, in turn (Tag and Choose).
pub(super) fn cycle_golden(w: &mut Workshop, id: MotId, out: &mut Outcome) {
    let mark = Golden::cycle(w.session.mot(id).and_then(|m| m.golden));
    if out.apply(w.session.set_golden(id, mark)).is_some() {
        out.info(match mark {
            Some(g) => tr!(
                "app.choose.golden",
                id = id,
                symbol = g.symbol(),
                mark = g.name()
            ),
            None => tr!("app.choose.golden_off", id = id),
        });
    }
}
