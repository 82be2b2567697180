//! Which folder holds the sessions.

use std::path::{Path, PathBuf};

use super::StoreError;
use crate::tr;

/// Environment variable that names the sessions folder.
pub const ENV_VAR: &str = "MOT_SESSIONS_DIR";

/// The sessions folder: `--dir`, else `$MOT_SESSIONS_DIR`, else `./sessions`
/// when it exists, else the platform's data folder (created on first use).
pub fn sessions_dir(
    flag: Option<&Path>,
    env: Option<&str>,
    cwd: &Path,
) -> Result<PathBuf, StoreError> {
    let chosen = if let Some(dir) = flag {
        dir.to_path_buf()
    } else if let Some(dir) = env.filter(|s| !s.trim().is_empty()) {
        PathBuf::from(dir)
    } else if cwd.join("sessions").is_dir() {
        cwd.join("sessions")
    } else {
        directories::ProjectDirs::from("", "", "mot")
            .ok_or_else(|| StoreError::NoSessionsDir(tr!("store.location.no_home").into()))?
            .data_dir()
            .join("sessions")
    };
    // A file (or anything else) where the folder should be is said as such.
    if let Ok(m) = std::fs::metadata(&chosen)
        && !m.is_dir()
    {
        return Err(StoreError::NotAFolder(chosen));
    }
    std::fs::create_dir_all(&chosen).map_err(|source| StoreError::Io {
        path: chosen.clone(),
        source,
    })?;
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_env_beats_local_folder() {
        let cwd = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(cwd.path().join("sessions")).expect("mkdir");
        let flag = cwd.path().join("flag");
        let env = cwd.path().join("env");
        let env_s = env.to_string_lossy().to_string();
        assert_eq!(
            sessions_dir(Some(&flag), Some(&env_s), cwd.path()).expect("dir"),
            flag
        );
        assert!(flag.is_dir(), "created on first use");
        assert_eq!(
            sessions_dir(None, Some(&env_s), cwd.path()).expect("dir"),
            env
        );
        assert_eq!(
            sessions_dir(None, Some(""), cwd.path()).expect("dir"),
            cwd.path().join("sessions")
        );
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error() {
        let cwd = tempfile::tempdir().expect("tempdir");
        let file = cwd.path().join("file");
        std::fs::write(&file, "x").expect("write");
        assert!(sessions_dir(Some(&file.join("sub")), None, cwd.path()).is_err());
        let e = sessions_dir(Some(&file), None, cwd.path()).expect_err("a file");
        assert!(e.to_string().contains("is not a folder"), "{e}");
    }
}
