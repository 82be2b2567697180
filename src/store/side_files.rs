//! The one place that looks at, opens and creates the files of a sessions
//! folder: the session file and every file mot keeps beside it (the lock,
//! temporaries, backups, the recovery file, `.unreadable`, `.vN.bak`).
//!
//! A sessions folder is untrusted: it may come from a zip file, a shared
//! drive or another person's machine. So nothing here follows a link planted
//! at a side file's name, writes through one, opens a FIFO or a device (which
//! would hang or never end), or reads more than the stated limit.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::StoreError;
use crate::model::limits::MAX_FILE_BYTES;
pub use crate::model::limits::{MAX_SESSION_NAME_BYTES, SIDE_SUFFIX_BYTES};

/// The most bytes a lock file holds (a process id, a machine name, a time).
pub const MAX_LOCK_BYTES: u64 = 64 * 1024;

/// What a folder entry is, looked at without following a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A regular file.
    File,
    /// A symbolic link.
    Link,
    /// A folder.
    Folder,
    /// A named pipe (FIFO): reading it waits for a writer that may never come.
    Fifo,
    /// A socket.
    Socket,
    /// A character or block device: `/dev/zero` never ends.
    Device,
}

impl Kind {
    fn of(t: fs::FileType) -> Kind {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_fifo() {
                return Kind::Fifo;
            }
            if t.is_socket() {
                return Kind::Socket;
            }
            if t.is_char_device() || t.is_block_device() {
                return Kind::Device;
            }
        }
        if t.is_symlink() {
            Kind::Link
        } else if t.is_dir() {
            Kind::Folder
        } else if t.is_file() {
            Kind::File
        } else {
            Kind::Device
        }
    }

    /// What it is, in words for a message ("a named pipe (FIFO)").
    pub fn words(self) -> &'static str {
        match self {
            Kind::File => crate::tr!("store.kind.file"),
            Kind::Link => crate::tr!("store.kind.link"),
            Kind::Folder => crate::tr!("store.kind.folder"),
            Kind::Fifo => crate::tr!("store.kind.fifo"),
            Kind::Socket => crate::tr!("store.kind.socket"),
            Kind::Device => crate::tr!("store.kind.device"),
        }
    }
}

/// A folder entry as seen without following a link.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What it is.
    pub kind: Kind,
    /// Its size in bytes (of the link itself for a link).
    pub len: u64,
    /// When it last changed.
    pub modified: Option<SystemTime>,
    /// Whether its mode lets its owner write it.
    pub writable: bool,
    /// Its permission bits (Unix).
    pub mode: Option<u32>,
}

/// Looks at `path` without following a link: `None` when nothing is there.
pub fn look(path: &Path) -> Result<Option<Entry>, StoreError> {
    match fs::symlink_metadata(path) {
        Ok(m) => Ok(Some(entry(&m))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path, e)),
    }
}

fn entry(m: &fs::Metadata) -> Entry {
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        Some(m.permissions().mode() & 0o7777)
    };
    #[cfg(not(unix))]
    let mode = None;
    Entry {
        kind: Kind::of(m.file_type()),
        len: m.len(),
        modified: m.modified().ok(),
        // Decided by the mode, not by trying: root may write anything.
        writable: mode.map_or(!m.permissions().readonly(), |m| m & 0o200 != 0),
        mode,
    }
}

/// Where a link points, for a message.
pub fn link_target(path: &Path) -> Option<PathBuf> {
    fs::read_link(path).ok()
}

/// Refuses anything at `path` that is not a regular file (or absent).
/// Used before a name is replaced by a rename: a link, a folder or a
/// special file planted there is someone else's, not ours to replace.
pub fn replaceable(path: &Path) -> Result<(), StoreError> {
    match look(path)? {
        None => Ok(()),
        Some(e) if e.kind == Kind::File => Ok(()),
        Some(e) => Err(not_a_file(path, e.kind)),
    }
}

/// The error for something at `path` that is not a regular file.
pub fn not_a_file(path: &Path, kind: Kind) -> StoreError {
    match kind {
        Kind::Link => StoreError::Link {
            path: path.to_path_buf(),
            target: link_target(path),
        },
        kind => StoreError::NotAFile {
            path: path.to_path_buf(),
            kind,
        },
    }
}

#[cfg(unix)]
fn flags(follow: bool) -> i32 {
    use rustix::fs::OFlags;
    // Non-blocking: opening a FIFO must not wait for a writer. It changes
    // nothing for a regular file, which is all that is read afterwards.
    let mut f = OFlags::NONBLOCK;
    if !follow {
        f |= OFlags::NOFOLLOW;
    }
    f.bits() as i32
}

/// Opens with these options; a link at `path` is refused unless `follow`.
fn open_with(path: &Path, options: &mut OpenOptions, follow: bool) -> Result<File, StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(flags(follow));
    }
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) => {
            // ELOOP (no-follow on a link), EISDIR, ENXIO (a socket or a FIFO
            // without reader): say what is there rather than errno words.
            if let Ok(Some(found)) = look(path)
                && found.kind != Kind::File
                && !(follow && found.kind == Kind::Link)
            {
                return Err(not_a_file(path, found.kind));
            }
            return Err(StoreError::io(path, e));
        }
    };
    let meta = file.metadata().map_err(|e| StoreError::io(path, e))?;
    let kind = Kind::of(meta.file_type());
    if kind != Kind::File {
        return Err(StoreError::NotAFile {
            path: path.to_path_buf(),
            kind,
        });
    }
    Ok(file)
}

/// Reads a regular file of at most `limit` bytes. A link is followed only
/// when `follow` (a session file that is a link opens read-only); side files
/// never follow one. A FIFO, a device, a socket or a folder is refused at
/// once, and so is a file larger than the limit, before it is read.
pub fn read(path: &Path, follow: bool, limit: u64) -> Result<Vec<u8>, StoreError> {
    let file = open_with(path, OpenOptions::new().read(true), follow)?;
    let len = file.metadata().map_err(|e| StoreError::io(path, e))?.len();
    if len > limit {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            bytes: len,
            max: limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // A file still growing is cut off one byte past the limit, and refused.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            bytes: bytes.len() as u64,
            max: limit,
        });
    }
    Ok(bytes)
}

/// Reads a session file: a link is followed (the caller opens it
/// read-only), anything else must be a regular file within the size limit.
pub fn read_session(path: &Path) -> Result<Vec<u8>, StoreError> {
    read(path, true, MAX_FILE_BYTES)
}

/// Reads a side file that holds a session (a backup, a recovery file):
/// never through a link.
pub fn read_side(path: &Path) -> Result<Vec<u8>, StoreError> {
    read(path, false, MAX_FILE_BYTES)
}

/// Opens (creating it if needed) a lock file to read and write in place,
/// never through a link, never a special file, never a file with other
/// names (a hard link to the session would be truncated with the lock).
pub fn open_lock(path: &Path) -> Result<File, StoreError> {
    let file = open_with(
        path,
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false),
        false,
    )?;
    usable_as_lock(file, path)
}

/// A lock file as opened, if it can serve as one: not a file with other
/// names (writing it would change them), not larger than a lock is.
fn usable_as_lock(file: File, path: &Path) -> Result<File, StoreError> {
    let meta = file.metadata().map_err(|e| StoreError::io(path, e))?;
    #[cfg(unix)]
    if std::os::unix::fs::MetadataExt::nlink(&meta) > 1 {
        return Err(StoreError::HardLinked(path.to_path_buf()));
    }
    if meta.len() > MAX_LOCK_BYTES {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            bytes: meta.len(),
            max: MAX_LOCK_BYTES,
        });
    }
    Ok(file)
}

/// Opens an existing lock file to read, as [`open_lock`] would judge it:
/// never through a link, never a special file or one with other names.
pub fn open_existing_lock(path: &Path) -> Result<File, StoreError> {
    let file = open_with(path, OpenOptions::new().read(true), false)?;
    usable_as_lock(file, path)
}

/// Creates a file that must be new: whatever is at `path` (a file, a link,
/// even one that points nowhere) makes this fail rather than be reused.
pub fn create_new(path: &Path, mode: Option<u32>) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(flags(false));
        if let Some(mode) = mode {
            // Born with the session's permissions: a private session never
            // has a readable copy, not even for a moment.
            options.mode(mode & 0o777);
        }
    }
    #[cfg(not(unix))]
    let _ = mode;
    let file = options.open(path)?;
    #[cfg(unix)]
    if let Some(mode) = mode {
        use std::os::unix::fs::PermissionsExt;
        // The umask may have taken bits the session has.
        file.set_permissions(fs::Permissions::from_mode(mode & 0o7777))?;
    }
    Ok(file)
}

/// Whether every side file of this session can be named beside it.
pub fn side_names_fit(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.as_encoded_bytes().len() <= MAX_SESSION_NAME_BYTES)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn fifo(path: &Path) {
        rustix::fs::mknodat(
            rustix::fs::CWD,
            path,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .expect("mkfifo");
    }

    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("s.ron");
        fifo(&p);
        assert!(matches!(
            read_session(&p),
            Err(StoreError::NotAFile {
                kind: Kind::Fifo,
                ..
            })
        ));
        assert!(matches!(open_lock(&p), Err(StoreError::NotAFile { .. })));
    }

    #[test]
    fn a_link_is_followed_only_when_asked() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("real.ron");
        fs::write(&target, "x").expect("write");
        let link = dir.path().join("s.ron");
        symlink(&target, &link).expect("symlink");
        assert_eq!(read_session(&link).expect("followed"), b"x");
        assert!(matches!(read_side(&link), Err(StoreError::Link { .. })));
        assert!(matches!(open_lock(&link), Err(StoreError::Link { .. })));
        assert_eq!(fs::read(&target).expect("read"), b"x", "nothing written");
        let dangling = dir.path().join("d.lock");
        symlink(dir.path().join("nowhere"), &dangling).expect("symlink");
        assert!(matches!(open_lock(&dangling), Err(StoreError::Link { .. })));
        assert!(!dir.path().join("nowhere").exists(), "not created through");
        assert!(create_new(&dangling, None).is_err());
    }

    #[test]
    fn a_device_and_a_folder_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("zero.ron");
        symlink("/dev/zero", &link).expect("symlink");
        assert!(matches!(
            read_session(&link),
            Err(StoreError::NotAFile {
                kind: Kind::Device,
                ..
            })
        ));
        let folder = dir.path().join("f.ron");
        fs::create_dir(&folder).expect("mkdir");
        assert!(matches!(
            read_session(&folder),
            Err(StoreError::NotAFile {
                kind: Kind::Folder,
                ..
            })
        ));
        assert!(matches!(
            open_lock(&folder),
            Err(StoreError::NotAFile { .. })
        ));
    }

    #[test]
    fn too_large_is_refused_before_reading() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("s.ron");
        fs::write(&p, vec![b' '; 100]).expect("write");
        assert!(matches!(
            read(&p, false, 99),
            Err(StoreError::TooLarge { bytes: 100, .. })
        ));
        assert_eq!(read(&p, false, 100).expect("fits").len(), 100);
    }

    #[test]
    fn a_hard_linked_lock_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let session = dir.path().join("s.ron");
        fs::write(&session, "the workshop").expect("write");
        let lock = dir.path().join("s.ron.lock");
        fs::hard_link(&session, &lock).expect("link");
        assert!(matches!(open_lock(&lock), Err(StoreError::HardLinked(_))));
        assert_eq!(fs::read(&session).expect("read"), b"the workshop");
    }

    #[test]
    fn new_files_take_the_mode_asked_for() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("x");
        create_new(&p, Some(0o600)).expect("create");
        let mode = fs::metadata(&p).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(create_new(&p, None).is_err(), "never reused");
    }
}
