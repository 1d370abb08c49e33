//! The window under bad input: a file that is not an export ends on the error card and the app goes on to
//! open the next one, a panic inside the import thread becomes the error card instead of a dead window, and
//! opening a second export while the first is importing cancels the first cleanly.
//! The import itself is the one tests/hardening.rs checks case by case through the command line.

use datamap::app::GuiOptions;
use datamap::app::job::ImportJob;
use datamap::app::window::{DatamapApp, Screen};
use datamap::archive::Input;
use datamap::import::ImportError;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The tests count the process's import threads, so they must not overlap.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

mod common;
use common::wait_until_idle;

/// Threads of this process named `import`, from /proc: ImportJob's thread, and its unnamed workers, which
/// inherit the name.
fn import_threads() -> usize {
    std::fs::read_dir("/proc/self/task")
        .map(|tasks| {
            tasks
                .flatten()
                .filter(|t| std::fs::read_to_string(t.path().join("comm")).is_ok_and(|c| c.trim() == "import"))
                .count()
        })
        .unwrap_or(0)
}

fn wait_for_no_import_thread() {
    let started = Instant::now();
    while import_threads() > 0 {
        assert!(started.elapsed() < Duration::from_secs(60), "an import thread never stopped");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn owner(harness: &Harness<'_, DatamapApp>) -> Option<String> {
    match &harness.state().screen {
        Screen::Map(map) => map.loaded.map.owner.clone(),
        _ => None,
    }
}

/// The demo export several times over as the parts of one export: the same map, many times the work, so
/// its import is still running when the test acts.
fn slow_export() -> Vec<Input> {
    (0..12).map(|_| datamap::demo::demo_input()).collect()
}

#[test]
fn a_bad_file_shows_the_error_card_and_the_app_keeps_running() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let path = std::env::temp_dir().join(format!("datamap-gui-bad-{}.zip", std::process::id()));
    std::fs::write(&path, b"<html>this download stopped early</html>").unwrap();
    let options = GuiOptions { inputs: vec![Input::Path(path.clone())], ..Default::default() };
    let mut harness =
        Harness::builder().with_size([1100.0, 760.0]).build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    wait_until_idle(&mut harness);
    let _ = std::fs::remove_file(&path);
    match &harness.state().screen {
        Screen::Failed { file, problem } => {
            assert!(file.contains("datamap-gui-bad"), "{file}");
            assert!(problem.contains("not a zip archive"), "{problem}");
        }
        _ => panic!("expected the error card"),
    }
    harness.get_by_label("datamap could not open this");
    harness.get_by_label_contains("not a zip archive");

    // The window is alive: the next export opens as usual.
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, vec![datamap::demo::demo_input()]);
    wait_until_idle(&mut harness);
    assert_eq!(owner(&harness).as_deref(), Some("Elin Marsh"));
    harness.get_by_label("Spotify");
}

#[test]
fn opening_a_second_export_while_one_imports_cancels_the_first() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    wait_for_no_import_thread();
    let options = GuiOptions { inputs: slow_export(), ..Default::default() };
    let mut harness =
        Harness::builder().with_size([1100.0, 760.0]).build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    harness.run_steps(2);
    assert!(harness.state().is_busy(), "the first export is importing");
    assert!(import_threads() >= 1, "its thread (and the workers it started, which inherit its name) runs");

    let mut second = datamap::demo::fixtures::export(datamap::demo::fixtures::Generation::G2025);
    second.raw("start_here.txt", "the second export");
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, vec![second.input(datamap::demo::fixtures::ZIP_NAME)]);
    wait_until_idle(&mut harness);
    assert_eq!(owner(&harness).as_deref(), Some(datamap::demo::fixtures::OWNER), "the second export is shown");
    // The first import's thread saw its cancel flag and ended, long before twelve demo imports could finish.
    wait_for_no_import_thread();
    harness.run_steps(3);
    assert_eq!(owner(&harness).as_deref(), Some(datamap::demo::fixtures::OWNER), "nothing arrives late");
}

#[test]
fn a_cancelled_job_ends_with_cancelled_not_an_error() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut job = ImportJob::start(slow_export(), egui::Context::default());
    job.cancel();
    let started = Instant::now();
    let result = loop {
        if let Some(result) = job.poll() {
            break result;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "the cancelled import never finished");
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(matches!(result, Err(ImportError::Cancelled)), "{:?}", result.err());
    wait_for_no_import_thread();
}

#[test]
fn escape_says_cancelling_and_hands_the_window_back_without_waiting_for_the_import() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    wait_for_no_import_thread();
    let options = GuiOptions { inputs: slow_export(), ..Default::default() };
    let mut harness =
        Harness::builder().with_size([1100.0, 760.0]).build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    harness.run_steps(2);
    assert!(harness.state().is_busy());
    harness.key_press(egui::Key::Escape);
    harness.run_steps(1);
    harness.get_by_label("Cancelling…");
    assert!(harness.get_by_label("Cancel").accesskit_node().is_disabled(), "Cancel is greyed out once pressed");
    // After the grace the window is back at the start, whether or not the thread has reached its next
    // check yet; whatever it returns later is dropped.
    std::thread::sleep(datamap::app::job::CANCEL_GRACE);
    harness.run_steps(2);
    assert!(matches!(harness.state().screen, Screen::Start));
    wait_for_no_import_thread();
    harness.run_steps(2);
    assert!(matches!(harness.state().screen, Screen::Start), "nothing arrives late");
}

#[test]
fn progress_never_moves_backwards() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut job = ImportJob::start(slow_export(), egui::Context::default());
    let mut last = 0.0_f32;
    let started = Instant::now();
    loop {
        let done = job.poll();
        assert!(job.progress.fraction >= last, "{} after {last}", job.progress.fraction);
        last = job.progress.fraction;
        if done.is_some() {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(120), "the import never finished");
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(last >= datamap::pipeline::IMPORT_DONE, "the last steps report past the import's share: {last}");
}

#[test]
fn a_panic_inside_the_import_thread_becomes_the_error_card() {
    let _serial = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut harness = Harness::builder()
        .with_size([1100.0, 760.0])
        .build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, GuiOptions::default()));
    harness.run_steps(2);
    // No input is known to make the import panic, so the panic is planted where the import thread reports
    // progress: egui calls this callback on whichever thread asks for a repaint.
    harness.ctx.set_request_repaint_callback(|_| {
        if std::thread::current().name() == Some("import") {
            panic!("a planted bug in the import thread");
        }
    });
    let ctx = harness.ctx.clone();
    harness.state_mut().open(&ctx, vec![datamap::demo::demo_input()]);
    wait_until_idle(&mut harness);
    match &harness.state().screen {
        Screen::Failed { problem, .. } => assert!(problem.contains("internal error"), "{problem}"),
        _ => panic!("expected the error card"),
    }
    harness.get_by_label("datamap could not open this");
    wait_for_no_import_thread();

    // The window survived: with the bug gone, the same export opens.
    harness.ctx.set_request_repaint_callback(|_| {});
    harness.state_mut().open(&ctx, vec![datamap::demo::demo_input()]);
    wait_until_idle(&mut harness);
    assert_eq!(owner(&harness).as_deref(), Some("Elin Marsh"));
}
