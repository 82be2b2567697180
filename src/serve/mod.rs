//! The room served from the laptop: participants' phones join, write MOTs
//! and vote over the room's own network. `axum` on `tokio`, on a thread of
//! its own; what a phone asks goes to the event loop as a request the loop
//! applies as an action (the one path for every change), and the loop
//! publishes what the phones may see after each change.
//!
//! Nothing here is saved: the token, the code and the device cookies live
//! as long as the session is open in this `mot`.

use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::sync::{oneshot, watch};

use crate::access::{NoRandom, RoomCode, Throttle, Token};
use crate::app::phones::{DeviceId, PhoneAsk, PhoneReply, Refusal};
use crate::store::writer::Waker;

pub mod address;
mod api;
mod conns;
mod devices;
mod pages;
mod routes;
pub mod snapshot;

pub use address::{DEFAULT_PORT, Listen};
pub use snapshot::Snapshot;

use devices::Devices;

/// Why the room could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// No random source for the token and the code.
    #[error(transparent)]
    Random(#[from] NoRandom),
    /// The address could not be listened on.
    #[error("{}", crate::tr!("phones.error.listen", address = .0, reason = .1))]
    Listen(String, String),
    /// The server's thread or runtime could not start.
    #[error("{}", crate::tr!("phones.error.start", reason = .0))]
    Start(String),
}

/// A phone's ask on its way to the event loop, with where the answer goes.
#[derive(Debug)]
pub struct Request {
    /// The phone that asks.
    pub device: DeviceId,
    /// What it asks.
    pub ask: PhoneAsk,
    /// Where the loop sends the answer.
    pub reply: oneshot::Sender<Result<PhoneReply, Refusal>>,
}

/// What the server and the loop share: the room's keys, its phones, and
/// the latest picture of the session the phones may see.
pub(crate) struct Shared {
    pub(crate) token: Token,
    pub(crate) code: RoomCode,
    pub(crate) gate: Mutex<Gate>,
    pub(crate) devices: Mutex<Devices>,
    pub(crate) view: watch::Sender<Arc<Published>>,
    pub(crate) inbox: Mutex<Option<mpsc::Sender<Request>>>,
    pub(crate) waker: Mutex<Option<Waker>>,
}

/// The brake on wrong codes and tokens.
#[derive(Debug, Default)]
pub(crate) struct Gate {
    pub(crate) throttle: Throttle,
    /// When each client may next be judged, after its wrong codes.
    pub(crate) not_before: std::collections::HashMap<String, std::time::Instant>,
}

/// A snapshot and its number: phones wait for the number to change.
#[derive(Debug, Default)]
pub struct Published {
    /// Goes up by one with every snapshot that differs from the last.
    pub version: u64,
    /// What phones may see.
    pub snapshot: Snapshot,
}

impl Shared {
    fn gate(&self) -> MutexGuard<'_, Gate> {
        self.gate
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
    fn devices(&self) -> MutexGuard<'_, Devices> {
        self.devices
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The room's server: its keys and phones for as long as the session is
/// open, and its listening thread while the room is open.
pub struct Server {
    shared: Arc<Shared>,
    inbox: mpsc::Receiver<Request>,
    running: Option<Running>,
}

/// The listening part: closing the room ends it and closes the port.
struct Running {
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
    local: SocketAddr,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token or the code.
        f.debug_struct("Server")
            .field("listening", &self.running.as_ref().map(|r| r.local))
            .finish()
    }
}

impl Server {
    /// A room with fresh keys, not yet listening.
    pub fn new() -> Result<Server, ServeError> {
        let (tx, inbox) = mpsc::channel();
        let (view, _) = watch::channel(Arc::new(Published::default()));
        Ok(Server {
            shared: Arc::new(Shared {
                token: Token::new()?,
                code: RoomCode::new()?,
                gate: Mutex::new(Gate::default()),
                devices: Mutex::new(Devices::default()),
                view,
                inbox: Mutex::new(Some(tx)),
                waker: Mutex::new(None),
            }),
            inbox,
            running: None,
        })
    }

    /// Starts listening on `listen`; `waker` wakes the event loop when a
    /// phone asks something. Returns the address it listens on.
    pub fn open(
        &mut self,
        listen: &Listen,
        waker: Option<Waker>,
    ) -> Result<SocketAddr, ServeError> {
        if let Some(r) = &self.running {
            return Ok(r.local);
        }
        *self
            .shared
            .waker
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = waker;
        let listener = listen.bind()?;
        let local = listener
            .local_addr()
            .map_err(|e| ServeError::Start(e.to_string()))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| ServeError::Start(e.to_string()))?;
        let (stop, stopped) = oneshot::channel();
        let shared = Arc::clone(&self.shared);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| ServeError::Start(e.to_string()))?;
        let thread = std::thread::Builder::new()
            .name("mot-room".into())
            .spawn(move || serve(runtime, listener, shared, stopped))
            .map_err(|e| ServeError::Start(e.to_string()))?;
        self.running = Some(Running {
            stop: Some(stop),
            thread: Some(thread),
            local,
        });
        Ok(local)
    }

    /// Stops listening and closes the port; the keys and phones stay, so
    /// reopening lets the same phones back in.
    pub fn close(&mut self) {
        if let Some(mut running) = self.running.take() {
            if let Some(stop) = running.stop.take() {
                let _ = stop.send(());
            }
            if let Some(thread) = running.thread.take() {
                let _ = thread.join();
            }
        }
    }

    /// Whether the room is listening.
    pub fn is_open(&self) -> bool {
        self.running.is_some()
    }

    /// The address it listens on, while it does.
    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.running.as_ref().map(|r| r.local)
    }

    /// The token the room's link carries.
    pub fn token_hex(&self) -> String {
        self.shared.token.to_hex()
    }

    /// The room code as the wall shows it.
    pub fn code_shown(&self) -> String {
        self.shared.code.shown()
    }

    /// The next phone's ask, if one waits.
    pub fn next_request(&self) -> Option<Request> {
        self.inbox.try_recv().ok()
    }

    /// Shows phones this picture of the session, when it differs from the
    /// last (phones waiting for a change are woken only then).
    pub fn publish(&self, snapshot: Snapshot) {
        self.shared.view.send_if_modified(|current| {
            if current.snapshot == snapshot {
                return false;
            }
            *current = Arc::new(Published {
                version: current.version + 1,
                snapshot,
            });
            true
        });
    }

    /// How many phones the room has let in (with or without a name).
    pub fn devices(&self) -> usize {
        self.shared.devices().len()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.close();
    }
}

/// The server's thread: serves until told to stop, then drops every
/// connection (a phone waiting for news included) and the listener.
fn serve(
    runtime: tokio::runtime::Runtime,
    listener: TcpListener,
    shared: Arc<Shared>,
    stopped: oneshot::Receiver<()>,
) {
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::from_std(listener) {
            Ok(l) => l,
            Err(_) => return,
        };
        let app = routes::router(shared);
        let task = tokio::spawn(conns::serve(listener, app));
        let _ = stopped.await;
        task.abort();
    });
    runtime.shutdown_timeout(Duration::from_millis(200));
}
