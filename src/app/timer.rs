//! The timebox of a stage, counting down. It holds instants given to it, never
//! reads the clock, so tests drive it with a fake one.

use std::time::{Duration, Instant};

use crate::model::Stage;

/// Where the countdown is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    /// Counting down; ends at this instant.
    Running(Instant),
    /// Stopped with this much left.
    Paused(Duration),
    /// Ran out (the bell has rung).
    Done,
}

/// A countdown for one stage's timebox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    /// The stage it times.
    pub stage: Stage,
    /// The whole timebox.
    pub length: Duration,
    /// Where it is.
    pub run: Run,
}

impl Timer {
    /// A timer started now for `length`.
    pub fn start(stage: Stage, length: Duration, now: Instant) -> Timer {
        Timer {
            stage,
            length,
            run: Run::Running(now + length),
        }
    }

    /// Time left at `now` (zero once it ran out).
    pub fn left(&self, now: Instant) -> Duration {
        match self.run {
            Run::Running(end) => end.saturating_duration_since(now),
            Run::Paused(left) => left,
            Run::Done => Duration::ZERO,
        }
    }

    /// Whether it counts down.
    pub fn running(&self) -> bool {
        matches!(self.run, Run::Running(_))
    }

    /// Pauses a running timer, or resumes a paused one; a finished one starts again.
    pub fn toggle(&mut self, now: Instant) {
        self.run = match self.run {
            Run::Running(end) => Run::Paused(end.saturating_duration_since(now)),
            Run::Paused(left) => Run::Running(now + left),
            Run::Done => Run::Running(now + self.length),
        };
    }

    /// Gives it `by` more time (`longer`) or less, in whatever state it
    /// is; a finished one given more runs again from `now` for that long.
    pub fn lengthen(&mut self, by: Duration, longer: bool, now: Instant) {
        let add = |d: Duration| {
            if longer { d + by } else { d.saturating_sub(by) }
        };
        self.length = add(self.length);
        self.run = match self.run {
            Run::Running(end) if longer => Run::Running(end + by),
            Run::Running(end) => Run::Running(end.checked_sub(by).unwrap_or(end)),
            Run::Paused(left) => Run::Paused(add(left)),
            Run::Done if longer => Run::Running(now + by),
            Run::Done => Run::Done,
        };
    }

    /// Notes the time; returns true exactly once, when it runs out.
    pub fn tick(&mut self, now: Instant) -> bool {
        match self.run {
            Run::Running(end) if now >= end => {
                self.run = Run::Done;
                true
            }
            _ => false,
        }
    }

    /// How long until the shown time changes (the next whole second), while running.
    pub fn next_change(&self, now: Instant) -> Option<Duration> {
        let Run::Running(end) = self.run else {
            return None;
        };
        let left = end.saturating_duration_since(now);
        // The clock shows whole seconds rounded up, so it changes when the
        // time left crosses a whole second.
        let sub = Duration::from_nanos(u64::from(left.subsec_nanos()));
        Some(if sub.is_zero() {
            Duration::from_secs(1).min(left.max(Duration::from_millis(1)))
        } else {
            sub
        })
    }
}

/// Time left as the room reads it: `m:ss`, or `h:mm:ss` past an hour, rounded up
/// so it reads 0:00 only when time is really up.
pub fn clock(left: Duration) -> String {
    let secs = left.as_secs() + u64::from(left.subsec_nanos() > 0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);

    #[test]
    fn counts_down_pauses_and_rings_once() {
        let t0 = Instant::now();
        let mut t = Timer::start(Stage::Write, 10 * MIN, t0);
        assert_eq!(clock(t.left(t0)), "10:00");
        let t1 = t0 + Duration::from_millis(1500);
        assert_eq!(clock(t.left(t1)), "9:59", "rounded up");
        t.toggle(t1);
        assert!(!t.running());
        // Paused: time stands still however long the room talks.
        let t2 = t1 + 30 * MIN;
        assert_eq!(clock(t.left(t2)), "9:59");
        assert!(!t.tick(t2));
        t.toggle(t2);
        let end = t2 + 10 * MIN - Duration::from_millis(1500);
        assert!(!t.tick(end - Duration::from_millis(1)));
        assert!(t.tick(end), "rings when it runs out");
        assert!(!t.tick(end + MIN), "and only once");
        assert_eq!(clock(t.left(end + MIN)), "0:00");
        // Starting a finished timer gives the whole timebox again.
        t.toggle(end + MIN);
        assert_eq!(clock(t.left(end + MIN)), "10:00");
    }

    #[test]
    fn wakes_only_while_running_and_on_the_second() {
        let t0 = Instant::now();
        let mut t = Timer::start(Stage::Vote, MIN, t0);
        assert_eq!(t.next_change(t0), Some(Duration::from_secs(1)));
        assert_eq!(
            t.next_change(t0 + Duration::from_millis(200)),
            Some(Duration::from_millis(800))
        );
        t.toggle(t0);
        assert_eq!(t.next_change(t0), None, "a paused timer needs no wake-ups");
    }

    #[test]
    fn clock_reads_hours_when_needed() {
        assert_eq!(clock(Duration::from_secs(3600 + 61)), "1:01:01");
        assert_eq!(clock(Duration::ZERO), "0:00");
        assert_eq!(clock(Duration::from_millis(1)), "0:01");
    }
}
