//! Sharing is safe by design: redacted pictures and exports carry no person's name, `datamap render`
//! works with no display, and `install-desktop` installs for the user without taking over zip files.

use datamap::card::View;
use datamap::import::Monitor;
use datamap::pipeline::{self, Loaded};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

fn demo() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let cancel = AtomicBool::new(false);
        pipeline::load(&[datamap::demo::demo_input()], &Monitor::silent(&cancel)).expect("the demo imports")
    })
}

/// Every real name in the demo: the people and the owner.
fn real_names() -> Vec<String> {
    let map = &demo().map;
    let mut names: Vec<String> = map.people.iter().map(|p| p.name.clone()).collect();
    names.extend(map.owner.clone());
    names.extend(map.threads.iter().flat_map(|t| t.participants.iter().cloned()));
    names.sort();
    names.dedup();
    assert!(names.len() > 150, "the demo has its people");
    names
}

fn assert_no_names(what: &str, text: &str) {
    for name in real_names() {
        assert!(!text.contains(&name), "{what} contains the name {name:?}");
    }
    for company in ["Spotify", "Netflix"] {
        assert!(text.contains(company), "{what} lost the company {company}");
    }
}

/// The binary with no display in its environment, as on CI.
fn datamap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_datamap"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs")
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("datamap-share-{}-{name}", std::process::id()))
}

#[test]
fn redacted_json_and_csv_name_no_one_but_keep_companies() {
    let json = datamap(&["report", "--demo", "--json", "--redact"]);
    assert!(json.status.success());
    let text = String::from_utf8_lossy(&json.stdout);
    assert_no_names("report --json --redact", &text);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert!(doc["owner"].is_null());
    assert_eq!(doc["people"].as_array().map(Vec::len), Some(demo().map.people.len()), "nobody is dropped");
    assert!(text.contains("\"Friend 1\"") && text.contains("\"Person 1\""));
    // Message thread folders are named after people (`inbox/priyafenwick_41…`); their paths are redacted too.
    for name in real_names() {
        let slug = datamap::redact::slug(&name);
        assert!(slug.len() < 6 || !text.contains(&slug), "report --json --redact contains the folder name {slug}");
    }
    assert!(text.contains("/thread_1/"), "thread folders are numbered");

    let csv = datamap(&["report", "--demo", "--csv", "--redact"]);
    assert!(csv.status.success());
    assert_no_names("report --csv --redact", &String::from_utf8_lossy(&csv.stdout));

    // Without --redact the same export does name people, so the check above means something.
    let plain = datamap(&["report", "--demo", "--json"]);
    assert!(String::from_utf8_lossy(&plain.stdout).contains(demo().map.owner.as_deref().unwrap()));
}

#[test]
fn pseudonyms_are_stable_and_the_graph_keeps_its_shape() {
    let a = demo().redacted();
    let b = demo().redacted();
    let labels = |l: &Loaded| l.graph.graph.node_weights().map(|n| n.label.clone()).collect::<Vec<_>>();
    assert_eq!(labels(&a), labels(&b));
    assert_eq!(a.positions, demo().positions);
    assert_eq!(a.graph.graph.edge_count(), demo().graph.graph.edge_count());
    assert!(labels(&a).iter().any(|l| l == "Friend 17"));
    assert!(labels(&a).iter().any(|l| l == "You"));
}

#[test]
fn a_redacted_png_and_svg_name_no_one() {
    let redacted = demo().redacted();
    // What the renderer is fed: every label, title, tooltip source and statement.
    let fed: String = redacted.graph.graph.node_weights().map(|n| format!("{}\n", n.label)).collect::<String>()
        + &datamap::card::title(&redacted)
        + &datamap::report::to_json(&redacted.map, &redacted.derived());
    assert_no_names("the redacted data fed to the renderer", &fed);
    assert_eq!(datamap::card::title(&redacted), "My data map");

    let size = [800.0, 600.0];
    let png = datamap::card::render_bytes(&redacted, datamap::card::Format::Png, View::Graph, size).unwrap();
    let image = image::load_from_memory(&png).expect("a valid PNG").into_rgba8();
    assert_eq!(image.dimensions(), (1600, 1200), "PNGs are drawn at 2x the size in points");
    let first = image.get_pixel(0, 0);
    let differing = image.pixels().filter(|p| *p != first).count();
    assert!(differing > 20_000, "the image has a drawing on it ({differing} pixels differ from the background)");
    for text in png_text_chunks(&png) {
        assert_no_names("PNG metadata", &format!("{text} Spotify Netflix"));
    }

    let svg = datamap::card::render_bytes(&redacted, datamap::card::Format::Svg, View::Graph, size).unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert_no_names("the redacted SVG", &svg);
    assert!(svg.contains("My data map") && svg.contains("No data left this computer."));
}

/// The text of every tEXt, zTXt and iTXt chunk (zTXt/iTXt raw, which is enough to find a plain name).
fn png_text_chunks(png: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 8;
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        let kind = &png[at + 4..at + 8];
        let data = &png[at + 8..(at + 8 + len).min(png.len())];
        if matches!(kind, b"tEXt" | b"zTXt" | b"iTXt") {
            out.push(String::from_utf8_lossy(data).into_owned());
        }
        at += 12 + len;
    }
    out
}

fn svg_root_size(svg: &str) -> (f32, f32) {
    let root = svg.find("<svg").map(|i| &svg[i..]).expect("an <svg> root element");
    let tag = &root[..root.find('>').expect("the root tag closes")];
    let attr = |name: &str| -> f32 {
        let start = tag.find(&format!(" {name}=\"")).expect("the attribute") + name.len() + 3;
        tag[start..].split('"').next().unwrap().parse().expect("a number")
    };
    (attr("width"), attr("height"))
}

#[test]
fn render_writes_png_and_svg_without_a_display() {
    let png = temp("card.png");
    let out = datamap(&["render", "--demo", "--out", png.to_str().unwrap(), "--size", "800x600"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let image = image::open(&png).expect("a valid PNG").into_rgba8();
    assert_eq!(image.dimensions(), (1600, 1200));

    let svg = temp("card.svg");
    let out = datamap(&["render", "--demo", "--redact", "--out", svg.to_str().unwrap(), "--size", "800x600"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<?xml"));
    assert_eq!(svg_root_size(&text), (800.0, 600.0));
    assert_eq!(text.matches("<svg").count(), 1);
    assert!(text.trim_end().ends_with("</svg>"));
    assert_no_names("render --redact SVG", &text);

    let bad = datamap(&["render", "--demo", "--out", temp("card.gif").to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    let _ = std::fs::remove_file(png);
    let _ = std::fs::remove_file(svg);
}

#[test]
fn the_timeline_and_table_render_too() {
    for view in [View::Timeline, View::Table] {
        let image = datamap::card::render(demo(), view, [600.0, 400.0], 1.0, false);
        assert_eq!(image.size, [600, 400]);
        let first = image.pixels[0];
        assert!(image.pixels.iter().filter(|p| **p != first).count() > 5_000, "{view:?} is drawn");
    }
}

#[test]
fn install_desktop_writes_the_entry_and_icons_and_no_default_handler() {
    let home = temp("xdg");
    let _ = std::fs::remove_dir_all(&home);
    let out = Command::new(env!("CARGO_BIN_EXE_datamap"))
        .arg("install-desktop")
        .env("XDG_DATA_HOME", &home)
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let entry = std::fs::read_to_string(home.join("applications/datamap.desktop")).expect("the desktop entry");
    assert!(entry.contains("MimeType=application/zip;application/x-zip-compressed;"));
    let exe = Path::new(env!("CARGO_BIN_EXE_datamap"));
    assert!(entry.contains(&format!("Exec=\"{}\" %F", exe.display())), "{entry}");
    let png = std::fs::read(home.join("icons/hicolor/256x256/apps/datamap.png")).unwrap();
    assert_eq!(image::load_from_memory(&png).unwrap().into_rgba8().dimensions(), (256, 256));
    assert!(home.join("icons/hicolor/scalable/apps/datamap.svg").is_file());
    let mut all = Vec::new();
    let mut stack = vec![home.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                all.push(e.path());
            }
        }
    }
    assert!(!all.iter().any(|p| p.ends_with("mimeapps.list")), "no default handler is set: {all:?}");
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn the_shipped_icon_is_the_generated_one() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons/datamap-256.png");
    if std::env::var_os("DATAMAP_WRITE_ICON").is_some() {
        std::fs::write(&path, datamap::app::icon::png(256).unwrap()).unwrap();
    }
    let shipped = image::open(&path).expect("the icon decodes").into_rgba8();
    assert_eq!(shipped, datamap::app::icon::draw(256), "regenerate with DATAMAP_WRITE_ICON=1 cargo test --test share");
    assert!(datamap::app::icon::window_icon().is_some());
}
