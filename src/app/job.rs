//! The import runs on its own thread so the window never freezes. The thread reports progress over a
//! channel, checks a cancel flag between files, and a panic inside it becomes an error, not a dead window.

use crate::archive::Input;
use crate::import::{ImportError, Monitor, Progress};
use crate::pipeline::{self, Loaded};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

pub enum JobEvent {
    Progress(Progress),
    Finished(Result<Box<Loaded>, ImportError>),
}

pub struct ImportJob {
    pub label: String,
    pub progress: Progress,
    events: Receiver<JobEvent>,
    cancel: Arc<AtomicBool>,
}

impl ImportJob {
    pub fn start(inputs: Vec<Input>, ctx: egui::Context) -> ImportJob {
        let label = inputs.iter().map(Input::file_name).collect::<Vec<_>>().join(", ");
        let (send, events) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = cancel.clone();
        let spawned = std::thread::Builder::new().name("import".into()).spawn(move || {
            let report_ctx = ctx.clone();
            let progress_send = send.clone();
            let report = move |p: Progress| {
                let _ = progress_send.send(JobEvent::Progress(p));
                report_ctx.request_repaint();
            };
            let monitor = Monitor { report: &report, cancel: &flag };
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline::load(&inputs, &monitor)))
                .unwrap_or_else(|_| {
                    Err(ImportError::Unusable {
                        file: inputs.first().map(Input::file_name).unwrap_or_default(),
                        problem: "datamap hit an internal error while reading this export. Nothing was changed; \
                                  please report this as a bug"
                            .into(),
                    })
                });
            let _ = send.send(JobEvent::Finished(result.map(Box::new)));
            ctx.request_repaint();
        });
        let (send_err, events_err) = channel();
        let events = match spawned {
            Ok(_) => events,
            Err(e) => {
                let _ = send_err.send(JobEvent::Finished(Err(ImportError::Unusable {
                    file: label.clone(),
                    problem: format!("could not start the import: {e}"),
                })));
                events_err
            }
        };
        ImportJob { label, progress: Progress { stage: "Starting", file: None, fraction: 0.0 }, events, cancel }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Drain events; returns the result once the import has finished.
    pub fn poll(&mut self) -> Option<Result<Box<Loaded>, ImportError>> {
        loop {
            match self.events.try_recv() {
                Ok(JobEvent::Progress(p)) => self.progress = p,
                Ok(JobEvent::Finished(result)) => return Some(result),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => return Some(Err(ImportError::Cancelled)),
            }
        }
    }
}

impl Drop for ImportJob {
    /// Dropping a job (a new export was opened, or the window closed) stops its thread at the next file.
    fn drop(&mut self) {
        self.cancel();
    }
}
