//! What the fuzz targets run, shared with tests/fuzz_regressions.rs so every crash reproducer kept under
//! fuzz/regressions/ replays through exactly the code that found it, in plain `cargo test` on stable Rust.

use datamap::archive::Input;
use datamap::import::builder::{Builder, ThreadAcc};
use datamap::import::families::Family;
use datamap::import::{Monitor, apply_doc, import, messages, read_doc};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Every family with its own parser, in the order the selector byte picks them. New families go at the end,
/// so the selector bytes of committed seeds and reproducers keep their meaning.
pub const FAMILIES: [Family; 30] = [
    Family::Profile,
    Family::Friends,
    Family::RemovedFriends,
    Family::SentRequests,
    Family::ReceivedRequests,
    Family::RejectedRequests,
    Family::Followers,
    Family::Following,
    Family::ConnectedApps,
    Family::InstantGames,
    Family::AppPosts,
    Family::OffMeta,
    Family::AdvertisersUsing,
    Family::AdvertisersContactList,
    Family::AdvertisersInteracted,
    Family::Devices,
    Family::LinkHistory,
    Family::Messages,
    Family::IgProfile,
    Family::IgConnections,
    Family::IgFollowers,
    Family::IgFollowing,
    Family::IgCloseFriends,
    Family::IgRequestsSent,
    Family::IgRequestsReceived,
    Family::IgApps,
    Family::IgOffMeta,
    Family::IgAdvertisers,
    Family::IgAdsViewed,
    Family::IgAdsClicked,
];

/// Bytes dropped on the window: opened as an archive and imported. Errors are answers, not failures.
pub fn import_bytes(data: &[u8]) {
    let cancel = AtomicBool::new(false);
    let input = Input::Memory { name: "facebook-fuzz-2026-01-02-x.zip".into(), bytes: Arc::from(data) };
    let _ = import(&[input], &Monitor::silent(&cancel));
}

/// One file's bytes through one family's parser and into the map builder.
pub fn parse_family(selector: u8, body: &[u8]) {
    let family = FAMILIES[usize::from(selector) % FAMILIES.len()];
    let mut out = Builder::default();
    out.set_file("fuzz.json");
    if family == Family::Messages {
        // The scanner must read exactly what the serde path it stands in for reads.
        let view = |f: &messages::ThreadFile| {
            let messages: Vec<_> = f.messages.iter().map(|m| (m.at, m.exact, m.sender, m.text_hash)).collect();
            (f.participants.clone(), f.title.clone(), f.group, f.senders.clone(), messages)
        };
        let scanned = messages::parse_file(body);
        assert_eq!(scanned.as_ref().map(view), messages::parse_file_serde(body).as_ref().map(view));
        if let Ok(file) = scanned {
            let mut acc = ThreadAcc::default();
            messages::merge(file, &mut acc, &mut messages::Seen::default(), false);
            out.merge_thread("inbox/fuzz_1", acc);
        }
    } else if let Ok(doc) = read_doc(family, body) {
        let _ = apply_doc(family, "fuzz.json", &doc, &mut out);
    }
    let map = out.finish(None);
    // The finished map must be usable by every later stage; the exposure rules are the next to read it.
    let _ = datamap::exposure::statements(&map, datamap::catalog::builtin());
}
