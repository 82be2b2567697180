//! The brake on guessing the room code: each wrong code submitted slows
//! the next tries, for everyone a little and for the device that sent it
//! much more, and the brake eases as the wrong codes age. It never locks
//! the room: the longest wait for everyone is a few seconds, so a late
//! participant with the right code always gets in.
//!
//! Only codes actually submitted count (the server calls [`Throttle::wrong`]
//! when it judged one), and the memory it keeps is bounded whatever a
//! stranger on the network sends.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// How long a wrong code keeps slowing the next tries.
pub const WINDOW: Duration = Duration::from_secs(10 * 60);

/// What each recent wrong code, from anyone, adds to everyone's wait.
pub const EVERYONE_STEP: Duration = Duration::from_millis(100);

/// The longest everyone waits: slowed, never locked out.
pub const EVERYONE_MAX: Duration = Duration::from_secs(3);

/// A device's wait after its first wrong code; it doubles with each more.
pub const DEVICE_BASE: Duration = Duration::from_millis(500);

/// The longest one device waits.
pub const DEVICE_MAX: Duration = Duration::from_secs(60);

/// The most wrong codes remembered for everyone (older ones are let go).
const MAX_RECENT: usize = 10_000;

/// The most devices remembered (the longest quiet is let go first).
const MAX_DEVICES: usize = 4_096;

/// Recent wrong codes, for everyone and per device.
#[derive(Debug, Default)]
pub struct Throttle {
    recent: VecDeque<Instant>,
    devices: HashMap<String, Device>,
}

/// One device's recent wrong codes.
#[derive(Debug, Clone, Copy)]
struct Device {
    wrong: u32,
    last: Instant,
}

impl Throttle {
    /// No wrong codes yet.
    pub fn new() -> Throttle {
        Throttle::default()
    }

    /// How long a code from `device` waits before it is judged, at `now`.
    pub fn wait(&mut self, device: &str, now: Instant) -> Duration {
        self.forget_old(now);
        let everyone = EVERYONE_STEP
            .saturating_mul(u32::try_from(self.recent.len()).unwrap_or(u32::MAX))
            .min(EVERYONE_MAX);
        let own = match self.devices.get(device) {
            Some(d) if d.wrong > 0 => DEVICE_BASE
                .saturating_mul(1u32 << (d.wrong - 1).min(16))
                .min(DEVICE_MAX),
            _ => Duration::ZERO,
        };
        everyone.max(own)
    }

    /// How long every code waits before it is judged, at `now`, whoever
    /// sent it: the room's own part of [`Throttle::wait`].
    pub fn everyone(&mut self, now: Instant) -> Duration {
        self.forget_old(now);
        EVERYONE_STEP
            .saturating_mul(u32::try_from(self.recent.len()).unwrap_or(u32::MAX))
            .min(EVERYONE_MAX)
    }

    /// A wrong code was submitted from `device` at `now`.
    pub fn wrong(&mut self, device: &str, now: Instant) {
        self.forget_old(now);
        if self.recent.len() >= MAX_RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(now);
        if !self.devices.contains_key(device) && self.devices.len() >= MAX_DEVICES {
            // Let go of the device quiet the longest: a flood of new
            // devices cannot grow the memory.
            if let Some(oldest) = self
                .devices
                .iter()
                .min_by_key(|(_, d)| d.last)
                .map(|(k, _)| k.clone())
            {
                self.devices.remove(&oldest);
            }
        }
        let d = self.devices.entry(device.to_string()).or_insert(Device {
            wrong: 0,
            last: now,
        });
        d.wrong = d.wrong.saturating_add(1);
        d.last = now;
    }

    /// The right code came from `device`: its own brake is let go (the
    /// room's stays until its wrong codes age).
    pub fn right(&mut self, device: &str) {
        self.devices.remove(device);
    }

    /// Lets go of wrong codes older than [`WINDOW`].
    fn forget_old(&mut self, now: Instant) {
        let fresh = |t: &Instant| now.saturating_duration_since(*t) < WINDOW;
        while self.recent.front().is_some_and(|t| !fresh(t)) {
            self.recent.pop_front();
        }
        self.devices.retain(|_, d| fresh(&d.last));
    }

    /// How many devices are remembered (for tests of the bound).
    pub fn devices(&self) -> usize {
        self.devices.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_codes_slow_the_device_a_lot_and_everyone_a_little() {
        let mut t = Throttle::new();
        let now = Instant::now();
        assert_eq!(t.wait("phone", now), Duration::ZERO);
        t.wrong("guesser", now);
        assert_eq!(t.wait("guesser", now), DEVICE_BASE);
        assert_eq!(t.wait("phone", now), EVERYONE_STEP);
        for _ in 0..5 {
            t.wrong("guesser", now);
        }
        assert_eq!(t.wait("guesser", now), DEVICE_BASE * 32);
        assert_eq!(t.wait("phone", now), EVERYONE_STEP * 6);
        for _ in 0..100 {
            t.wrong("guesser", now);
        }
        assert_eq!(t.wait("guesser", now), DEVICE_MAX);
        assert_eq!(t.wait("phone", now), EVERYONE_MAX, "slowed, never locked");
    }

    #[test]
    fn the_brake_eases_as_wrong_codes_age_and_the_right_code_frees_the_device() {
        let mut t = Throttle::new();
        let now = Instant::now();
        t.wrong("a", now);
        t.wrong("a", now);
        t.right("a");
        assert_eq!(
            t.wait("a", now),
            EVERYONE_STEP * 2,
            "the room's brake stays"
        );
        let later = now + WINDOW;
        assert_eq!(t.wait("a", later), Duration::ZERO);
        t.wrong("b", now);
        assert_eq!(t.wait("b", later), Duration::ZERO, "aged out");
    }

    #[test]
    fn a_flood_of_devices_keeps_the_memory_bounded() {
        let mut t = Throttle::new();
        let now = Instant::now();
        for i in 0..(MAX_DEVICES + 500) {
            t.wrong(
                &format!("device {i}"),
                now + Duration::from_millis(i as u64),
            );
        }
        assert_eq!(t.devices(), MAX_DEVICES);
        assert!(t.recent.len() <= MAX_RECENT);
        // The newest are the ones remembered.
        let last = now + Duration::from_millis((MAX_DEVICES + 499) as u64);
        assert!(t.wait(&format!("device {}", MAX_DEVICES + 499), last) >= DEVICE_BASE);
    }
}
