//! The phones the room let in: each has a random cookie (its key), a
//! number the app knows it by, its language, and its recent MOTs (for the
//! limit per minute). Bounded: past [`MAX_PHONES`] a new phone is refused.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use crate::access::{NoRandom, Token};
use crate::app::phones::{DeviceId, MAX_PHONE_MOTS_PER_MINUTE, MAX_PHONES};
use crate::model::limits::MAX_PHONE_JOINS_PER_MINUTE;

/// How long a phone without a name must have been quiet before a new phone
/// may take its place in a full room.
const IDLE_BEFORE_REPLACED: Duration = Duration::from_secs(60);
use crate::i18n::Language;

/// Every phone let in, by cookie.
#[derive(Debug, Default)]
pub(crate) struct Devices {
    by_cookie: HashMap<String, DeviceId>,
    phones: HashMap<DeviceId, Phone>,
    next: DeviceId,
}

/// One phone.
#[derive(Debug)]
struct Phone {
    cookie: String,
    language: Option<Language>,
    sent: VecDeque<Instant>,
    joined: VecDeque<Instant>,
    seen: Instant,
}

/// Why a phone was not let in.
#[derive(Debug)]
pub(crate) enum Refused {
    /// The room holds as many phones as it takes.
    Full,
    /// No random source for the cookie.
    Random(NoRandom),
}

impl Devices {
    /// The phone a cookie belongs to; it was seen `now`.
    pub(crate) fn find(&mut self, cookie: &str, now: Instant) -> Option<DeviceId> {
        let id = self.by_cookie.get(cookie).copied()?;
        if let Some(p) = self.phones.get_mut(&id) {
            p.seen = now;
        }
        Some(id)
    }

    /// Lets a new phone in: its number and its cookie. A full room lets a
    /// phone in in place of one that holds no name (`held` are those that
    /// do) and has been quiet a while; else it is full.
    pub(crate) fn add(
        &mut self,
        now: Instant,
        held: &std::collections::HashSet<DeviceId>,
    ) -> Result<(DeviceId, String), Refused> {
        if self.by_cookie.len() >= MAX_PHONES {
            let idle = self
                .phones
                .iter()
                .filter(|(id, p)| {
                    !held.contains(id)
                        && now.saturating_duration_since(p.seen) >= IDLE_BEFORE_REPLACED
                })
                .min_by_key(|(_, p)| p.seen)
                .map(|(id, _)| *id);
            match idle.and_then(|id| self.phones.remove(&id)) {
                Some(gone) => {
                    self.by_cookie.remove(&gone.cookie);
                }
                None => return Err(Refused::Full),
            }
        }
        let cookie = Token::new().map_err(Refused::Random)?.to_hex();
        self.next += 1;
        let id = self.next;
        self.by_cookie.insert(cookie.clone(), id);
        self.phones.insert(
            id,
            Phone {
                cookie: cookie.clone(),
                language: None,
                sent: VecDeque::new(),
                joined: VecDeque::new(),
                seen: now,
            },
        );
        Ok((id, cookie))
    }

    /// How many phones are in.
    pub(crate) fn len(&self) -> usize {
        self.by_cookie.len()
    }

    /// The language a phone chose, if it chose one.
    pub(crate) fn language(&self, id: DeviceId) -> Option<Language> {
        self.phones.get(&id).and_then(|p| p.language)
    }

    /// Remembers a phone's language.
    pub(crate) fn set_language(&mut self, id: DeviceId, language: Language) {
        if let Some(p) = self.phones.get_mut(&id) {
            p.language = Some(language);
        }
    }

    /// Whether a phone may send one more MOT at `now`: at most
    /// [`MAX_PHONE_MOTS_PER_MINUTE`] in any minute. Counts it when it may.
    pub(crate) fn may_send(&mut self, id: DeviceId, now: Instant) -> bool {
        self.phones
            .get_mut(&id)
            .is_some_and(|p| within_a_minute(&mut p.sent, MAX_PHONE_MOTS_PER_MINUTE, now))
    }

    /// Whether a phone may add one more name at `now`: at most
    /// [`MAX_PHONE_JOINS_PER_MINUTE`] in any minute. Counts it when it may.
    pub(crate) fn may_join(&mut self, id: DeviceId, now: Instant) -> bool {
        self.phones
            .get_mut(&id)
            .is_some_and(|p| within_a_minute(&mut p.joined, MAX_PHONE_JOINS_PER_MINUTE, now))
    }
}

/// Whether one more thing fits in the last minute's `most`, counting it if so.
fn within_a_minute(times: &mut VecDeque<Instant>, most: usize, now: Instant) -> bool {
    let minute = Duration::from_secs(60);
    while times
        .front()
        .is_some_and(|t| now.saturating_duration_since(*t) >= minute)
    {
        times.pop_front();
    }
    if times.len() >= most {
        return false;
    }
    times.push_back(now);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn a_full_room_lets_a_phone_in_only_in_place_of_a_quiet_one_without_a_name() {
        let mut d = Devices::default();
        let t0 = Instant::now();
        let ids: Vec<DeviceId> = (0..MAX_PHONES)
            .map(|_| d.add(t0, &HashSet::new()).expect("room").0)
            .collect();
        let held: HashSet<DeviceId> = ids.iter().copied().skip(1).collect();
        // All seen just now: full.
        assert!(matches!(d.add(t0, &held), Err(Refused::Full)));
        // A minute on, the one phone without a name gives its place.
        let later = t0 + IDLE_BEFORE_REPLACED;
        let (new, cookie) = d.add(later, &held).expect("a place");
        assert_eq!(d.len(), MAX_PHONES);
        assert_eq!(d.find(&cookie, later), Some(new));
        assert!(
            matches!(d.add(later, &held), Err(Refused::Full)),
            "names are kept"
        );
    }

    #[test]
    fn a_phone_adds_at_most_three_names_and_ten_mots_a_minute() {
        let mut d = Devices::default();
        let t0 = Instant::now();
        let (id, _) = d.add(t0, &HashSet::new()).expect("room");
        assert!((0..MAX_PHONE_JOINS_PER_MINUTE).all(|_| d.may_join(id, t0)));
        assert!(!d.may_join(id, t0));
        assert!(d.may_join(id, t0 + Duration::from_secs(60)));
        assert!((0..MAX_PHONE_MOTS_PER_MINUTE).all(|_| d.may_send(id, t0)));
        assert!(!d.may_send(id, t0));
    }
}
