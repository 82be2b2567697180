//! The room's routes: the link with the token, the room code, the phone's
//! page with its style and script, and the JSON API under `/api`. Nothing
//! else is served. Every request but the link and the code needs the
//! phone's cookie; every answer is about that phone alone.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use serde::Deserialize;
use tokio::sync::oneshot;

use super::devices::Refused as DeviceRefused;
use super::{Published, Request, Shared, api, pages};
use crate::app::phones::{
    DeviceId, MAX_PHONE_REQUEST_BYTES, MAX_PHONE_TEXT_CHARS, PhoneAsk, PhoneReply, Refusal,
};
use crate::i18n::{self, Language};
use crate::model::MotText;
use crate::model::coach::{coach, sentence};
use crate::tr;

/// The cookie that says which phone this is.
const COOKIE: &str = "mot_device";

/// How long a phone's question about news waits for some.
const NEWS_WAIT: Duration = Duration::from_secs(25);

/// How long a phone waits for the laptop's answer to a change.
const ANSWER_WAIT: Duration = Duration::from_secs(10);

/// Most clients remembered as having to wait after wrong codes.
const MAX_WAITING: usize = 4_096;

type Shared_ = State<Arc<Shared>>;

/// Every route of the room.
pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/j/{token}", get(link))
        .route("/code", post(code))
        .route("/phone.css", get(css))
        .route("/phone.js", get(js))
        .route("/api/state", get(state))
        .route("/api/claim", post(claim))
        .route("/api/join", post(join))
        .route("/api/leave", post(leave))
        .route("/api/mot", post(write))
        .route("/api/check", post(check))
        .route("/api/dots", post(dots))
        .route("/api/lang", post(lang))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_PHONE_REQUEST_BYTES))
        .layer(axum::middleware::map_response(guard))
        .with_state(shared)
}

/// Headers on every answer: nothing cached, nothing from elsewhere, no
/// address (with its token) passed on to another site.
async fn guard(mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
             img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// The phone a request comes from, by its cookie.
fn device(shared: &Shared, headers: &HeaderMap) -> Option<DeviceId> {
    let mut devices = shared.devices();
    let now = Instant::now();
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|part| part.trim().split_once('='))
        .filter(|(k, _)| *k == COOKIE)
        .find_map(|(_, v)| devices.find(v, now))
}

/// The latest picture of the session.
fn published(shared: &Shared) -> Arc<Published> {
    Arc::clone(&shared.view.borrow())
}

/// The language a phone reads: its own choice, else the room's.
fn language(shared: &Shared, device: DeviceId, published: &Published) -> Language {
    shared
        .devices()
        .language(device)
        .unwrap_or(published.snapshot.language)
}

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// A refusal said in the phone's own language.
fn refused_to(
    shared: &Shared,
    device: DeviceId,
    status: StatusCode,
    message: impl FnOnce() -> String,
) -> Response {
    let lang = language(shared, device, &published(shared));
    refused(status, i18n::speaking(lang, message))
}

fn refused(status: StatusCode, message: String) -> Response {
    (status, Json(api::Refused { error: message })).into_response()
}

/// What a phone without its cookie is told by the API.
fn no_cookie(lang: Language) -> Response {
    refused(
        StatusCode::UNAUTHORIZED,
        i18n::speaking(lang, || tr!("phones.web.no_cookie").to_string()),
    )
}

/// `?lang=` on the pages a phone sees before it is let in.
#[derive(Debug, Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

async fn index(State(shared): Shared_, headers: HeaderMap, Query(q): Query<LangQuery>) -> Response {
    let published = published(&shared);
    let Some(device) = device(&shared, &headers) else {
        let lang = q
            .lang
            .as_deref()
            .and_then(Language::from_code)
            .unwrap_or(published.snapshot.language);
        let page = i18n::speaking(lang, || pages::code(lang, None));
        return html(StatusCode::OK, page);
    };
    let lang = language(&shared, device, &published);
    let page = i18n::speaking(lang, || {
        pages::phone(&published.snapshot, device, published.version, lang)
    });
    html(StatusCode::OK, page)
}

async fn css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        pages::CSS,
    )
        .into_response()
}

async fn js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        pages::JS,
    )
        .into_response()
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}

/// Lets a phone in: its cookie (a new one unless it has one) and the page.
fn admit(shared: &Shared, headers: &HeaderMap) -> Response {
    if device(shared, headers).is_some() {
        return see_page(None);
    }
    let held: std::collections::HashSet<DeviceId> = published(shared)
        .snapshot
        .people
        .iter()
        .filter_map(|p| p.phone)
        .collect();
    let added = shared.devices().add(Instant::now(), &held);
    match added {
        Ok((_, cookie)) => see_page(Some(cookie)),
        Err(why) => {
            let published = published(shared);
            let lang = published.snapshot.language;
            let message = i18n::speaking(lang, || match why {
                DeviceRefused::Full => tr!("phones.web.full", max = crate::app::phones::MAX_PHONES),
                DeviceRefused::Random(e) => e.to_string(),
            });
            let page = i18n::speaking(lang, || pages::code(lang, Some(&message)));
            html(StatusCode::SERVICE_UNAVAILABLE, page)
        }
    }
}

/// To the phone's page, with a new cookie when it got one.
fn see_page(cookie: Option<String>) -> Response {
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response();
    if let Some(cookie) = cookie
        && let Ok(value) = HeaderValue::from_str(&format!(
            "{COOKIE}={cookie}; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400"
        ))
    {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// How long this client must still wait after its wrong codes, if at all.
fn must_wait(shared: &Shared, client: &str, now: Instant) -> Option<Duration> {
    let gate = shared.gate();
    gate.not_before
        .get(client)
        .map(|t| t.saturating_duration_since(now))
        .filter(|d| !d.is_zero())
}

/// Counts a wrong code or token from `client` and makes it wait.
fn wrong(shared: &Shared, client: &str, now: Instant) {
    let mut gate = shared.gate();
    gate.throttle.wrong(client, now);
    let wait = gate.throttle.wait(client, now);
    if gate.not_before.len() >= MAX_WAITING {
        gate.not_before.retain(|_, t| *t > now);
    }
    if gate.not_before.len() < MAX_WAITING || gate.not_before.contains_key(client) {
        gate.not_before.insert(client.to_string(), now + wait);
    }
}

/// The page that says to wait, with the code form.
fn wait_page(shared: &Shared, wait: Duration) -> Response {
    let published = published(shared);
    let lang = published.snapshot.language;
    let message = i18n::speaking(lang, || {
        tr!(
            "phones.web.wait",
            seconds = wait.as_secs_f64().ceil() as u64
        )
    });
    let page = i18n::speaking(lang, || pages::code(lang, Some(&message)));
    let mut r = html(StatusCode::TOO_MANY_REQUESTS, page);
    if let Ok(v) = HeaderValue::from_str(&(wait.as_secs_f64().ceil() as u64).to_string()) {
        r.headers_mut().insert(header::RETRY_AFTER, v);
    }
    r
}

/// `GET /j/TOKEN`: the address the QR code carries.
async fn link(
    State(shared): Shared_,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    let client = from.ip().to_string();
    let now = Instant::now();
    if let Some(wait) = must_wait(&shared, &client, now) {
        return wait_page(&shared, wait);
    }
    if shared.token.matches(&token) {
        return admit(&shared, &headers);
    }
    wrong(&shared, &client, now);
    let published = published(&shared);
    let lang = published.snapshot.language;
    let page = i18n::speaking(lang, || {
        pages::code(lang, Some(tr!("phones.web.wrong_link")))
    });
    html(StatusCode::NOT_FOUND, page)
}

/// The room code form.
#[derive(Debug, Deserialize)]
struct CodeForm {
    code: String,
}

/// `POST /code`: the room code typed by hand. Every code waits a little
/// after recent wrong ones (everyone's brake); a client that sent wrong
/// codes itself is told to wait and its next codes are not judged until then.
async fn code(
    State(shared): Shared_,
    ConnectInfo(from): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    form: Result<Form<CodeForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let client = from.ip().to_string();
    let now = Instant::now();
    if let Some(wait) = must_wait(&shared, &client, now) {
        return wait_page(&shared, wait);
    }
    let everyone = shared.gate().throttle.everyone(now);
    tokio::time::sleep(everyone).await;
    let now = Instant::now();
    // Codes sent side by side: only the first is judged.
    if let Some(wait) = must_wait(&shared, &client, now) {
        return wait_page(&shared, wait);
    }
    let typed = form.map(|Form(f)| f.code).unwrap_or_default();
    if typed.chars().count() <= 32 && shared.code.matches(&typed) {
        shared.gate().throttle.right(&client);
        return admit(&shared, &headers);
    }
    wrong(&shared, &client, now);
    let published = published(&shared);
    let lang = published.snapshot.language;
    let page = i18n::speaking(lang, || {
        pages::code(lang, Some(tr!("phones.web.wrong_code")))
    });
    html(StatusCode::FORBIDDEN, page)
}

/// `GET /api/state?since=N`: the phone's news, waiting for some when it
/// has seen version N already.
async fn state(
    State(shared): Shared_,
    headers: HeaderMap,
    Query(q): Query<api::Since>,
) -> Response {
    let mut rx = shared.view.subscribe();
    let Some(device) = device(&shared, &headers) else {
        let lang = rx.borrow().snapshot.language;
        return no_cookie(lang);
    };
    if q.since.is_some_and(|v| v >= rx.borrow().version) {
        let _ = tokio::time::timeout(NEWS_WAIT, rx.changed()).await;
    }
    let published = Arc::clone(&rx.borrow());
    let lang = language(&shared, device, &published);
    let s = &published.snapshot;
    let (voted, of) = s.voted();
    let body = i18n::speaking(lang, || api::State {
        version: published.version,
        view: pages::view(s, device),
        stage: stage_code(s.stage),
        writing: s.stage == crate::model::Stage::Write,
        voting: pages::voting(s),
        voted: tr!("phones.web.voted", voted = voted, of = of),
        moved_on: tr!("phones.web.moved_on").to_string(),
    });
    Json(body).into_response()
}

fn stage_code(stage: crate::model::Stage) -> &'static str {
    use crate::model::Stage::*;
    match stage {
        Setup => "setup",
        Write => "write",
        Tag => "tag",
        Vote => "vote",
        Matrix => "matrix",
        Choose => "choose",
        Drill => "drill",
    }
}

/// Hands a phone's ask to the event loop and waits for its answer.
async fn ask(shared: &Shared, device: DeviceId, ask: PhoneAsk) -> Result<PhoneReply, Refusal> {
    let (reply, answer) = oneshot::channel();
    let sender = shared
        .inbox
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    let sent = sender.is_some_and(|s| s.send(Request { device, ask, reply }).is_ok());
    if !sent {
        return Err(Refusal::Closed);
    }
    let waker = shared
        .waker
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    if let Some(w) = waker {
        w.wake();
    }
    match tokio::time::timeout(ANSWER_WAIT, answer).await {
        Ok(Ok(answer)) => answer,
        _ => Err(Refusal::Closed),
    }
}

/// A change's answer: what was done, or why not, in the phone's language.
fn answered(shared: &Shared, device: DeviceId, answer: Result<PhoneReply, Refusal>) -> Response {
    let published = published(shared);
    let lang = language(shared, device, &published);
    match answer {
        Ok(reply) => {
            let mut done = api::Done {
                ok: true,
                view: i18n::speaking(lang, || pages::view(&published.snapshot, device)),
                ..api::Done::default()
            };
            match reply {
                PhoneReply::Claimed(_) | PhoneReply::Left => {}
                PhoneReply::Wrote(id) => {
                    done.mot = Some(id);
                    done.message = Some(i18n::speaking(lang, || tr!("phones.web.sent", mot = id)));
                }
                PhoneReply::Dots { count, left } => {
                    done.count = Some(count);
                    done.left = Some(left);
                }
            }
            Json(done).into_response()
        }
        Err(why) => {
            let status = match why {
                Refusal::Closed => StatusCode::SERVICE_UNAVAILABLE,
                Refusal::NoName => StatusCode::FORBIDDEN,
                Refusal::Taken
                | Refusal::Voted
                | Refusal::SameName
                | Refusal::NotVoting
                | Refusal::Revealed => StatusCode::CONFLICT,
                Refusal::Empty | Refusal::TooLong | Refusal::Model(_) => {
                    StatusCode::UNPROCESSABLE_ENTITY
                }
            };
            refused(status, i18n::speaking(lang, || why.message()))
        }
    }
}

/// The phone, or the answer for a request without its cookie; and the
/// body, or the answer for one that is not what the route takes.
fn checked<T>(
    shared: &Shared,
    headers: &HeaderMap,
    body: Result<Json<T>, JsonRejection>,
) -> Result<(DeviceId, T), Box<Response>> {
    let published = published(shared);
    let Some(device) = device(shared, headers) else {
        return Err(Box::new(no_cookie(published.snapshot.language)));
    };
    match body {
        Ok(Json(body)) => Ok((device, body)),
        Err(e) => Err(Box::new(refused_to(shared, device, e.status(), || {
            tr!("phones.web.bad_request").to_string()
        }))),
    }
}

/// Whether any field is longer than a phone may send.
fn too_long(fields: &[&str]) -> bool {
    fields
        .iter()
        .any(|f| f.chars().count() > MAX_PHONE_TEXT_CHARS)
}

/// The three elements a phone sent, unless one is longer than a phone may send.
fn mot_text(body: api::Mot) -> Result<MotText, Refusal> {
    if too_long(&[&body.who, &body.situation, &body.feeling]) {
        return Err(Refusal::TooLong);
    }
    Ok(MotText {
        who: body.who,
        situation: body.situation,
        feeling: body.feeling,
    })
}

async fn claim(
    State(shared): Shared_,
    headers: HeaderMap,
    body: Result<Json<api::Claim>, JsonRejection>,
) -> Response {
    let (device, body) = match checked(&shared, &headers, body) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let answer = ask(&shared, device, PhoneAsk::Claim(body.participant)).await;
    answered(&shared, device, answer)
}

async fn join(
    State(shared): Shared_,
    headers: HeaderMap,
    body: Result<Json<api::Join>, JsonRejection>,
) -> Response {
    let (device, body) = match checked(&shared, &headers, body) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    if too_long(&[&body.name]) {
        return answered(&shared, device, Err(Refusal::TooLong));
    }
    if !shared.devices().may_join(device, Instant::now()) {
        return refused_to(&shared, device, StatusCode::TOO_MANY_REQUESTS, || {
            tr!(
                "phones.web.too_many_names",
                max = crate::model::limits::MAX_PHONE_JOINS_PER_MINUTE
            )
        });
    }
    let ask_ = PhoneAsk::Join {
        name: body.name,
        group: body.group,
    };
    let answer = ask(&shared, device, ask_).await;
    answered(&shared, device, answer)
}

async fn leave(State(shared): Shared_, headers: HeaderMap) -> Response {
    let published = published(&shared);
    let Some(device) = device(&shared, &headers) else {
        return no_cookie(published.snapshot.language);
    };
    let answer = ask(&shared, device, PhoneAsk::Leave).await;
    answered(&shared, device, answer)
}

async fn write(
    State(shared): Shared_,
    headers: HeaderMap,
    body: Result<Json<api::Mot>, JsonRejection>,
) -> Response {
    let (device, body) = match checked(&shared, &headers, body) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let text = match mot_text(body) {
        Ok(text) => text,
        Err(why) => return answered(&shared, device, Err(why)),
    };
    if !shared.devices().may_send(device, Instant::now()) {
        return refused_to(&shared, device, StatusCode::TOO_MANY_REQUESTS, || {
            tr!(
                "phones.web.too_fast",
                max = crate::app::phones::MAX_PHONE_MOTS_PER_MINUTE
            )
        });
    }
    let answer = ask(&shared, device, PhoneAsk::Write(text)).await;
    answered(&shared, device, answer)
}

/// `POST /api/check`: the coaching and the sentence, as the app gives them;
/// nothing is kept.
async fn check(
    State(shared): Shared_,
    headers: HeaderMap,
    body: Result<Json<api::Mot>, JsonRejection>,
) -> Response {
    let (device, body) = match checked(&shared, &headers, body) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let text = match mot_text(body) {
        Ok(text) => text,
        Err(why) => return answered(&shared, device, Err(why)),
    };
    let lang = language(&shared, device, &published(&shared));
    let out = i18n::speaking(lang, || api::Check {
        advice: coach(&text).into_iter().map(|c| c.message()).collect(),
        sentence: sentence(&text),
    });
    Json(out).into_response()
}

async fn dots(
    State(shared): Shared_,
    headers: HeaderMap,
    body: Result<Json<api::Dots>, JsonRejection>,
) -> Response {
    let (device, body) = match checked(&shared, &headers, body) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let ask_ = PhoneAsk::SetDots {
        mot: body.mot,
        count: body.count,
    };
    let answer = ask(&shared, device, ask_).await;
    answered(&shared, device, answer)
}

async fn lang(
    State(shared): Shared_,
    headers: HeaderMap,
    body: Result<Json<api::Lang>, JsonRejection>,
) -> Response {
    let (device, body) = match checked(&shared, &headers, body) {
        Ok(x) => x,
        Err(r) => return *r,
    };
    let Some(lang) = Language::from_code(&body.lang) else {
        return refused_to(&shared, device, StatusCode::UNPROCESSABLE_ENTITY, || {
            tr!("phones.web.bad_request").to_string()
        });
    };
    shared.devices().set_language(device, lang);
    let published = published(&shared);
    Json(api::Done {
        ok: true,
        view: pages::view(&published.snapshot, device),
        ..api::Done::default()
    })
    .into_response()
}
