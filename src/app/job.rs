//! The import runs on its own thread so the window never freezes. The thread reports progress over a
//! channel, checks a cancel flag between files, and a panic inside it becomes an error, not a dead window.
//! A cancel shows "Cancelling…" and hands the window back within [`CANCEL_GRACE`] even when the thread is
//! inside one big file: it stops at its next check, and its result is dropped.

use super::background::Task;
use crate::archive::Input;
use crate::import::{ImportError, Monitor, Progress};
use crate::pipeline::{self, Loaded};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long a cancelled import may take to stop before the window goes back to the start anyway.
pub const CANCEL_GRACE: Duration = Duration::from_millis(150);

type Outcome = Result<Box<Loaded>, ImportError>;

pub struct ImportJob {
    pub label: String,
    pub progress: Progress,
    progress_updates: Receiver<Progress>,
    /// `Err` holds the outcome when no thread could be started.
    task: Result<Task<Outcome>, Option<ImportError>>,
    cancel: Arc<AtomicBool>,
    /// When the person cancelled.
    cancelled_at: Option<Instant>,
    ctx: egui::Context,
}

impl ImportJob {
    pub fn start(inputs: Vec<Input>, ctx: egui::Context) -> ImportJob {
        let label = inputs.iter().map(Input::file_name).collect::<Vec<_>>().join(", ");
        let (send, progress_updates) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = cancel.clone();
        let repaint = ctx.clone();
        let task = Task::spawn(&ctx, "import", move || {
            let report = move |p: Progress| {
                let _ = send.send(p);
                repaint.request_repaint();
            };
            let monitor = Monitor { report: &report, cancel: &flag };
            // Not laid out here: the map settles on screen, so it appears as soon as the graph exists.
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline::prepare(&inputs, &monitor)))
                .unwrap_or_else(|_| {
                    Err(ImportError::Unusable {
                        file: inputs.first().map(Input::file_name).unwrap_or_default(),
                        problem: "datamap hit an internal error while reading this export. Nothing was changed; \
                                  please report this as a bug"
                            .into(),
                    })
                })
                .map(Box::new)
        })
        .map_err(|e| {
            Some(ImportError::Unusable { file: label.clone(), problem: format!("could not start the import: {e}") })
        });
        let progress = Progress { stage: "Starting", file: None, fraction: 0.0 };
        ImportJob { label, progress, progress_updates, task, cancel, cancelled_at: None, ctx }
    }

    pub fn cancel(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
        self.cancelled_at.get_or_insert_with(Instant::now);
        self.ctx.request_repaint_after(CANCEL_GRACE);
    }

    pub fn is_cancelling(&self) -> bool {
        self.cancelled_at.is_some()
    }

    /// Take the latest progress, which only moves forward; returns the result once the import has
    /// finished, or `Cancelled` once a cancel's grace has run out.
    pub fn poll(&mut self) -> Option<Outcome> {
        while let Ok(mut p) = self.progress_updates.try_recv() {
            p.fraction = p.fraction.max(self.progress.fraction);
            self.progress = p;
        }
        if self.cancelled_at.is_some_and(|at| at.elapsed() >= CANCEL_GRACE) {
            return Some(Err(ImportError::Cancelled));
        }
        match &mut self.task {
            Ok(task) => task.poll().map(|done| done.unwrap_or(Err(ImportError::Cancelled))),
            Err(failed) => failed.take().map(Err),
        }
    }
}

impl Drop for ImportJob {
    /// Dropping a job (a new export was opened, or the window closed) stops its thread at the next file.
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}
