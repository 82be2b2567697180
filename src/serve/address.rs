//! Where the room listens and the addresses phones reach it at.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};

use super::ServeError;

/// The port the room asks for first (documented in the README), so a room
/// that reopens keeps its address; a free one is taken when it is busy.
pub const DEFAULT_PORT: u16 = 4747;

/// Where the room listens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Listen {
    /// Every address of this laptop, on [`DEFAULT_PORT`] or a free port.
    #[default]
    Laptop,
    /// Exactly here (`--listen ADDR:PORT`); port 0 takes a free one.
    At(SocketAddr),
}

impl Listen {
    /// Reads `ADDR:PORT` as `--listen` takes it.
    pub fn parse(text: &str) -> Result<Listen, String> {
        text.trim()
            .parse::<SocketAddr>()
            .map(Listen::At)
            .map_err(|_| crate::tr!("phones.error.listen_form", given = text.trim()))
    }

    /// Opens the listening socket.
    pub(super) fn bind(&self) -> Result<TcpListener, ServeError> {
        match self {
            Listen::At(at) => {
                TcpListener::bind(at).map_err(|e| ServeError::Listen(at.to_string(), e.to_string()))
            }
            Listen::Laptop => {
                let any = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
                TcpListener::bind((any, DEFAULT_PORT))
                    .or_else(|_| TcpListener::bind((any, 0)))
                    .map_err(|e| {
                        ServeError::Listen(format!("0.0.0.0:{DEFAULT_PORT}"), e.to_string())
                    })
            }
        }
    }
}

/// This laptop's addresses a phone on the same network may reach, best
/// first: IPv4 on a real interface before the rest; never loopback, link
/// local or a container's bridge.
pub fn laptop_addresses() -> Vec<IpAddr> {
    let Ok(interfaces) = if_addrs::get_if_addrs() else {
        return Vec::new();
    };
    let virtual_name = |name: &str| {
        ["docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "lo"]
            .iter()
            .any(|p| name.starts_with(p))
    };
    let mut found: Vec<(u8, IpAddr)> = interfaces
        .into_iter()
        .filter(|i| !i.is_loopback() && !virtual_name(&i.name))
        .map(|i| i.ip())
        .filter(|ip| match ip {
            IpAddr::V4(v4) => !v4.is_link_local() && !v4.is_unspecified(),
            IpAddr::V6(_) => false,
        })
        .map(|ip| {
            let rank = match ip {
                IpAddr::V4(v4) if v4.is_private() => 0,
                _ => 1,
            };
            (rank, ip)
        })
        .collect();
    found.sort();
    found.dedup();
    found.into_iter().map(|(_, ip)| ip).collect()
}

/// The addresses to show for a server listening on `local`: the one it was
/// told when it was told one, else this laptop's own (loopback when it has
/// no network, which the room screen says).
pub fn shown_addresses(local: SocketAddr) -> Vec<SocketAddr> {
    if !local.ip().is_unspecified() {
        return vec![local];
    }
    let port = local.port();
    let mut out: Vec<SocketAddr> = laptop_addresses()
        .into_iter()
        .map(|ip| SocketAddr::new(ip, port))
        .collect();
    if out.is_empty() {
        out.push(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port));
    }
    out
}

/// The address typed by hand: `http://192.168.1.20:4747`.
pub fn base(at: SocketAddr) -> String {
    format!("http://{at}")
}

/// The address the QR code carries, with the token: phones that scan it
/// need no code.
pub fn link(at: SocketAddr, token: &str) -> String {
    format!("http://{at}/j/{token}")
}
