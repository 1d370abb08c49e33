//! A heavy export for the benchmarks: 5,000 friends, 400 connected apps (a dozen of them historic data
//! partners), 3,000 off-Meta businesses with 50,000 events, 2,000 message threads holding 1,000,000
//! messages over a dozen years, and 500 MiB of media; [`Scale`] multiplies the businesses, events, threads
//! and messages. It is streamed straight into the zip file, one entry at a time, so the half-gigabyte never
//! sits in memory. Media is random bytes stored without compression, as photos and videos are in real
//! exports.

use super::{Rng, meta_encode};
use serde_json::{Value, json};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

pub const FRIENDS: usize = 5_000;
pub const APPS: usize = 400;
/// Apps named after historic data partners, so the heavy export has deals to find as well as volume.
const PARTNER_APPS: &[&str] = &[
    "Spotify",
    "Netflix",
    "Royal Bank of Canada",
    "Dropbox",
    "Tinder",
    "Airbnb",
    "Lyft",
    "Hinge",
    "Nike",
    "Snap",
    "Pandora",
    "TripAdvisor",
];
pub const BUSINESSES: usize = 3_000;
pub const EVENTS: usize = 50_000;
pub const THREADS: usize = 2_000;
pub const MESSAGES: usize = 1_000_000;
pub const MEDIA_BYTES: u64 = 500 * 1024 * 1024;
/// Meta splits threads into files of up to ~10,000 messages.
const PER_FILE: usize = 10_000;
const OWNER: &str = "Heavy Ñandú";
const EVENT_TYPES: &[&str] = &["PAGE_VIEW", "VIEW_CONTENT", "ACTIVATE_APP", "SEARCH", "ADD_TO_CART", "PURCHASE"];
const WORDS: &[&str] = &[
    "see", "you", "at", "seven", "dinner", "tonight", "café", "ok", "thanks", "great", "photo", "weekend", "the",
    "train", "is", "late", "again", "😀", "tomorrow", "maybe", "sounds", "good", "where", "are",
];

/// How much bigger than the standard heavy export: businesses, events, threads and messages are
/// multiplied; friends, apps and media stay.
#[derive(Debug, Clone, Copy)]
pub struct Scale(pub usize);

/// Write the heavy export to `path`; `media_bytes` may be lowered for a quicker run.
pub fn write_heavy(path: &Path, media_bytes: u64) -> io::Result<()> {
    write_scaled(path, media_bytes, Scale(1))
}

/// [`write_heavy`], `scale` times as large in businesses, events, threads and messages.
pub fn write_scaled(path: &Path, media_bytes: u64, scale: Scale) -> io::Result<()> {
    let times = scale.0.max(1);
    let (businesses, events, threads, messages) =
        (BUSINESSES * times, EVENTS * times, THREADS * times, MESSAGES * times);
    let file = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut zip = zip::ZipWriter::new(file);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let stored = deflated.compression_method(zip::CompressionMethod::Stored).large_file(false);
    let mut rng = Rng::new(0x4EA7_7E55);
    let json_entry = |zip: &mut zip::ZipWriter<BufWriter<File>>, path: &str, value: &Value| -> io::Result<()> {
        zip.start_file(path, deflated).map_err(io::Error::other)?;
        zip.write_all(meta_encode(value).as_bytes())
    };
    let t0: i64 = 1_300_000_000;
    let name = |i: usize| format!("Person{i:05} Émile-{}", i % 97);

    json_entry(
        &mut zip,
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {"name": {"full_name": OWNER}, "registration_timestamp": t0}}),
    )?;
    let friends: Vec<Value> =
        (0..FRIENDS).map(|i| json!({"name": name(i), "timestamp": t0 + (i as i64) * 40_000})).collect();
    json_entry(&mut zip, "connections/friends/your_friends.json", &json!({"friends_v2": friends}))?;

    // Connected from 2010 to 2020, a third of them since removed.
    let apps: Vec<Value> = (0..APPS)
        .map(|a| {
            let name = PARTNER_APPS.get(a).map(|p| (*p).to_owned()).unwrap_or_else(|| format!("App {a:03} Example"));
            let added = 1_262_304_000 + (a as i64) * 790_000;
            let (category, removed) = if a % 3 == 0 { ("removed", added + 40_000_000) } else { ("active", 0) };
            json!({"name": name, "added_timestamp": added, "user_app_scoped_id": 10_150_000_000_000_000u64 + a as u64,
                   "category": category, "removed_timestamp": removed})
        })
        .collect();
    json_entry(
        &mut zip,
        "apps_and_websites_off_of_facebook/connected_apps_and_websites.json",
        &json!({"installed_apps_v2": apps}),
    )?;

    let businesses: Vec<Value> = (0..businesses)
        .map(|b| {
            let n = events / businesses + usize::from(b < events % businesses);
            let events: Vec<Value> = (0..n)
                .map(|_| {
                    json!({"id": 100_000_000_000_000_u64 + b as u64, "type": *rng.pick(EVENT_TYPES),
                           "timestamp": rng.range(1_600_000_000, 1_760_000_000)})
                })
                .collect();
            json!({"name": format!("shop-{b:04}.example"), "events": events})
        })
        .collect();
    json_entry(
        &mut zip,
        "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
        &json!({"off_facebook_activity_v2": businesses}),
    )?;

    // A few long threads hold half of all messages; the rest share the other half.
    let big = 20 * times;
    let sizes: Vec<usize> =
        (0..threads).map(|t| if t < big { messages / 2 / big } else { (messages / 2) / (threads - big) }).collect();
    let shortfall = messages - sizes.iter().sum::<usize>();
    for (t, &size) in sizes.iter().enumerate() {
        let size = if t == threads - 1 { size + shortfall } else { size };
        let people: Vec<String> =
            (0..if t % 10 == 0 { 5 } else { 1 }).map(|k| name((t * 7 + k * 13) % FRIENDS)).collect();
        let mut participants: Vec<Value> = people.iter().map(|p| json!({"name": p})).collect();
        participants.push(json!({"name": OWNER}));
        let folder = ["inbox", "inbox", "inbox", "archived_threads", "message_requests", "e2ee_cutover"][t % 6];
        let thread_dir = format!("your_facebook_activity/messages/{folder}/thread{t:04}_{}", 1_000_000_000 + t);
        // The threads' latest messages are spread over a dozen years, so deals from 2010 to 2018 find some.
        let mut at_ms = 1_760_000_000_000_i64 - ((t / times) as i64) * 200_000_000;
        for (part, start) in (0..size).step_by(PER_FILE).enumerate() {
            let messages: Vec<Value> = (start..size.min(start + PER_FILE))
                .map(|_| {
                    at_ms -= rng.range(1_000, 600_000);
                    let sender = if rng.chance(45) { OWNER } else { rng.pick(&people).as_str() };
                    let words: Vec<&str> = (0..rng.range(3, 12)).map(|_| *rng.pick(WORDS)).collect();
                    json!({"sender_name": sender, "timestamp_ms": at_ms, "content": words.join(" "),
                           "is_geoblocked_for_viewer": false})
                })
                .collect();
            let doc = json!({"participants": participants, "messages": messages, "title": people.join(", "),
                             "is_still_participant": true, "thread_path": format!("{folder}/thread{t:04}"),
                             "magic_words": []});
            json_entry(&mut zip, &format!("{thread_dir}/message_{}.json", part + 1), &doc)?;
        }
    }

    const MEDIA_FILE: u64 = 2 * 1024 * 1024;
    let mut chunk = vec![0u8; 64 * 1024];
    let mut written = 0u64;
    let mut n = 0;
    while written < media_bytes {
        let size = MEDIA_FILE.min(media_bytes - written);
        let dir = if n % 2 == 0 {
            "your_facebook_activity/posts/media/album"
        } else {
            "your_facebook_activity/messages/photos"
        };
        zip.start_file(format!("{dir}/{n:05}.jpg"), stored).map_err(io::Error::other)?;
        let mut left = size;
        while left > 0 {
            for word in chunk.chunks_exact_mut(8) {
                word.copy_from_slice(&rng.next_u64().to_le_bytes());
            }
            let take = left.min(chunk.len() as u64) as usize;
            zip.write_all(&chunk[..take])?;
            left -= take as u64;
        }
        written += size;
        n += 1;
    }
    zip.finish().map_err(io::Error::other)?.flush()
}
