//! A real phone browser in the room: headless Chromium at a phone's size,
//! driven through ChromeDriver's WebDriver protocol, joins through the QR
//! code's link, picks a name, writes a MOT in Chinese and votes; the
//! session file holds both. It also takes the phone's pictures in the three
//! languages (into `target/phone-screens/`) for a person to look at.
//!
//! It needs `chromedriver` and `chromium`: `.ci/browser` installs them and
//! runs it (`cargo test --test phone_browser -- --ignored`).

mod common;
#[path = "common/room.rs"]
mod room;

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use mot::app::Action;
use mot::model::{MotOrigin, Session, Stage};
use room::Room;
use serde_json::{Value, json};

/// The key WebDriver names an element by.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// ChromeDriver, running until dropped.
struct Driver {
    child: Child,
    base: String,
    session: String,
    agent: ureq::Agent,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self
            .agent
            .delete(format!("{}/session/{}", self.base, self.session))
            .call();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Driver {
    /// ChromeDriver and a headless Chromium the size of a phone.
    fn start() -> Driver {
        let port = free_port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver (install chromium-driver)");
        let base = format!("http://127.0.0.1:{port}");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let deadline = Instant::now() + Duration::from_secs(20);
        while agent.get(format!("{base}/status")).call().is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .into_iter()
            .find(|p| std::path::Path::new(p).exists())
            .unwrap_or("chromium");
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": binary,
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                             "--disable-dev-shm-usage", "--window-size=390,844"],
                    "mobileEmulation": {
                        "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 2.0 },
                        "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
                    }
                }
            }}
        });
        let mut r = agent
            .post(format!("{base}/session"))
            .send_json(&caps)
            .expect("a session");
        let v: Value = r.body_mut().read_json().expect("json");
        let session = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        Driver {
            child,
            base,
            session,
            agent,
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let mut r = match (method, body) {
            ("GET", _) => self.agent.get(url).call(),
            (_, b) => self.agent.post(url).send_json(b.unwrap_or(json!({}))),
        }
        .expect("chromedriver answers");
        r.body_mut().read_json().expect("json")
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    /// The element `css` selects, waiting for it to appear (pages reload
    /// by themselves when the room moves on).
    fn find(&self, css: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let v = self.call(
                "POST",
                "/element",
                Some(json!({ "using": "css selector", "value": css })),
            );
            if let Some(id) = v["value"][ELEMENT].as_str() {
                return id.to_string();
            }
            assert!(
                Instant::now() < deadline,
                "no {css} on the page ({v}):\n{}",
                self.source()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/click"), None);
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn text(&self, css: &str) -> String {
        let id = self.find(css);
        self.call("GET", &format!("/element/{id}/text"), None)["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn source(&self) -> String {
        self.call("GET", "/source", None)["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until the page's text holds `what`.
    fn wait_for(&self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !self.source().contains(what) {
            assert!(
                Instant::now() < deadline,
                "the page never said {what:?}:\n{}",
                self.source()
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Waits until `done` holds.
    fn until(&self, done: impl Fn(&Driver) -> bool, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !done(self) {
            assert!(
                Instant::now() < deadline,
                "never: {what}\n{}",
                self.source()
            );
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// The phone's screen as a PNG in `target/phone-screens/NAME.png`.
    fn picture(&self, name: &str) {
        let v = self.call("GET", "/screenshot", None);
        let png = base64::engine::general_purpose::STANDARD
            .decode(v["value"].as_str().unwrap_or_default())
            .expect("a PNG");
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .parent()
            .map(|p| p.join("phone-screens"))
            .expect("target");
        std::fs::create_dir_all(&dir).expect("folder");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("written");
    }
}

#[test]
#[ignore = "needs chromium and chromedriver: run by .ci/browser"]
fn a_phone_browser_joins_writes_in_chinese_and_votes() {
    let mut s = Session::new("前台体验 Front desk");
    s.dot_budget = 3;
    s.max_dots_per_mot = 2;
    s.add_participant("王小明", 1).expect("group");
    s.add_participant("Ann", 2).expect("group");
    s.stage = Stage::Write;
    let room = Room::open(s);
    let d = Driver::start();

    // The QR code's link: the phone is let in and asked who it is.
    d.go(&format!("{}/j/{}", room.base, room.token));
    d.wait_for("Who are you?");
    d.picture("en-1-who");
    d.click("[data-lang='zh-Hans']");
    d.wait_for("你是谁");
    d.picture("zh-Hans-1-who");
    d.click("[data-lang='zh-Hant']");
    d.wait_for("你是誰");
    d.picture("zh-Hant-1-who");
    d.click("[data-lang='zh-Hans']");
    d.wait_for("你是谁");
    d.click("[data-claim='1']");

    // Write, in Chinese, with the coaching as it is typed.
    d.find("#write");
    d.type_into("textarea[name=who]", "商务舱旅客");
    // The coaching, worked out by the laptop as the app does it.
    d.find("#advice li");
    d.picture("zh-Hans-2-coaching");
    d.type_into(
        "textarea[name=situation]",
        "登机时空乘叫出了她的名字，还记得她上次点的是茉莉花茶",
    );
    d.type_into("textarea[name=feeling]", "被记住了");
    d.until(
        |d| d.text("#sentence").contains("感觉到：被记住了"),
        "the sentence",
    );
    d.picture("zh-Hans-3-sentence");
    d.click("#write button[type=submit]");
    d.wait_for("你已发送 1 个");
    d.picture("zh-Hans-4-sent");
    let s = room.session();
    let m = s.mots.first().expect("the MOT arrived");
    assert_eq!(m.who, "商务舱旅客");
    assert_eq!(
        m.situation,
        "登机时空乘叫出了她的名字，还记得她上次点的是茉莉花茶"
    );
    assert_eq!(m.origin, Some(MotOrigin::Phone));
    assert_eq!(m.author.as_deref(), Some("王小明"));
    let id = m.id;

    // The room moves on to Vote: the page follows by itself.
    room.act(Action::GoToStage(Stage::Vote));
    d.wait_for("贴上你的点");
    let plus = format!("[data-mot='{id}'][data-step='1']");
    d.click(&plus);
    d.click(&plus);
    d.until(
        |d| d.text(&format!("#on{id}")) == "2",
        "two dots on the MOT",
    );
    assert_eq!(d.text("#left"), "1");
    // The cap: a third dot on the same MOT is refused, and said.
    d.click(&plus);
    d.until(|d| !d.text("#error").is_empty(), "the refusal");
    assert_eq!(d.text(&format!("#on{id}")), "2");
    d.picture("zh-Hans-5-vote");
    d.click("[data-lang='zh-Hant']");
    d.wait_for("貼上你的點");
    d.picture("zh-Hant-5-vote");
    d.click("[data-lang='en']");
    d.wait_for("Place your dots");
    d.picture("en-5-vote");

    // The room looks at the matrix: the page says so by itself.
    room.act(Action::GoToStage(Stage::Matrix));
    d.wait_for("looking at the matrix");
    d.picture("en-6-matrix");

    let saved = room.saved();
    assert!(saved.contains("登机时空乘叫出了她的名字"), "{saved}");
    let session = room.session();
    assert_eq!(
        session.dots_on(1, id),
        2,
        "the phone's dots are in the session"
    );
    assert!(saved.contains("count: 2"), "{saved}");
    assert!(!saved.contains(&room.token));
}
