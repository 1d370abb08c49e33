//! Runs a [`ForceLayout`] on its own thread so the UI never waits for a tick, and publishes positions for
//! the UI to draw. The UI learns about new positions through a repaint hook (a plain closure, so this module
//! knows nothing about egui). Once the layout settles the thread blocks on its command channel: it uses no
//! CPU and stops calling the hook until a command (pin, release, reheat) wakes it.

use super::ForceLayout;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often a running layout publishes: about once a frame. Publishing after every tick would cost a copy
/// of every position per tick and wake the UI far more often than it can draw.
const PUBLISH_EVERY: Duration = Duration::from_millis(16);

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Command {
    /// Hold a node at a position (for example while it is dragged, and after it is dropped).
    Pin(usize, [f32; 2]),
    /// Let a pinned node move again from where it is.
    Unpin(usize),
    /// Warm restart: cool again from at least this alpha, from the current positions.
    Reheat(f32),
    /// Keep the layout warm (d3 sets 0.3 while dragging) or let it cool (0).
    AlphaTarget(f32),
    Stop,
}

struct Shared {
    positions: Mutex<Arc<Vec<[f32; 2]>>>,
    settled: AtomicBool,
    ticks: AtomicU32,
    version: AtomicU64,
}

pub struct LayoutWorker {
    commands: Sender<Command>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<ForceLayout>>,
}

impl LayoutWorker {
    /// Start running `layout` on a new thread. `repaint` is called from that thread after each publish.
    pub fn spawn(layout: ForceLayout, repaint: Box<dyn Fn() + Send>) -> LayoutWorker {
        let shared = Arc::new(Shared {
            positions: Mutex::new(Arc::new(layout.positions().to_vec())),
            settled: AtomicBool::new(layout.is_settled()),
            ticks: AtomicU32::new(layout.ticks()),
            version: AtomicU64::new(0),
        });
        let (commands, inbox) = mpsc::channel();
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("datamap-layout".into())
                .spawn(move || run(layout, &inbox, &shared, repaint))
                .ok()
        };
        if thread.is_none() {
            // No thread could be started: report settled so the UI stops waiting and shows the start layout.
            shared.settled.store(true, Ordering::Release);
        }
        LayoutWorker { commands, shared, thread }
    }

    /// The latest published positions, one per node. Cheap: it shares the published buffer.
    pub fn positions(&self) -> Arc<Vec<[f32; 2]>> {
        match self.shared.positions.lock() {
            Ok(p) => Arc::clone(&p),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Whether the published positions are final (until the next command).
    pub fn is_settled(&self) -> bool {
        self.shared.settled.load(Ordering::Acquire)
    }

    /// Ticks run so far, as of the latest publish.
    pub fn ticks(&self) -> u32 {
        self.shared.ticks.load(Ordering::Acquire)
    }

    /// Goes up by one with every publish, so a reader can tell whether anything changed.
    pub fn version(&self) -> u64 {
        self.shared.version.load(Ordering::Acquire)
    }

    pub fn send(&self, command: Command) {
        // Mark unsettled now, so a caller that sends and then polls does not see the old settled state.
        if matches!(command, Command::Reheat(_)) || matches!(command, Command::AlphaTarget(t) if t > 0.0) {
            self.shared.settled.store(false, Ordering::Release);
        }
        // A send fails only when the thread has ended, and then there is nothing left to command.
        let _ = self.commands.send(command);
    }

    pub fn pin(&self, node: usize, at: [f32; 2]) {
        self.send(Command::Pin(node, at));
    }

    pub fn unpin(&self, node: usize) {
        self.send(Command::Unpin(node));
    }

    pub fn reheat(&self, alpha: f32) {
        self.send(Command::Reheat(alpha));
    }

    /// Stop the thread and take the layout back, for instance to warm-start a changed graph from it.
    pub fn stop(mut self) -> Option<ForceLayout> {
        let _ = self.commands.send(Command::Stop);
        self.thread.take().and_then(|t| t.join().ok())
    }
}

impl Drop for LayoutWorker {
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = self.commands.send(Command::Stop);
            let _ = thread.join();
        }
    }
}

fn run(
    mut layout: ForceLayout,
    inbox: &Receiver<Command>,
    shared: &Shared,
    repaint: Box<dyn Fn() + Send>,
) -> ForceLayout {
    let publish = |layout: &ForceLayout| {
        let fresh = Arc::new(layout.positions().to_vec());
        match shared.positions.lock() {
            Ok(mut p) => *p = fresh,
            Err(poisoned) => *poisoned.into_inner() = fresh,
        }
        shared.ticks.store(layout.ticks(), Ordering::Release);
        shared.settled.store(layout.is_settled(), Ordering::Release);
        shared.version.fetch_add(1, Ordering::AcqRel);
        repaint();
    };
    let mut last = Instant::now();
    loop {
        let mut changed = false;
        if layout.is_settled() {
            // Nothing to do until told otherwise: block, using no CPU and requesting no repaints.
            match inbox.recv() {
                Ok(command) if apply(&mut layout, command) => changed = true,
                _ => return layout,
            }
        }
        loop {
            match inbox.try_recv() {
                Ok(command) if apply(&mut layout, command) => changed = true,
                Ok(_) | Err(TryRecvError::Disconnected) => return layout,
                Err(TryRecvError::Empty) => break,
            }
        }
        layout.tick();
        if changed || layout.is_settled() || last.elapsed() >= PUBLISH_EVERY {
            publish(&layout);
            last = Instant::now();
        }
    }
}

/// Returns false for Stop.
fn apply(layout: &mut ForceLayout, command: Command) -> bool {
    match command {
        Command::Pin(node, at) => layout.pin(node, Some(at)),
        Command::Unpin(node) => layout.pin(node, None),
        Command::Reheat(alpha) => layout.reheat(alpha),
        Command::AlphaTarget(target) => layout.params.alpha_target = target,
        Command::Stop => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Link;
    use std::sync::atomic::AtomicUsize;

    /// Correctness deadline only (not a speed check): generous so a loaded machine cannot fail it.
    fn wait_until(what: &str, done: impl Fn() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !done() {
            assert!(Instant::now() < deadline, "timed out waiting until {what}");
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn star(n: usize) -> ForceLayout {
        ForceLayout::new(n, (1..n).map(|i| Link::new(0, i, 30.0)).collect(), 5)
    }

    fn counting_hook() -> (Arc<AtomicUsize>, Box<dyn Fn() + Send>) {
        let calls = Arc::new(AtomicUsize::new(0));
        let hook = {
            let calls = Arc::clone(&calls);
            Box::new(move || {
                calls.fetch_add(1, Ordering::SeqCst);
            })
        };
        (calls, hook)
    }

    #[test]
    fn worker_settles_publishes_the_final_layout_and_then_goes_quiet() {
        let mut expected = star(200);
        expected.run(10_000);
        let (calls, hook) = counting_hook();
        let worker = LayoutWorker::spawn(star(200), hook);
        wait_until("settled", || worker.is_settled());
        assert_eq!(worker.positions().as_slice(), expected.positions(), "the worker runs the same simulation");
        assert_eq!(worker.ticks(), expected.ticks());
        let (repaints, version, ticks) = (calls.load(Ordering::SeqCst), worker.version(), worker.ticks());
        assert!(repaints >= 1);
        std::thread::sleep(Duration::from_millis(150));
        assert_eq!(calls.load(Ordering::SeqCst), repaints, "no repaints once settled");
        assert_eq!(worker.version(), version, "no publishes once settled");
        assert_eq!(worker.ticks(), ticks, "no ticks once settled");
        let layout = worker.stop();
        assert!(layout.is_some_and(|l| l.is_settled()));
    }

    #[test]
    fn pin_and_reheat_wake_a_settled_worker_which_settles_again() {
        let (calls, hook) = counting_hook();
        let worker = LayoutWorker::spawn(star(50), hook);
        wait_until("settled", || worker.is_settled());
        let (before, repaints) = (worker.positions(), calls.load(Ordering::SeqCst));

        worker.pin(7, [500.0, -500.0]);
        wait_until("the pin is published", || worker.positions()[7] == [500.0, -500.0]);
        assert!(calls.load(Ordering::SeqCst) > repaints);

        worker.reheat(0.3);
        assert!(!worker.is_settled());
        wait_until("settled again", || worker.is_settled());
        let after = worker.positions();
        assert_eq!(after[7], [500.0, -500.0], "pinned node stays while the rest moves");
        assert!(after[0] != before[0], "the hub follows the pinned leaf");
        // A warm restart starts from where the layout was: nodes do not jump back to the seeded spiral.
        let far_from_spiral = (1..50).filter(|&i| i != 7).all(|i| {
            let spiral = star(50).positions()[i];
            after[i] != spiral
        });
        assert!(far_from_spiral);

        worker.unpin(7);
        worker.reheat(0.5);
        wait_until("settled after release", || worker.is_settled());
        assert!(worker.positions()[7] != [500.0, -500.0], "a released node is pulled back in");
    }

    #[test]
    fn dropping_a_running_worker_stops_its_thread() {
        let (calls, hook) = counting_hook();
        let mut layout = star(2000);
        layout.params.alpha_target = 0.5; // never settles on its own
        let worker = LayoutWorker::spawn(layout, hook);
        wait_until("it publishes", || worker.version() > 0);
        drop(worker);
        let after_drop = calls.load(Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(calls.load(Ordering::SeqCst), after_drop);
    }
}
