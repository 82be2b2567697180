//! The phones the room let in: each has a random cookie (its key), a
//! number the app knows it by, its language, and its recent MOTs (for the
//! limit per minute). Bounded: past [`MAX_PHONES`] a new phone is refused.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use crate::access::{NoRandom, Token};
use crate::app::phones::{DeviceId, MAX_PHONE_MOTS_PER_MINUTE, MAX_PHONES};
use crate::i18n::Language;

/// Every phone let in, by cookie.
#[derive(Debug, Default)]
pub(crate) struct Devices {
    by_cookie: HashMap<String, DeviceId>,
    phones: HashMap<DeviceId, Phone>,
    next: DeviceId,
}

/// One phone.
#[derive(Debug, Default)]
struct Phone {
    language: Option<Language>,
    sent: VecDeque<Instant>,
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
    /// The phone a cookie belongs to.
    pub(crate) fn find(&self, cookie: &str) -> Option<DeviceId> {
        self.by_cookie.get(cookie).copied()
    }

    /// Lets a new phone in: its number and its cookie.
    pub(crate) fn add(&mut self) -> Result<(DeviceId, String), Refused> {
        if self.by_cookie.len() >= MAX_PHONES {
            return Err(Refused::Full);
        }
        let cookie = Token::new().map_err(Refused::Random)?.to_hex();
        self.next += 1;
        let id = self.next;
        self.by_cookie.insert(cookie.clone(), id);
        self.phones.insert(id, Phone::default());
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
        let Some(p) = self.phones.get_mut(&id) else {
            return false;
        };
        let minute = Duration::from_secs(60);
        while p
            .sent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= minute)
        {
            p.sent.pop_front();
        }
        if p.sent.len() >= MAX_PHONE_MOTS_PER_MINUTE {
            return false;
        }
        p.sent.push_back(now);
        true
    }
}
