//! On Windows targets, embeds the icon (and the version from Cargo.toml) into datamap.exe, so Explorer, the
//! taskbar and the file's properties show them. On every other target it does nothing, so Linux and macOS
//! builds and CI need no resource compiler. Cross-building from Linux uses mingw-w64's windres
//! (`x86_64-w64-mingw32-windres`, Debian package mingw-w64; see scripts/package.sh).
//! `assets/icons/datamap.ico` is generated from the SVG by scripts/make-icons.sh.

fn main() {
    // Without these, Cargo would rerun the script after any change in the package.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icons/datamap.ico");
    // The build script runs on the host, so the target is read from Cargo's variables, not from `cfg!`.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let icon = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/icons/datamap.ico");
    let mut resource = winresource::WindowsResource::new();
    resource.set_icon(icon);
    // Only the datamap binary: tests and benches need no icon.
    if let Err(e) = resource.compile_for("datamap") {
        panic!("cannot embed the Windows icon ({e}); cross builds need mingw-w64's windres");
    }
}
