//! The room's own accept loop: every connection is counted (a cap for the
//! room and a smaller one for each address), must send its headers in time,
//! and lives a bounded while. So a stranger holding connections open
//! (slowly sent headers, half-sent bodies, idle sockets) cannot fill the
//! laptop's files or lock the phones out.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tower_service::Service as _;

pub use crate::model::limits::{MAX_CONNECTIONS, MAX_CONNECTIONS_PER_ADDRESS};

/// How long a client has to send a request's headers.
const HEADERS_WITHIN: Duration = Duration::from_secs(10);

/// The longest one connection lives (a phone's browser opens another).
const CONNECTION_LIFETIME: Duration = Duration::from_secs(60);

/// The connections open now, in all and per address.
#[derive(Debug, Default)]
struct Open {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// One connection's place, given back when it closes.
struct Slot {
    open: Arc<Mutex<Open>>,
    address: IpAddr,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self
            .open
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        open.total = open.total.saturating_sub(1);
        if let Some(n) = open.by_address.get_mut(&self.address) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.by_address.remove(&self.address);
            }
        }
    }
}

/// A place for a connection from `address`, if the caps allow one.
fn take(open: &Arc<Mutex<Open>>, address: IpAddr, most: usize) -> Option<Slot> {
    let mut o = open
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let from = o.by_address.get(&address).copied().unwrap_or(0);
    // The laptop itself (a browser beside the app, the tests) is not a
    // stranger on the network: only the room's cap applies to it.
    if o.total >= most || (from >= MAX_CONNECTIONS_PER_ADDRESS && !address.is_loopback()) {
        return None;
    }
    o.total += 1;
    *o.by_address.entry(address).or_default() += 1;
    Some(Slot {
        open: Arc::clone(open),
        address,
    })
}

/// The most connections this process can hold beside its own files:
/// [`MAX_CONNECTIONS`], or fewer when the open-file limit is low.
fn most_connections() -> usize {
    #[cfg(unix)]
    {
        use rustix::process::{Resource, getrlimit, setrlimit};
        let mut limit = getrlimit(Resource::Nofile);
        // Ask for the hard limit: desktops often start programs at 1,024.
        if limit.current < limit.maximum {
            limit.current = limit.maximum;
            let _ = setrlimit(Resource::Nofile, limit);
        }
        let files = getrlimit(Resource::Nofile)
            .current
            .map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX));
        // Room for the session, its backups, the terminal and the runtime.
        MAX_CONNECTIONS.min(files.saturating_sub(128).max(16))
    }
    #[cfg(not(unix))]
    {
        MAX_CONNECTIONS
    }
}

/// Serves `app` on `listener` until the task is dropped.
pub(super) async fn serve(listener: tokio::net::TcpListener, app: Router) {
    let open = Arc::new(Mutex::new(Open::default()));
    let most = most_connections();
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            // Out of files for a moment: wait rather than spin.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Some(slot) = take(&open, peer.ip(), most) else {
            drop(stream);
            continue;
        };
        let app = app.clone();
        tokio::spawn(connection(stream, peer, app, slot));
    }
}

async fn connection(stream: tokio::net::TcpStream, peer: SocketAddr, app: Router, slot: Slot) {
    let _slot = slot;
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(ConnectInfo(peer));
        let mut app = app.clone();
        app.call(request)
    });
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADERS_WITHIN)
        .serve_connection(TokioIo::new(stream), service);
    let _ = tokio::time::timeout(CONNECTION_LIFETIME, connection).await;
}
