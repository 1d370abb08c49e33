//! `datamap install-desktop`: make datamap something to double-click on Linux desktops, for the current
//! user only and following the XDG specs. It installs an application entry and the icons, and lists zip
//! files as something datamap *can* open ("Open with datamap"); it never writes `mimeapps.list`, so the
//! person's default handler for zip files stays what it was.

use std::io;
use std::path::{Path, PathBuf};

pub const DESKTOP_ENTRY: &str = include_str!("../../assets/datamap.desktop");

/// `$XDG_DATA_HOME`, or `~/.local/share` when it is unset, empty or relative (the spec says to ignore a
/// relative value).
pub fn data_home() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("XDG_DATA_HOME").map(PathBuf::from)
        && dir.is_absolute()
    {
        return Some(dir);
    }
    let home = std::env::var_os("HOME").map(PathBuf::from).filter(|h| h.is_absolute())?;
    Some(home.join(".local").join("share"))
}

/// Quote an executable path for a desktop entry's `Exec` key (Desktop Entry spec, "The Exec key").
fn exec_quote(path: &Path) -> String {
    let mut out = String::from("\"");
    for c in path.to_string_lossy().chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The shipped desktop entry with `Exec` and `TryExec` pointing at `exe`.
pub fn desktop_entry(exe: &Path) -> String {
    let mut out = String::new();
    for line in DESKTOP_ENTRY.lines() {
        if line.starts_with("Exec=") {
            out.push_str(&format!("TryExec={}\n", exe.to_string_lossy()));
            out.push_str(&format!("Exec={} %F\n", exec_quote(exe)));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Write the entry and icons under `data_home`; returns the files written.
pub fn install(data_home: &Path, exe: &Path) -> io::Result<Vec<PathBuf>> {
    let files: [(PathBuf, Vec<u8>); 3] = [
        (data_home.join("applications").join("datamap.desktop"), desktop_entry(exe).into_bytes()),
        (data_home.join("icons/hicolor/256x256/apps/datamap.png"), super::icon::PNG_256.to_vec()),
        (data_home.join("icons/hicolor/scalable/apps/datamap.svg"), super::icon::SVG.as_bytes().to_vec()),
    ];
    let mut written = Vec::new();
    for (path, bytes) in files {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, bytes)?;
        written.push(path);
    }
    // Refresh the MIME cache so "Open with" lists datamap at once; desktops also do it on their own, so a
    // missing or failing tool changes nothing.
    let _ = std::process::Command::new("update-desktop-database")
        .arg(data_home.join("applications"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    Ok(written)
}

/// Install for the running executable into the user's XDG data directory.
pub fn install_here() -> Result<Vec<PathBuf>, String> {
    let home = data_home().ok_or("neither XDG_DATA_HOME nor HOME is set to an absolute path")?;
    let exe = std::env::current_exe().map_err(|e| format!("cannot tell where datamap is installed: {e}"))?;
    install(&home, &exe).map_err(|e| format!("{}: {e}", home.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_points_at_the_executable_and_is_quoted() {
        let entry = desktop_entry(Path::new("/opt/my apps/datamap"));
        assert!(entry.contains("Exec=\"/opt/my apps/datamap\" %F\n"));
        assert!(entry.contains("MimeType=application/zip;application/x-zip-compressed;\n"));
        assert_eq!(entry.matches("Exec=").count(), 2, "TryExec and Exec");
    }
}
