//! Drill, the round clock: phases one after another on the stage's timer.

use super::*;

/// `t` in the Drill stage: starts the phase on show, or pauses and resumes.
pub(in crate::app::update) fn toggle_clock(w: &mut Workshop, now: std::time::Instant) -> String {
    let phase = w.drill.phase;
    match &mut w.timer {
        Some(t) if t.stage == Stage::Drill => {
            t.toggle(now);
            let clock = timer::clock(t.left(now));
            if t.running() {
                tr!(
                    "drill.app.clock_running",
                    phase = phase.name(),
                    clock = clock
                )
            } else {
                tr!(
                    "drill.app.clock_paused",
                    phase = phase.name(),
                    clock = clock
                )
            }
        }
        _ => {
            start_phase(w, phase, now);
            tr!(
                "drill.app.clock_started",
                phase = phase.name(),
                round = w.session.drill.round + 1,
                clock = timer::clock(phase_length(w, phase))
            )
        }
    }
}

pub(super) fn phase_length(w: &Workshop, phase: Phase) -> Duration {
    Duration::from_secs(u64::from(w.session.drill.phases.seconds(phase)))
}

pub(super) fn start_phase(w: &mut Workshop, phase: Phase, now: std::time::Instant) {
    w.drill.phase = phase;
    w.timer = Some(Timer::start(Stage::Drill, phase_length(w, phase), now));
}

/// Back to reading, the clock stopped: a new round, or `T`.
pub(in crate::app::update) fn reset_clock(w: &mut Workshop) {
    w.drill.phase = Phase::Read;
    if w.timer.is_some_and(|t| t.stage == Stage::Drill) {
        w.timer = None;
    }
}

/// `]`: on to the next phase now; a running clock keeps running.
pub(in crate::app::update) fn next_phase(
    w: &mut Workshop,
    now: std::time::Instant,
) -> (String, bool) {
    let Some(next) = w.drill.phase.next() else {
        return (tr!("drill.app.last_phase").into(), false);
    };
    let running = w
        .timer
        .is_some_and(|t| t.stage == Stage::Drill && t.running());
    if running {
        start_phase(w, next, now);
    } else {
        w.drill.phase = next;
        if w.timer.is_some_and(|t| t.stage == Stage::Drill) {
            w.timer = None;
        }
    }
    (
        tr!(
            "drill.app.phase_now",
            phase = next.name(),
            clock = timer::clock(phase_length(w, next))
        ),
        true,
    )
}

/// `[`: the phase again from its start; a running clock keeps running.
pub(in crate::app::update) fn repeat_phase(w: &mut Workshop, now: std::time::Instant) -> String {
    let phase = w.drill.phase;
    let running = w
        .timer
        .is_some_and(|t| t.stage == Stage::Drill && t.running());
    if running {
        start_phase(w, phase, now);
    } else if w.timer.is_some_and(|t| t.stage == Stage::Drill) {
        w.timer = None;
    }
    tr!(
        "drill.app.phase_again",
        phase = phase.name(),
        clock = timer::clock(phase_length(w, phase))
    )
}

/// The drill's clock ran out: the next phase starts at once (the bell
/// rings for it); after feedback the round is over.
pub(in crate::app::update) fn phase_over(w: &mut Workshop, now: std::time::Instant) -> String {
    let round = w.session.drill.round + 1;
    match w.drill.phase.next() {
        Some(next) => {
            start_phase(w, next, now);
            tr!(
                "drill.app.phase_over",
                phase = next.name(),
                clock = timer::clock(phase_length(w, next))
            )
        }
        None => tr!("drill.app.round_over", round = round),
    }
}
