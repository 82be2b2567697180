//! Forty phones at once on loopback: each joins, writes three MOTs and,
//! once the room votes, spends its dots; nothing is lost, every MOT and
//! every dot is in the saved file. Bounded: forty phones, a fixed number
//! of requests each, every request with a timeout.

mod common;
#[path = "common/room.rs"]
mod room;

use std::collections::HashSet;

use mot::app::Action;
use mot::model::{MotOrigin, Session, Stage};
use room::Room;
use serde_json::json;

const PHONES: usize = 40;
const MOTS_EACH: usize = 3;

#[test]
fn forty_phones_join_write_and_vote_at_once_and_nothing_is_lost() {
    let mut s = Session::new("Load");
    s.dot_budget = 3;
    s.max_dots_per_mot = 2;
    s.stage = Stage::Write;
    let room = Room::open(s);

    let writers: Vec<_> = (0..PHONES)
        .map(|i| {
            let mut phone = room.scanned();
            std::thread::spawn(move || {
                let (status, body) = phone.post(
                    "/api/join",
                    json!({ "name": format!("Phone {i:02}"), "group": 1 + (i % 4) as u32 }),
                );
                assert_eq!(status, 200, "join {i}: {body}");
                for k in 0..MOTS_EACH {
                    let (status, body) = phone.post(
                        "/api/mot",
                        json!({
                            "who": format!("guest {i}-{k}"),
                            "situation": format!("phone {i} writes its moment number {k} at the desk"),
                            "feeling": "looked after",
                        }),
                    );
                    assert_eq!(status, 200, "MOT {i}-{k}: {body}");
                }
                phone
            })
        })
        .collect();
    let phones: Vec<_> = writers
        .into_iter()
        .map(|t| t.join().expect("a phone's thread"))
        .collect();

    let s = room.session();
    assert_eq!(s.participants.len(), PHONES);
    assert_eq!(s.mots.len(), PHONES * MOTS_EACH);
    assert!(s.mots.iter().all(|m| m.origin == Some(MotOrigin::Phone)));

    room.act(Action::GoToStage(Stage::Vote));
    let ids: Vec<u32> = s.mots.iter().map(|m| m.id).collect();
    let voters: Vec<_> = phones
        .into_iter()
        .enumerate()
        .map(|(i, mut phone)| {
            let ids = ids.clone();
            std::thread::spawn(move || {
                // Two dots on one MOT, one on the next: the whole budget.
                let a = ids[(i * 7) % ids.len()];
                let b = ids[(i * 7 + 1) % ids.len()];
                for (mot, count) in [(a, 2), (b, 1)] {
                    let (status, body) =
                        phone.post("/api/dots", json!({ "mot": mot, "count": count }));
                    assert_eq!(status, 200, "dots {i}: {body}");
                }
                // A third dot is over the budget, whatever MOT.
                let c = ids[(i * 7 + 2) % ids.len()];
                let (status, _) = phone.post("/api/dots", json!({ "mot": c, "count": 1 }));
                assert_eq!(status, 422, "over the budget {i}");
            })
        })
        .collect();
    for t in voters {
        t.join().expect("a voter's thread");
    }

    room.saved();
    let saved = mot::store::load(&room.path).expect("the saved session reads");
    assert_eq!(saved.mots.len(), PHONES * MOTS_EACH, "every MOT saved");
    let authors: HashSet<_> = saved.mots.iter().filter_map(|m| m.author.clone()).collect();
    assert_eq!(authors.len(), PHONES, "every author");
    let total: u32 = saved.dots.iter().map(|d| d.count).sum();
    assert_eq!(total, (PHONES * 3) as u32, "every dot saved");
    for p in &saved.participants {
        assert_eq!(saved.dots_spent(p.id), 3, "{}'s budget", p.name);
    }
}
