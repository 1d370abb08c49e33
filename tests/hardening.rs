//! The bad-input matrix of issue 8: whatever a person drops, the command line answers clearly (exit 2 and one
//! stderr line naming the file and the problem, or exit 0 with a warning naming the file when good data
//! remains), within a time limit and, for the archives built to exhaust memory, under a hard address-space
//! limit. The GUI opens inputs through the same import (src/pipeline.rs), so these answers are the ones the
//! error card and the warnings list show; tests/hardening_gui.rs checks the window itself.

use datamap::demo::{ExportBuilder, fixtures};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A temporary folder per test, removed afterwards even when the test fails.
struct Scratch(PathBuf);

impl Scratch {
    fn new(case: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("datamap-hardening-{}-{case}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Answer {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Kills the process if it outlives the test's patience, so a hang fails instead of stalling CI.
const PATIENCE: Duration = Duration::from_secs(180);

/// `datamap report PATH --json`, optionally under an address-space limit (KiB) so an allocation the caps
/// should have prevented aborts the process instead of passing unnoticed.
fn report(path: &Path, memory_kib: Option<u64>) -> Answer {
    let bin = env!("CARGO_BIN_EXE_datamap");
    let mut command = match memory_kib {
        Some(kib) => {
            let mut c = Command::new("sh");
            c.args(["-c", &format!("ulimit -v {kib} && exec \"$0\" \"$@\""), bin]);
            c
        }
        None => Command::new(bin),
    };
    let child = command
        .arg("report")
        .arg(path)
        .arg("--json")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    wait(child)
}

fn wait(mut child: std::process::Child) -> Answer {
    // Drain the pipes on threads so a large report cannot block the child while we wait for it.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).map(|_| s).unwrap_or_default()
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).map(|_| s).unwrap_or_default()
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("datamap did not answer within {PATIENCE:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Answer { code: status.code(), stdout: out.join().unwrap(), stderr: err.join().unwrap() }
}

/// Exit 2 and exactly one stderr line that names the file and says each of `says`.
fn refused(answer: &Answer, path: &Path, says: &[&str]) -> String {
    let line = answer.stderr.trim_end();
    assert_eq!(answer.code, Some(2), "stderr: {line}");
    assert_eq!(line.lines().count(), 1, "one line: {line}");
    assert!(line.contains(&path.display().to_string()), "names the file: {line}");
    for s in says {
        assert!(line.contains(s), "says {s:?}: {line}");
    }
    assert!(!line.contains("panicked") && !line.contains("RUST_BACKTRACE"), "{line}");
    assert!(answer.stdout.is_empty());
    line.to_owned()
}

/// Exit 0 with a report whose warnings name `file` and say `says`.
fn read_with_warning(answer: &Answer, file: &str, says: &str) -> Value {
    assert_eq!(answer.code, Some(0), "stderr: {}", answer.stderr);
    assert!(answer.stderr.is_empty(), "{}", answer.stderr);
    let doc: Value = serde_json::from_str(&answer.stdout).expect("the report is JSON");
    let warnings = doc["warnings"].as_array().expect("warnings");
    assert!(
        warnings.iter().filter_map(Value::as_str).any(|w| w.contains(file) && w.contains(says)),
        "a warning naming {file} that says {says:?}: {warnings:?}"
    );
    doc
}

fn people(doc: &Value) -> Vec<&str> {
    doc["people"].as_array().unwrap().iter().filter_map(|p| p["name"].as_str()).collect()
}

const FRIENDS: &str = "connections/friends/your_friends.json";
const FOLLOWERS: &str = "connections/followers/people_who_followed_you.json";

/// One good friends list beside whatever a case adds, so "the rest is read" can be checked.
fn with_a_friend() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.json(FRIENDS, &json!({"friends_v2": [{"name": "Bea Sample", "timestamp": 1_500_000_000}]}));
    b
}

/// A zip written byte by byte, for the shapes a zip library will not write: sizes that lie, encryption
/// flags, duplicate names.
#[derive(Default)]
struct RawZip {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

struct RawEntry<'a> {
    name: &'a str,
    /// 0 stored, 8 deflated.
    method: u16,
    flags: u16,
    crc: u32,
    declared_size: u32,
    data: &'a [u8],
}

/// A zip written byte by byte with one good friends list and `bad`, a followers entry: the import must warn about the followers file
/// with `warning` and still read the friend.
fn raw_entry_beside_a_friend(s: &Scratch, file: &str, bad: RawEntry, memory_kib: Option<u64>, warning: &str) {
    let mut zip = RawZip::default();
    zip.stored(FRIENDS, br#"{"friends_v2": [{"name": "Bea Sample", "timestamp": 1500000000}]}"#);
    zip.add(bad);
    let path = s.file(file, &zip.finish());
    let doc = read_with_warning(&report(&path, memory_kib), FOLLOWERS, warning);
    assert_eq!(people(&doc), ["Bea Sample"]);
}

impl RawZip {
    fn stored(&mut self, name: &str, data: &[u8]) -> &mut Self {
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let declared_size = data.len() as u32;
        self.add(RawEntry { name, method: 0, flags: 0, crc: crc.sum(), declared_size, data })
    }

    fn add(&mut self, e: RawEntry) -> &mut Self {
        let offset = self.out.len() as u32;
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&20u16.to_le_bytes()); // version needed
            v.extend_from_slice(&e.flags.to_le_bytes());
            v.extend_from_slice(&e.method.to_le_bytes());
            v.extend_from_slice(&[0, 0, 0x21, 0]); // time, date (1980-01-01)
            v.extend_from_slice(&e.crc.to_le_bytes());
            v.extend_from_slice(&(e.data.len() as u32).to_le_bytes());
            v.extend_from_slice(&e.declared_size.to_le_bytes());
            v.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes()); // extra
        };
        self.out.extend_from_slice(b"PK\x03\x04");
        common(&mut self.out);
        self.out.extend_from_slice(e.name.as_bytes());
        self.out.extend_from_slice(e.data);
        self.central.extend_from_slice(b"PK\x01\x02");
        self.central.extend_from_slice(&0x031eu16.to_le_bytes()); // made by: Unix
        common(&mut self.central);
        self.central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
        self.central.extend_from_slice(&(0o100644u32 << 16).to_le_bytes());
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(e.name.as_bytes());
        self.count += 1;
        self
    }

    fn finish(&self) -> Vec<u8> {
        let mut out = self.out.clone();
        let cd_offset = out.len() as u32;
        out.extend_from_slice(&self.central);
        out.extend_from_slice(b"PK\x05\x06");
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&self.count.to_le_bytes());
        out.extend_from_slice(&(self.central.len() as u32).to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }
}

/// `n` bytes of JSON string content (`"aaaa…"`), deflated without ever holding it: one MiB chunk is
/// compressed once with a full flush, which leaves the compressor as it started, so the same compressed
/// bytes can be repeated. Returns the deflate stream and the CRC-32 of the inflated bytes.
fn deflated_string_field(prefix: &[u8], mib: usize, suffix: &[u8]) -> (Vec<u8>, u32, u64) {
    use flate2::{Compress, Compression, FlushCompress};
    let piece = |bytes: &[u8], flush: FlushCompress| {
        let mut c = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(bytes.len() / 100 + 64);
        c.compress_vec(bytes, &mut out, flush).unwrap();
        assert_eq!(c.total_in() as usize, bytes.len());
        out
    };
    let chunk = vec![b'a'; 1 << 20];
    let chunk_deflated = piece(&chunk, FlushCompress::Full);
    let mut stream = piece(prefix, FlushCompress::Full);
    let mut crc = flate2::Crc::new();
    crc.update(prefix);
    let mut chunk_crc = flate2::Crc::new();
    chunk_crc.update(&chunk);
    for _ in 0..mib {
        stream.extend_from_slice(&chunk_deflated);
        crc.combine(&chunk_crc);
    }
    let mut tail = Compress::new(Compression::best(), false);
    let mut end = Vec::with_capacity(suffix.len() + 64);
    tail.compress_vec(suffix, &mut end, FlushCompress::Finish).unwrap();
    stream.extend_from_slice(&end);
    crc.update(suffix);
    let inflated = prefix.len() as u64 + (mib as u64) * (1 << 20) + suffix.len() as u64;
    (stream, crc.sum(), inflated)
}

// --- The input is not an archive at all ---

#[test]
fn not_a_zip() {
    let s = Scratch::new("not-a-zip");
    let path = s.file("facebook-export.zip", b"%PDF-1.7 this is a document, not an archive");
    refused(&report(&path, None), &path, &["not a zip archive or a JSON file"]);
}

#[test]
fn empty_file() {
    let s = Scratch::new("empty-file");
    let path = s.file("facebook-export.zip", b"");
    refused(&report(&path, None), &path, &["the file is empty"]);
}

#[test]
fn empty_archive() {
    let s = Scratch::new("empty-archive");
    let path = s.file("facebook-export.zip", &RawZip::default().finish());
    refused(&report(&path, None), &path, &["the archive is empty"]);
}

// --- Damaged zips ---

#[test]
fn truncated_zip_with_its_central_directory_missing() {
    let s = Scratch::new("truncated");
    let zip = fixtures::export(fixtures::Generation::G2025).zip();
    let central = zip.windows(4).position(|w| w == b"PK\x01\x02").expect("a central directory");
    let path = s.file("facebook-export.zip", &zip[..central]);
    refused(&report(&path, None), &path, &["damaged or incomplete", "download stopped early"]);
}

#[test]
fn corrupt_local_headers() {
    let s = Scratch::new("local-headers");
    let mut b = with_a_friend();
    b.json(FOLLOWERS, &json!({"followers_v3": [{"name": "Gus Follower"}]}));
    let mut zip = b.zip();
    // The second local header (the followers list) loses its signature; the central directory is intact.
    let second = zip.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x03\x04").nth(1).map(|(i, _)| i).unwrap();
    zip[second..second + 4].copy_from_slice(b"XXXX");
    let path = s.file("facebook-export.zip", &zip);
    let doc = read_with_warning(&report(&path, None), FOLLOWERS, "cannot be read from the zip");
    assert_eq!(people(&doc), ["Bea Sample"], "the intact file is still read");

    // When every local header is damaged there is nothing left to show: exit 2 with the first reason. (The
    // first header keeps its "PK", or the file would not even look like a zip.)
    for i in (0..zip.len() - 4).filter(|&i| &zip[i..i + 4] == b"PK\x03\x04").collect::<Vec<_>>() {
        zip[i + 2..i + 4].copy_from_slice(b"XX");
    }
    let all = s.file("all-damaged.zip", &zip);
    refused(&report(&all, None), &all, &["none of the 2 export files in it could be read", "cannot be read"]);
}

#[test]
fn corrupt_compressed_data() {
    let s = Scratch::new("corrupt-data");
    let mut b = with_a_friend();
    b.json(
        FOLLOWERS,
        &json!({"followers_v3": (0..200).map(|i| json!({"name": format!("Follower {i}")})).collect::<Vec<_>>()}),
    );
    let mut zip = b.zip();
    let second = zip.windows(4).enumerate().filter(|(_, w)| *w == b"PK\x03\x04").nth(1).map(|(i, _)| i).unwrap();
    let data = second + 30 + FOLLOWERS.len();
    for byte in &mut zip[data + 4..data + 40] {
        *byte ^= 0x5A;
    }
    let path = s.file("facebook-export.zip", &zip);
    let doc = read_with_warning(&report(&path, None), FOLLOWERS, "is damaged");
    assert_eq!(people(&doc), ["Bea Sample"]);
}

// --- Zip features Facebook never uses, or uses only for huge exports ---

#[test]
fn encrypted_entries() {
    let s = Scratch::new("encrypted");
    let secret = br#"{"followers_v3": [{"name": "Gus Follower"}]}"#;
    let declared_size = secret.len() as u32;
    let encrypted = RawEntry { name: FOLLOWERS, method: 0, flags: 1, crc: 0, declared_size, data: secret };
    raw_entry_beside_a_friend(&s, "facebook-export.zip", encrypted, None, "is encrypted");

    let mut only = RawZip::default();
    only.add(RawEntry {
        name: FOLLOWERS,
        method: 0,
        flags: 1,
        crc: 0,
        declared_size: secret.len() as u32,
        data: secret,
    });
    let path = s.file("all-encrypted.zip", &only.finish());
    refused(&report(&path, None), &path, &["is encrypted; Facebook exports never are"]);
}

#[test]
fn zip64() {
    use zip::write::SimpleFileOptions;
    let s = Scratch::new("zip64");
    let mut cursor = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut cursor);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).large_file(true);
    for (name, body) in [
        (FRIENDS, json!({"friends_v2": [{"name": "Bea Sample", "timestamp": 1_500_000_000}]})),
        (FOLLOWERS, json!({"followers_v3": [{"name": "Gus Follower"}]})),
    ] {
        writer.start_file(name, options).unwrap();
        writer.write_all(body.to_string().as_bytes()).unwrap();
    }
    writer.finish().unwrap();
    let bytes = cursor.into_inner();
    // The first local header carries a zip64 extended-information field (header ID 0x0001) after its name.
    let extra_at = 30 + FRIENDS.len();
    assert!(u16::from_le_bytes([bytes[28], bytes[29]]) >= 20, "an extra field is present");
    assert_eq!(&bytes[extra_at..extra_at + 2], &[1, 0], "the zip64 field");
    let path = s.file("facebook-ada-2026-01-02-x.zip", &bytes);
    let answer = report(&path, None);
    assert_eq!(answer.code, Some(0), "{}", answer.stderr);
    let doc: Value = serde_json::from_str(&answer.stdout).unwrap();
    assert_eq!(people(&doc), ["Bea Sample", "Gus Follower"]);
    assert_eq!(doc["warnings"], json!([]));
}

// --- Zip bombs, under a hard memory limit ---

/// Far below the 2 GiB a failed cap would allocate, with room for the 512 MiB a capped read may hold.
const MEMORY_KIB: u64 = 1_600_000;

#[test]
fn zip_bomb_entry_inflating_past_the_cap() {
    let s = Scratch::new("bomb-cap");
    let (stream, crc, inflated) = deflated_string_field(b"{\"followers_v3\": [{\"name\": \"", 600, b"\"}]}");
    let bomb = RawEntry { name: FOLLOWERS, method: 8, flags: 0, crc, declared_size: inflated as u32, data: &stream };
    raw_entry_beside_a_friend(&s, "facebook-export.zip", bomb, Some(MEMORY_KIB), "over the 512.0 MiB cap for one file");
}

#[test]
fn zip_bomb_with_an_extreme_ratio() {
    let s = Scratch::new("bomb-ratio");
    // 64 MiB from about 64 KiB: under the size cap, but no JSON compresses 1000 to 1.
    let (stream, crc, inflated) = deflated_string_field(b"{\"followers_v3\": [{\"name\": \"", 64, b"\"}]}");
    let bomb = RawEntry { name: FOLLOWERS, method: 8, flags: 0, crc, declared_size: inflated as u32, data: &stream };
    raw_entry_beside_a_friend(&s, "facebook-export.zip", bomb, Some(MEMORY_KIB), "a sign of a zip bomb");

    // The same bomb declaring 1 KiB: inflating stops at the declared size, and the lie is the warning.
    let lying = RawEntry { name: FOLLOWERS, method: 8, flags: 0, crc, declared_size: 1024, data: &stream };
    raw_entry_beside_a_friend(&s, "facebook-lying.zip", lying, Some(MEMORY_KIB), "larger than its declared");

    // The fixture's bomb (40 MiB of spaces) through the command line too.
    let fixture = s.0.join("fixture.zip");
    fixtures::bomb_export().write_zip(&fixture).unwrap();
    read_with_warning(&report(&fixture, Some(MEMORY_KIB)), "people_who_followed_you.json", "zip bomb");
}

#[test]
fn two_hundred_thousand_entries() {
    use zip::write::SimpleFileOptions;
    let s = Scratch::new("many-entries");
    let path = s.0.join("facebook-export.zip");
    let file = std::fs::File::create(&path).unwrap();
    let mut writer = zip::ZipWriter::new(std::io::BufWriter::new(file));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    writer.start_file(FRIENDS, stored).unwrap();
    writer.write_all(br#"{"friends_v2": [{"name": "Bea Sample", "timestamp": 1500000000}]}"#).unwrap();
    for i in 0..200_000 {
        writer.start_file(format!("your_facebook_activity/posts/media/album/{i}.jpg"), stored).unwrap();
    }
    writer.finish().unwrap();
    let started = Instant::now();
    let answer = report(&path, Some(MEMORY_KIB));
    assert_eq!(answer.code, Some(0), "{}", answer.stderr);
    let doc: Value = serde_json::from_str(&answer.stdout).unwrap();
    assert_eq!(people(&doc), ["Bea Sample"], "media entries are listed, never read");
    assert!(started.elapsed() < Duration::from_secs(60), "listing 200,000 entries took {:?}", started.elapsed());
}

// --- Names that try to leave the export, and names given twice ---

#[test]
fn path_traversal_and_absolute_names() {
    let s = Scratch::new("traversal");
    let mut b = ExportBuilder::new();
    b.json(
        "../../../../connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "Bea Sample", "timestamp": 1_500_000_000}]}),
    );
    b.json("/etc/connections/followers/people_who_followed_you.json", &json!({"followers_v3": [{"name": "Gus"}]}));
    b.json(
        "C:\\Users\\x\\..\\..\\ads_information\\advertisers_you've_interacted_with.json",
        &json!({"history_v2": [{"title": "Wanderly"}]}),
    );
    let path = s.file("facebook-export.zip", &b.zip());
    let answer = report(&path, None);
    assert_eq!(answer.code, Some(0), "{}", answer.stderr);
    let doc: Value = serde_json::from_str(&answer.stdout).unwrap();
    assert_eq!(people(&doc), ["Bea Sample", "Gus"]);
    let files: Vec<&str> = doc["files_read"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert_eq!(files.len(), 3, "{files:?}");
    for f in &files {
        assert!(!f.contains("..") && !f.starts_with('/') && !f.contains('\\') && !f.contains(':'), "{f}");
    }
    // Nothing is extracted: the scratch folder holds only the archive itself.
    assert_eq!(std::fs::read_dir(&s.0).unwrap().count(), 1);
}

#[test]
fn duplicate_entries() {
    let s = Scratch::new("duplicates");
    let mut zip = RawZip::default();
    zip.stored(FRIENDS, br#"{"friends_v2": [{"name": "Bea Sample", "timestamp": 1500000000}]}"#);
    zip.stored(FRIENDS, br#"{"friends_v2": [{"name": "Bea Sample", "timestamp": 1500000000}, {"name": "Cai Two"}]}"#);
    let path = s.file("facebook-export.zip", &zip.finish());
    let answer = report(&path, None);
    assert_eq!(answer.code, Some(0), "{}", answer.stderr);
    let doc: Value = serde_json::from_str(&answer.stdout).unwrap();
    // The second copy merges like a repeated part: its new row is added, the repeated row is not.
    assert_eq!(people(&doc), ["Bea Sample", "Cai Two"]);
}

// --- Right format, wrong kind of export ---

#[test]
fn html_export() {
    let s = Scratch::new("html");
    let path = s.0.join("facebook-ada-2026-01-02.zip");
    fixtures::html_export().write_zip(&path).unwrap();
    refused(&report(&path, None), &path, &["HTML version", "Format: JSON"]);
}

#[test]
fn instagram_export() {
    let s = Scratch::new("instagram");
    let path = s.0.join("instagram-ada-2026-01-02.zip");
    fixtures::instagram_export().write_zip(&path).unwrap();
    // Instagram is read now: the export imports as one.
    let answer = report(&path, None);
    assert_eq!(answer.code, Some(0), "{}", answer.stderr);
    assert!(answer.stdout.contains("\"platform\": \"instagram\""), "{}", answer.stdout);
}

#[test]
fn twitter_export() {
    let s = Scratch::new("twitter");
    let mut b = ExportBuilder::new();
    b.raw("data/tweets.js", "window.YTD.tweets.part0 = []");
    b.raw("data/account.js", "window.YTD.account.part0 = []");
    b.raw("Your archive.html", "<html></html>");
    let path = s.file("twitter-2026-01-02.zip", &b.zip());
    refused(&report(&path, None), &path, &["not a Facebook export", "data/account.js"]);
}

#[test]
fn google_takeout() {
    let s = Scratch::new("takeout");
    let path = s.0.join("takeout-20260102T000000Z-001.zip");
    fixtures::other_zip().write_zip(&path).unwrap();
    refused(&report(&path, None), &path, &["not a Facebook export", "Takeout/Mail/inbox.mbox"]);
}

// --- Broken JSON inside a real export ---

fn beside_a_friend(case: &str, file: &str, body: &[u8]) -> (Scratch, Answer) {
    let s = Scratch::new(case);
    let mut b = with_a_friend();
    b.raw(file, body.to_vec());
    let path = s.file("facebook-export.zip", &b.zip());
    let answer = report(&path, None);
    (s, answer)
}

#[test]
fn invalid_json() {
    let (_s, answer) = beside_a_friend("invalid-json", FOLLOWERS, b"{\"followers_v3\": [{\"name\": \"Gus\"},");
    let doc = read_with_warning(&answer, FOLLOWERS, "is not valid JSON");
    assert_eq!(people(&doc), ["Bea Sample"]);
}

#[test]
fn wrong_types_and_null_where_an_object_belongs() {
    for (i, body) in [
        json!(null),
        json!({"followers_v3": null}),
        json!({"followers_v3": {"name": "not a list"}}),
        json!({"followers_v3": [null, 7, "text", [], {"name": null}, {"name": 5, "timestamp": "soon"}]}),
        json!({"profile_v2": null}),
    ]
    .iter()
    .enumerate()
    {
        let (_s, answer) = beside_a_friend(&format!("wrong-types-{i}"), FOLLOWERS, body.to_string().as_bytes());
        assert_eq!(answer.code, Some(0), "{body}: {}", answer.stderr);
        let doc: Value = serde_json::from_str(&answer.stdout).unwrap();
        assert_eq!(people(&doc), ["Bea Sample"], "{body}");
    }
    // The profile of the wrong shape names no owner; it is a warning, never a guess.
    let (_s, answer) = beside_a_friend(
        "wrong-profile",
        "personal_information/profile_information/profile_information.json",
        br#"{"profile_v2": {"name": null}}"#,
    );
    let doc = read_with_warning(&answer, "profile_information.json", "has no profile name");
    assert_eq!(doc["owner"], Value::Null);
}

#[test]
fn nesting_200000_levels_deep() {
    let deep_arrays = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let (_s, answer) = beside_a_friend("deep-arrays", FOLLOWERS, deep_arrays.as_bytes());
    read_with_warning(&answer, FOLLOWERS, "recursion limit");
    let deep_objects = format!("{}1{}", "{\"a\":".repeat(200_000), "}".repeat(200_000));
    let (_s, answer) = beside_a_friend("deep-objects", FOLLOWERS, deep_objects.as_bytes());
    read_with_warning(&answer, FOLLOWERS, "recursion limit");
    // Message files are streamed: fields the reader does not need are skipped without recursing, so depth
    // costs nothing there, and the file is simply not a thread.
    let thread = "your_facebook_activity/messages/inbox/deep_1/message_1.json";
    let (_s, answer) = beside_a_friend("deep-messages", thread, deep_objects.as_bytes());
    read_with_warning(&answer, thread, "has no messages list");
    let deep_message = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let deep_in_messages = format!("{{\"participants\": {deep_message}, \"messages\": [{deep_message}]}}");
    let (_s, answer) = beside_a_friend("deep-messages-2", thread, deep_in_messages.as_bytes());
    assert_eq!(answer.code, Some(0), "{}", answer.stderr);
}

#[test]
fn a_single_2gb_string() {
    let s = Scratch::new("2gb-string");
    // 2 GiB of string, honestly declared: refused from the central directory, before a byte is inflated.
    let (stream, crc, inflated) = deflated_string_field(b"{\"followers_v3\": [{\"name\": \"", 2048, b"\"}]}");
    assert!(inflated > 2 << 30 && stream.len() < 4 << 20);
    let huge = RawEntry { name: FOLLOWERS, method: 8, flags: 0, crc, declared_size: inflated as u32, data: &stream };
    raw_entry_beside_a_friend(&s, "facebook-export.zip", huge, Some(MEMORY_KIB), "is 2.0 GiB when inflated, over the");

    // The same string as a loose JSON file on disk (sparse, so the test writes almost nothing): refused from
    // its size alone.
    let loose = s.0.join("your_friends.json");
    let mut file = std::fs::File::create(&loose).unwrap();
    file.write_all(b"{\"friends_v2\": [{\"name\": \"").unwrap();
    file.set_len((2 << 30) + 64).unwrap();
    drop(file);
    refused(&report(&loose, Some(MEMORY_KIB)), &loose, &["none of the 1 export files", "over the 512.0 MiB cap"]);
}

#[test]
fn invalid_utf8() {
    let (_s, answer) = beside_a_friend("utf8", FOLLOWERS, b"{\"followers_v3\": [{\"name\": \"Gus \xff\xfe\"}]}");
    read_with_warning(&answer, FOLLOWERS, "is not UTF-8 text");
    let thread = "your_facebook_activity/messages/inbox/bad_1/message_1.json";
    let (_s, answer) =
        beside_a_friend("utf8-messages", thread, b"{\"participants\": [{\"name\": \"\xc0\"}], \"messages\": []}");
    read_with_warning(&answer, thread, "is not UTF-8 text");
}

#[test]
fn numbers_out_of_range() {
    // Representable but absurd numbers: the record is read, the time is unknown.
    let body = br#"{"followers_v3": [{"name": "Gus", "timestamp": 18446744073709551616},
        {"name": "Hal", "timestamp": -9223372036854775809}, {"name": "Ivy", "timestamp": 1e308},
        {"name": "Jo", "timestamp": -0.0}, {"name": "Kit", "timestamp": 9223372036854775807}]}"#;
    let (_s, answer) = beside_a_friend("numbers", FOLLOWERS, body);
    assert_eq!(answer.code, Some(0), "{}", answer.stderr);
    let doc: Value = serde_json::from_str(&answer.stdout).unwrap();
    assert_eq!(people(&doc), ["Bea Sample", "Gus", "Hal", "Ivy", "Jo", "Kit"]);
    let thread = "your_facebook_activity/messages/inbox/t_1/message_1.json";
    let messages = br#"{"participants": [{"name": "Gus"}], "messages": [
        {"sender_name": "Gus", "timestamp_ms": 1e300}, {"sender_name": "Gus", "timestamp_ms": -9223372036854775808},
        {"sender_name": "Gus", "timestamp_ms": 18446744073709551615}]}"#;
    let (_s, answer) = beside_a_friend("numbers-messages", thread, messages);
    assert_eq!(answer.code, Some(0), "{}", answer.stderr);
    // Beyond what a float can hold: the file is a warning that says so.
    let (_s, answer) =
        beside_a_friend("numbers-overflow", FOLLOWERS, br#"{"followers_v3": [{"name": "Gus", "timestamp": 1e400}]}"#);
    read_with_warning(&answer, FOLLOWERS, "number out of range");
}

#[test]
fn more_json_values_than_a_file_may_hold() {
    // 17 million tiny values in 34 MB: parsed into a tree they would take over half a gigabyte. Stored, not
    // deflated, so the ratio check (which would also refuse this) stays out of the way.
    let mut body = b"{\"followers_v3\": [".to_vec();
    body.extend(std::iter::repeat_n(&b"0,"[..], 17_000_000).flatten());
    body.extend_from_slice(b"0]}");
    let s = Scratch::new("many-values");
    let mut zip = RawZip::default();
    zip.stored(FRIENDS, br#"{"friends_v2": [{"name": "Bea Sample", "timestamp": 1500000000}]}"#);
    zip.stored(FOLLOWERS, &body);
    let path = s.file("facebook-export.zip", &zip.finish());
    let doc = read_with_warning(&report(&path, Some(MEMORY_KIB)), FOLLOWERS, "more than the 16000000 datamap reads");
    assert_eq!(people(&doc), ["Bea Sample"]);
}

// --- Things that are not files of an export ---

#[test]
fn a_folder_with_no_export_in_it() {
    let s = Scratch::new("empty-folder");
    let empty = s.0.join("Downloads");
    std::fs::create_dir_all(&empty).unwrap();
    refused(&report(&empty, None), &empty, &["empty"]);
    std::fs::write(empty.join("holiday.jpg"), b"\xFF\xD8\xFF").unwrap();
    std::fs::write(empty.join("notes.json"), b"{}").unwrap();
    refused(&report(&empty, None), &empty, &["not a Facebook export", "holiday.jpg"]);
}

#[test]
fn an_unreadable_file() {
    let s = Scratch::new("unreadable");
    // A named pipe where the export should be: opening it would wait forever for a writer.
    let fifo = s.0.join("facebook-export.zip");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    refused(&report(&fifo, None), &fifo, &["not a regular file"]);

    // A file without read permission. Root reads any file, so as root the CLI runs as `nobody` instead.
    let locked = s.file("facebook-locked.zip", &with_a_friend().zip());
    let root = std::fs::read_to_string("/proc/self/status")
        .is_ok_and(|s| s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0")));
    let mut command;
    if root {
        std::fs::set_permissions(&s.0, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
        let bin = env!("CARGO_BIN_EXE_datamap");
        let probe =
            Command::new("setpriv").args(["--reuid=65534", "--regid=65534", "--clear-groups", bin, "--help"]).output();
        if !probe.is_ok_and(|o| o.status.success()) {
            eprintln!("skipped the permission sub-case: running as root, and `nobody` cannot run {bin} via setpriv");
            return;
        }
        command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin]);
    } else {
        std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
        command = Command::new(env!("CARGO_BIN_EXE_datamap"));
    }
    let child = command.arg("report").arg(&locked).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    refused(&wait(child), &locked, &["permission denied"]);
}
