//! The phone's pages, rendered on the laptop in the phone's language. Every
//! text from the session is escaped; the style and the script are the
//! room's own files (`/phone.css`, `/phone.js`), so the pages load nothing
//! from anywhere else and a strict content policy forbids inline script.

use std::fmt::Write as _;
use std::hash::{Hash, Hasher};

use crate::app::phones::{DeviceId, MAX_PHONE_TEXT_CHARS};
use crate::i18n::Language;
use crate::model::Stage;
use crate::model::coach::sentence;
use crate::report::html::escape;
use crate::tr;

use super::snapshot::Snapshot;

/// The page's style.
pub(super) const CSS: &str = include_str!("../../assets/phone/phone.css");
/// The page's script: waits for news, sends what the phone does.
pub(super) const JS: &str = include_str!("../../assets/phone/phone.js");

/// The page of a phone the room let in.
pub(super) fn phone(snapshot: &Snapshot, device: DeviceId, version: u64, lang: Language) -> String {
    let body = main(snapshot, device);
    let view = view_of(&body);
    let voted = voted_line(snapshot);
    frame(
        lang,
        &snapshot.title,
        &format!(
            "<main>{body}</main><p id=\"voted\" class=\"voted\"{hidden}>{voted}</p>\
             <p id=\"banner\" class=\"banner\" hidden></p>\
             <p id=\"error\" class=\"error\" role=\"alert\" hidden></p>",
            hidden = if voting(snapshot) { "" } else { " hidden" },
        ),
        &view,
        version,
    )
}

/// What the script compares: the page's main part (what the phone did and
/// what the room shows it), not the count of voters, which it updates in place.
pub(super) fn view(snapshot: &Snapshot, device: DeviceId) -> String {
    view_of(&main(snapshot, device))
}

fn view_of(body: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    body.hash(&mut h);
    format!("{:016x}", h.finish())
}

/// "23 of 31 have voted", while the room votes with dots.
pub(super) fn voted_line(snapshot: &Snapshot) -> String {
    let (voted, of) = snapshot.voted();
    escape(&tr!("phones.web.voted", voted = voted, of = of))
}

/// Whether the room is voting with dots, blind, now.
pub(super) fn voting(snapshot: &Snapshot) -> bool {
    snapshot.stage == Stage::Vote && snapshot.dots_counted && !snapshot.revealed
}

/// The page for a phone without a cookie: the room code. It names no
/// session: anyone on the network may see it.
pub(super) fn code(lang: Language, message: Option<&str>) -> String {
    let mut b = String::new();
    let _ = write!(
        b,
        "<main><h2>{}</h2><p>{}</p>\
         <form method=\"post\" action=\"/code\" class=\"code\">\
         <label>{}<input name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" \
         spellcheck=\"false\" maxlength=\"16\" required autofocus></label>\
         <button type=\"submit\">{}</button></form>",
        escape(tr!("phones.web.code_title")),
        escape(tr!("phones.web.code_help")),
        escape(tr!("phones.web.code_label")),
        escape(tr!("phones.web.code_enter")),
    );
    if let Some(m) = message {
        let _ = write!(b, "<p class=\"error\" role=\"alert\">{}</p>", escape(m));
    }
    b.push_str("</main>");
    frame(lang, "", &b, "", 0)
}

/// The whole document around a page's body.
fn frame(lang: Language, title: &str, body: &str, view: &str, version: u64) -> String {
    let mut langs = String::new();
    for l in Language::ALL {
        let _ = write!(
            langs,
            "<button type=\"button\" data-lang=\"{code}\"{current}>{name}</button>",
            code = l.code(),
            current = if l == lang {
                " aria-current=\"true\""
            } else {
                ""
            },
            name = escape(l.native_name()),
        );
    }
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/phone.css\"></head>\
         <body data-view=\"{view}\" data-version=\"{version}\">\
         <header><h1>{title}</h1><nav class=\"langs\">{langs}</nav></header>\
         {body}<script src=\"/phone.js\"></script></body></html>",
        lang = lang.code(),
        title = escape(if title.trim().is_empty() {
            tr!("phones.web.untitled")
        } else {
            title
        }),
    )
}

/// The part of the page that depends on who the phone is and on the stage.
fn main(s: &Snapshot, device: DeviceId) -> String {
    let Some(me) = s.person_of(device) else {
        return who_are_you(s);
    };
    let mut b = String::new();
    let _ = write!(
        b,
        "<p class=\"me\"><span>{}</span> <button type=\"button\" data-leave class=\"quiet\">{}</button></p>",
        escape(&tr!(
            "phones.web.me",
            name = me.name,
            group = s.group_name(me.group)
        )),
        escape(tr!("phones.web.not_me")),
    );
    match s.stage {
        Stage::Write => write(s, device, &mut b),
        Stage::Vote if voting(s) => vote(s, me.id, &mut b),
        Stage::Vote if s.revealed => room_says(&mut b, tr!("phones.web.revealed")),
        Stage::Vote => room_says(&mut b, tr!("phones.web.hands")),
        Stage::Setup => room_says(&mut b, tr!("phones.web.at_setup")),
        Stage::Tag => room_says(&mut b, tr!("phones.web.at_tag")),
        Stage::Matrix => room_says(&mut b, tr!("phones.web.at_matrix")),
        Stage::Choose => room_says(&mut b, tr!("phones.web.at_choose")),
        Stage::Drill => room_says(&mut b, tr!("phones.web.at_drill")),
    }
    b
}

fn room_says(b: &mut String, text: &str) {
    let _ = write!(b, "<p class=\"room\">{}</p>", escape(text));
}

/// Pick a name, or add one.
fn who_are_you(s: &Snapshot) -> String {
    let mut b = String::new();
    let _ = write!(b, "<h2>{}</h2>", escape(tr!("phones.web.who_are_you")));
    if s.people.is_empty() {
        let _ = write!(b, "<p>{}</p>", escape(tr!("phones.web.nobody_yet")));
    } else {
        b.push_str("<ul class=\"people\">");
        for p in &s.people {
            let taken = p.phone.is_some();
            let _ = write!(
                b,
                "<li><button type=\"button\" data-claim=\"{id}\"{dis}>{name}<small>{group}{taken}</small></button></li>",
                id = p.id,
                dis = if taken { " disabled" } else { "" },
                name = escape(&p.name),
                group = escape(s.group_name(p.group)),
                taken = if taken {
                    format!(" · {}", escape(tr!("phones.web.taken")))
                } else {
                    String::new()
                },
            );
        }
        b.push_str("</ul>");
    }
    let mut options = String::new();
    for (id, name) in &s.groups {
        let _ = write!(options, "<option value=\"{id}\">{}</option>", escape(name));
    }
    let _ = write!(
        b,
        "<h3>{}</h3><form id=\"join\"><label>{}<input name=\"name\" maxlength=\"{max}\" required \
         autocomplete=\"name\"></label><label>{}<select name=\"group\">{options}</select></label>\
         <button type=\"submit\">{}</button></form>",
        escape(tr!("phones.web.not_listed")),
        escape(tr!("phones.web.your_name")),
        escape(tr!("phones.web.your_group")),
        escape(tr!("phones.web.join")),
        max = MAX_PHONE_TEXT_CHARS.min(80),
    );
    b
}

/// The three elements, the coaching, the sentence, and what was sent.
fn write(s: &Snapshot, device: DeviceId, b: &mut String) {
    let field = |name: &str, label: &str, hint: &str, rows: u8| {
        format!(
            "<label>{label}<small>{hint}</small><textarea name=\"{name}\" rows=\"{rows}\" \
             maxlength=\"{MAX_PHONE_TEXT_CHARS}\"></textarea></label>",
            label = escape(label),
            hint = escape(hint),
        )
    };
    let _ = write!(
        b,
        "<h2>{}</h2><form id=\"write\">{}{}{}<ul id=\"advice\" class=\"advice\" aria-live=\"polite\"></ul>\
         <p id=\"sentence\" class=\"sentence\"></p><button type=\"submit\">{}</button></form>",
        escape(tr!("phones.web.write_title")),
        field("who", tr!("phones.web.who"), tr!("phones.web.who_hint"), 1),
        field(
            "situation",
            tr!("phones.web.situation"),
            tr!("phones.web.situation_hint"),
            3
        ),
        field(
            "feeling",
            tr!("phones.web.feeling"),
            tr!("phones.web.feeling_hint"),
            2
        ),
        escape(tr!("phones.web.send")),
    );
    let mine: Vec<_> = s
        .sent
        .iter()
        .filter(|(_, d)| *d == device)
        .filter_map(|(id, _)| s.mots.iter().find(|m| m.id == *id))
        .collect();
    if !mine.is_empty() {
        let _ = write!(
            b,
            "<h3>{}</h3><ol class=\"sent\">",
            escape(&tr!("phones.web.you_sent", count = mine.len()))
        );
        for m in mine.iter().rev() {
            let _ = write!(b, "<li>{}</li>", escape(&sentence(*m)));
        }
        b.push_str("</ol>");
    }
}

/// Each MOT with this participant's dots on it, and what is left.
fn vote(s: &Snapshot, me: crate::model::ParticipantId, b: &mut String) {
    let left = s.budget.saturating_sub(s.spent(me));
    let _ = write!(
        b,
        "<h2>{}</h2><p class=\"budget\">{}</p>",
        escape(tr!("phones.web.vote_title")),
        // The count left is marked in place, so the script can change it
        // whatever the language puts around it.
        escape(&tr!(
            "phones.web.budget",
            left = '\u{E000}',
            budget = s.budget,
            cap = s.cap
        ))
        .replace('\u{E000}', &format!("<b id=\"left\">{left}</b>")),
    );
    if s.mots.is_empty() {
        let _ = write!(b, "<p>{}</p>", escape(tr!("phones.web.no_mots")));
        return;
    }
    b.push_str("<ol class=\"mots\">");
    for m in &s.mots {
        let on = s.dots_of(me).find(|d| d.mot == m.id).map_or(0, |d| d.count);
        let _ = write!(
            b,
            "<li><p><span class=\"id\">#{id}</span> {text}</p><div class=\"dots\">\
             <button type=\"button\" data-mot=\"{id}\" data-step=\"-1\" aria-label=\"{less}\">−</button>\
             <b id=\"on{id}\">{on}</b>\
             <button type=\"button\" data-mot=\"{id}\" data-step=\"1\" aria-label=\"{more}\">+</button></div></li>",
            id = m.id,
            text = escape(&sentence(m)),
            less = escape(tr!("phones.web.less")),
            more = escape(tr!("phones.web.more")),
        );
    }
    b.push_str("</ol>");
}
