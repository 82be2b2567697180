//! The room served for real on 127.0.0.1 with a real HTTP client: phones
//! join, claim and release, write and vote; the server enforces the budget
//! and the cap and never shows totals or another phone's dots; wrong keys
//! are refused and slowed; hostile input is refused or escaped; the session
//! file holds what was sent and no secret.

mod common;
#[path = "common/room.rs"]
mod room;

use std::time::Duration;

use mot::app::Action;
use mot::model::{MotOrigin, Session, Stage};
use room::{Phone, Room, workshop};
use serde_json::{Value, json};

/// A session with three people and room to vote: budget 3, cap 2.
fn session() -> Session {
    let mut s = Session::new("Front desk");
    s.dot_budget = 3;
    s.max_dots_per_mot = 2;
    s.add_participant("Ann", 1).expect("group");
    s.add_participant("Bo", 2).expect("group");
    s.add_participant("Cy", 3).expect("group");
    s.stage = Stage::Write;
    s
}

fn id_of(s: &Session, name: &str) -> u32 {
    s.participants
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.id)
        .expect("participant")
}

/// A phone let in that picked `name`.
fn as_person(room: &Room, name: &str) -> Phone {
    let mut p = room.scanned();
    let id = id_of(&room.session(), name);
    let (status, body) = p.post("/api/claim", json!({ "participant": id }));
    assert_eq!(status, 200, "{body}");
    p
}

fn mot(p: &mut Phone, who: &str, situation: &str, feeling: &str) -> (u16, Value) {
    p.post(
        "/api/mot",
        json!({ "who": who, "situation": situation, "feeling": feeling }),
    )
}

#[test]
fn a_phone_joins_writes_and_votes_and_the_file_holds_exactly_that() {
    let room = Room::open(session());
    let mut ann = room.scanned();
    // The page lists the people to pick from.
    let (status, page) = ann.get("/");
    assert_eq!(status, 200);
    for name in ["Ann", "Bo", "Cy"] {
        assert!(page.contains(name), "{name} on the page");
    }
    let ann_id = id_of(&room.session(), "Ann");
    assert_eq!(
        ann.post("/api/claim", json!({ "participant": ann_id })).0,
        200
    );
    // The stage bar counts the phone.
    assert_eq!(room.with(|app| workshop(app).phones.count()), 1);

    let (status, body) = mot(
        &mut ann,
        "商务舱旅客",
        "登机时空乘叫出了她的名字，并记得她上次点的茶",
        "被记住了",
    );
    assert_eq!(status, 200, "{body}");
    let id = body["mot"].as_u64().expect("the MOT's id") as u32;
    let s = room.session();
    let m = s.mot(id).expect("the MOT is in the session");
    assert_eq!(m.who, "商务舱旅客");
    assert_eq!(m.author.as_deref(), Some("Ann"));
    assert_eq!(m.origin, Some(MotOrigin::Phone));

    // Vote: within the cap and the budget, changed at will until the reveal.
    room.act(Action::GoToStage(Stage::Vote));
    let second = room.with(|app| {
        let w = workshop(app);
        w.session
            .try_add_mot(mot::model::MotText {
                who: "a family".into(),
                situation: "late check-in with two sleepy children".into(),
                feeling: "relief".into(),
            })
            .expect("room")
    });
    room.act(Action::SaveNow);
    let (status, body) = ann.post("/api/dots", json!({ "mot": id, "count": 2 }));
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (body["count"].as_u64(), body["left"].as_u64()),
        (Some(2), Some(1))
    );
    let (status, body) = ann.post("/api/dots", json!({ "mot": id, "count": 3 }));
    assert_eq!(status, 422, "over the cap: {body}");
    let (status, _) = ann.post("/api/dots", json!({ "mot": second, "count": 2 }));
    assert_eq!(status, 422, "over the budget");
    assert_eq!(
        ann.post("/api/dots", json!({ "mot": id, "count": 1 })).0,
        200
    );
    assert_eq!(
        ann.post("/api/dots", json!({ "mot": second, "count": 2 }))
            .0,
        200
    );
    let s = room.session();
    assert_eq!(s.dots_on(ann_id, id), 1);
    assert_eq!(s.dots_on(ann_id, second), 2);

    // The phone's news tells how many voted, never a total.
    let (_, state) = ann.state();
    assert_eq!(state["voted"], "1 of 3 have voted");
    let text = state.to_string();
    assert!(!text.contains("score") && !text.contains("total"), "{text}");

    // Revealed: dots no longer change.
    room.act(Action::ToggleReveal);
    let (status, body) = ann.post("/api/dots", json!({ "mot": id, "count": 0 }));
    assert_eq!(status, 409, "{body}");
    assert_eq!(room.session().dots_on(ann_id, id), 1);

    let saved = room.saved();
    assert!(saved.contains("登机时空乘叫出了她的名字"), "{saved}");
    assert!(saved.contains("author: Some(\"Ann\")"), "{saved}");
    assert!(!saved.contains(&room.token), "no token in the file");
    assert!(
        !saved.contains(&room.code.replace(' ', "")),
        "no room code in the file"
    );
    let cookie = ann.cookie.clone().expect("cookie");
    assert!(!saved.contains(&cookie), "no cookie in the file");
}

#[test]
fn a_mot_sent_after_the_room_moved_on_is_kept() {
    let room = Room::open(session());
    let mut bo = as_person(&room, "Bo");
    room.act(Action::GoToStage(Stage::Tag));
    let (status, body) = mot(
        &mut bo,
        "a guest",
        "the lift was out of order for a day",
        "annoyed",
    );
    assert_eq!(status, 200, "{body}");
    let s = room.session();
    assert_eq!(s.mots.len(), 1);
    assert_eq!(s.mots[0].author.as_deref(), Some("Bo"));
    let status = room.with(|app| app.status.as_ref().map(|s| s.text.clone()));
    assert!(
        status.unwrap_or_default().contains("after Write"),
        "the facilitator is told"
    );
}

#[test]
fn claims_are_one_phone_each_and_the_facilitator_releases_them() {
    let room = Room::open(session());
    let ann = as_person(&room, "Ann");
    let mut other = room.scanned();
    let ann_id = id_of(&room.session(), "Ann");
    let (status, body) = other.post("/api/claim", json!({ "participant": ann_id }));
    assert_eq!(status, 409, "taken: {body}");
    // Released on the room screen (O, then x on Ann): the other phone may take her.
    room.with(move |app| {
        mot::shell::dispatch(app, Action::Room);
        let w = workshop(app);
        let at = w
            .session
            .participants
            .iter()
            .position(|p| p.id == ann_id)
            .expect("Ann");
        w.phones.screen.as_mut().expect("screen").selected = at;
        mot::shell::dispatch(app, Action::Delete);
    });
    assert_eq!(
        other.post("/api/claim", json!({ "participant": ann_id })).0,
        200
    );
    // The first phone holds nobody now: it cannot write as Ann.
    let mut ann = ann;
    let (status, _) = mot(&mut ann, "x", "y y y y y y y", "z");
    assert_eq!(status, 403);
}

#[test]
fn a_newcomer_adds_themself_and_the_facilitator_sees_them() {
    let room = Room::open(session());
    let mut p = room.scanned();
    let (status, body) = p.post("/api/join", json!({ "name": "Dee", "group": 2 }));
    assert_eq!(status, 200, "{body}");
    let s = room.session();
    let dee = id_of(&s, "Dee");
    assert_eq!(s.participant(dee).map(|p| p.group), Some(2));
    assert!(room.with(move |app| workshop(app).phones.newcomers.contains(&dee)));
    let (status, _) = p.post("/api/join", json!({ "name": "Eve", "group": 99 }));
    assert_eq!(status, 422, "no such group");
    let (status, _) = p.post("/api/join", json!({ "name": "   ", "group": 1 }));
    assert_eq!(status, 422, "no name");
}

#[test]
fn a_phone_cannot_see_or_touch_what_is_not_its_own() {
    let room = Room::open(session());
    room.act(Action::GoToStage(Stage::Vote));
    let id = room.with(|app| {
        let w = workshop(app);
        w.session
            .try_add_mot(mot::model::MotText {
                who: "a guest".into(),
                situation: "the room was not ready at three".into(),
                feeling: "forgotten".into(),
            })
            .expect("room")
    });
    room.act(Action::SaveNow);
    let mut ann = as_person(&room, "Ann");
    assert_eq!(
        ann.post("/api/dots", json!({ "mot": id, "count": 2 })).0,
        200
    );

    // Another phone, with no name: it can change nobody's dots.
    let mut stranger = room.scanned();
    let (status, _) = stranger.post("/api/dots", json!({ "mot": id, "count": 0 }));
    assert_eq!(status, 403);
    // Its page and its news show nothing of Ann's dots.
    let (_, page) = stranger.get("/");
    assert!(
        !page.contains("id=\"on"),
        "no dots on a page without a name"
    );
    let (_, news) = stranger.state();
    assert!(!news.to_string().contains("\"count\""));

    // With no cookie at all, every route of the API refuses.
    let mut nobody = ann.with_cookie(None);
    for (path, body) in [
        ("/api/claim", json!({ "participant": 1 })),
        ("/api/join", json!({ "name": "X", "group": 1 })),
        ("/api/leave", json!({})),
        (
            "/api/mot",
            json!({ "who": "a", "situation": "b", "feeling": "c" }),
        ),
        (
            "/api/check",
            json!({ "who": "a", "situation": "b", "feeling": "c" }),
        ),
        ("/api/dots", json!({ "mot": id, "count": 0 })),
        ("/api/lang", json!({ "lang": "en" })),
    ] {
        assert_eq!(nobody.post(path, body).0, 401, "{path} without a cookie");
    }
    assert_eq!(nobody.state().0, 401);
    // A made-up cookie is no cookie.
    let mut forged = ann.with_cookie(Some("0".repeat(32)));
    assert_eq!(
        forged.post("/api/dots", json!({ "mot": id, "count": 0 })).0,
        401
    );
    // The page without a cookie asks for the code and names nobody.
    let (status, page) = nobody.get("/");
    assert_eq!(status, 200);
    assert!(page.contains("name=\"code\""));
    assert!(!page.contains("Ann") && !page.contains("Bo"));
    // Nothing else is served.
    assert_eq!(nobody.get("/session.ron").0, 404);
    assert_eq!(nobody.get("/../session.ron").0, 404);
    assert_eq!(room.session().dots_on(id_of(&room.session(), "Ann"), id), 2);
}

#[test]
fn wrong_tokens_and_codes_are_refused_and_slowed() {
    let room = Room::open(session());
    let mut p = room.phone();
    assert_eq!(p.get(&format!("/j/{}", "f".repeat(32))).0, 404);
    assert!(p.cookie.is_none());
    // Straight after, even the right link waits: this client guessed.
    assert_eq!(p.get(&format!("/j/{}", room.token)).0, 429);
    assert!(p.cookie.is_none());
    std::thread::sleep(Duration::from_millis(700));
    let (status, _) = p.post_form("/code", &[("code", "AAAAAA")]);
    assert_eq!(status, 403, "a wrong code");
    // Its second wrong code doubled the wait: the right one is not judged yet.
    let (status, page) = p.post_form("/code", &[("code", &room.code)]);
    assert_eq!(status, 429, "{page}");
    assert!(p.cookie.is_none());
    std::thread::sleep(Duration::from_millis(1_300));
    // Typed as people type it: lower case, a space.
    let typed = room.code.to_lowercase();
    let (status, _) = p.post_form("/code", &[("code", &typed)]);
    assert_eq!(status, 303, "the right code lets the phone in");
    assert!(p.cookie.is_some());
    assert_eq!(p.get("/").0, 200);
}

#[test]
fn hostile_input_is_refused_or_escaped_and_nothing_bad_is_saved() {
    let room = Room::open(session());
    let mut p = as_person(&room, "Cy");
    let (status, body) = mot(
        &mut p,
        "<script>alert(1)</script>",
        "a \u{7}bell and \u{1b}[31m colour\nand a new line in the scene",
        "\"quoted\" & <b>bold</b>",
    );
    assert_eq!(status, 200, "{body}");
    let s = room.session();
    let m = &s.mots[0];
    assert!(!m.situation.contains('\u{7}') && !m.situation.contains('\u{1b}'));
    // The page shows the text, escaped.
    let (_, page) = p.get("/");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>alert"));

    let before = room.session().mots.len();
    let long = "x".repeat(1_001);
    assert_eq!(mot(&mut p, &long, "s", "f").0, 422, "a field too long");
    assert_eq!(mot(&mut p, " ", " ", " ").0, 422, "an empty MOT");
    let huge = format!("{{\"who\":\"{}\"}}", "y".repeat(100_000));
    assert_eq!(
        p.post_raw("/api/mot", "application/json", huge.into_bytes()),
        413
    );
    assert_eq!(
        p.post_raw("/api/mot", "application/json", b"{not json".to_vec()),
        400
    );
    assert_eq!(
        p.post_raw(
            "/api/mot",
            "application/x-www-form-urlencoded",
            b"who=a&situation=b&feeling=c".to_vec()
        ),
        415,
        "a form from another site is not the API"
    );
    let (status, _) = p.post(
        "/api/mot",
        json!({ "who": "a", "situation": "b", "feeling": "c", "author": "Ann" }),
    );
    assert_eq!(status, 422, "unknown fields are refused");
    assert_eq!(
        room.session().mots.len(),
        before,
        "nothing refused was kept"
    );
    let saved = room.saved();
    assert!(!saved.contains('\u{1b}'));
}

#[test]
fn a_phone_sends_at_most_ten_mots_a_minute() {
    let room = Room::open(session());
    let mut p = as_person(&room, "Ann");
    for i in 0..10 {
        let (status, body) = mot(
            &mut p,
            "a guest",
            &format!("moment number {i} at the desk"),
            "fine",
        );
        assert_eq!(status, 200, "{i}: {body}");
    }
    let (status, body) = mot(&mut p, "a guest", "one more moment at the desk", "fine");
    assert_eq!(status, 429, "{body}");
    assert_eq!(room.session().mots.len(), 10);
}

#[test]
fn the_phone_speaks_its_own_language() {
    let room = Room::open(session());
    let mut p = as_person(&room, "Ann");
    let (_, page) = p.get("/");
    assert!(page.contains("Write a moment of truth"));
    assert_eq!(p.post("/api/lang", json!({ "lang": "zh-Hans" })).0, 200);
    let (_, page) = p.get("/");
    assert!(page.contains("写一个关键时刻"), "{page}");
    let (status, body) = p.post(
        "/api/check",
        json!({ "who": "旅客", "situation": "", "feeling": "" }),
    );
    assert_eq!(status, 200);
    assert!(
        body["advice"].to_string().contains("在什么情况下"),
        "{body}"
    );
    // The room itself still speaks English.
    let (_, other) = room.scanned().get("/");
    assert!(other.contains("Who are you?"));
}

#[test]
fn news_waits_for_a_change_and_comes_when_the_room_moves_on() {
    let room = Room::open(session());
    let mut p = as_person(&room, "Ann");
    let (_, first) = p.state();
    let version = first["version"].as_u64().expect("version");
    assert_eq!(first["stage"], "write");
    let base = room.base.clone();
    let cookie = p.cookie.clone();
    let waiting = std::thread::spawn(move || {
        let mut again = Phone::at(&base, cookie);
        again.get(&format!("/api/state?since={version}"))
    });
    std::thread::sleep(Duration::from_millis(300));
    room.act(Action::GoToStage(Stage::Matrix));
    let (status, body) = waiting.join().expect("answer");
    assert_eq!(status, 200);
    let news: Value = serde_json::from_str(&body).expect("json");
    assert_eq!(news["stage"], "matrix");
    assert!(news["version"].as_u64() > Some(version));
    let (_, page) = p.get("/");
    assert!(page.contains("looking at the matrix"));
}

#[test]
fn closing_the_room_closes_its_port() {
    let room = Room::open(session());
    let mut p = room.scanned();
    assert_eq!(p.get("/").0, 200);
    room.close();
    let addr = room.base.trim_start_matches("http://").to_string();
    let refused = std::net::TcpStream::connect_timeout(
        &addr.parse().expect("address"),
        Duration::from_secs(2),
    );
    assert!(refused.is_err(), "the port is closed");
    assert!(!room.with(|app| workshop(app).phones.open));
}

#[test]
fn a_stranger_holding_connections_open_is_capped_and_timed_out() {
    use std::io::Read;
    // From the laptop's own network address, as a stranger on the Wi-Fi.
    let Some(ip) = mot::serve::address::laptop_addresses().into_iter().next() else {
        eprintln!("no network address on this machine: nothing to try");
        return;
    };
    let room = Room::open_on(session(), "0.0.0.0:0");
    let port: u16 = room
        .base
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port");
    let at = std::net::SocketAddr::new(ip, port);
    let idle: Vec<std::net::TcpStream> = (0..mot::model::limits::MAX_CONNECTIONS_PER_ADDRESS)
        .map(|_| std::net::TcpStream::connect(at).expect("connects"))
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // One more from the same address is closed at once.
    let mut extra = std::net::TcpStream::connect(at).expect("connects");
    extra
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let mut buf = [0u8; 16];
    assert!(
        matches!(extra.read(&mut buf), Ok(0) | Err(_)),
        "over the cap: closed"
    );
    // Phones from other addresses still get in meanwhile (here, the laptop's own).
    let mut p = Phone::at(&format!("http://127.0.0.1:{port}"), None);
    assert_eq!(p.get(&format!("/j/{}", room.token)).0, 303);
    assert_eq!(p.get("/").0, 200);
    // A connection that sends no request is closed after ten seconds.
    let mut first = idle.into_iter().next().expect("one");
    first
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let started = std::time::Instant::now();
    let closed = first.read(&mut buf);
    assert!(matches!(closed, Ok(0) | Err(_)), "{closed:?}");
    assert!(started.elapsed() < Duration::from_secs(15));
}

#[test]
fn the_pages_a_stranger_sees_name_no_session() {
    let room = Room::open(session());
    let mut stranger = room.phone();
    for (status, page) in [
        stranger.get("/"),
        stranger.post_form("/code", &[("code", "WRONG1")]),
        stranger.get(&format!("/j/{}", "0".repeat(32))),
    ] {
        assert!(status >= 200, "{status}");
        assert!(!page.contains("Front desk"), "{page}");
    }
}
