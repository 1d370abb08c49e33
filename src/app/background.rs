//! Work the window must not wait for (a file dialog, writing a file, drawing a picture, an import) runs on
//! its own thread; the window polls for the result each frame and is repainted the moment it is there.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

pub struct Task<T> {
    result: Receiver<T>,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a thread called `name` and repaints `ctx` when it is done.
    pub fn spawn(
        ctx: &egui::Context,
        name: &str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> std::io::Result<Task<T>> {
        let (send, result) = channel();
        let ctx = ctx.clone();
        std::thread::Builder::new().name(name.into()).spawn(move || {
            let _ = send.send(work());
            ctx.request_repaint();
        })?;
        Ok(Task { result })
    }
}

impl<T> Task<T> {
    /// The result once the work is done; `Err` if the thread ended without one (it panicked).
    pub fn poll(&self) -> Option<Result<T, Ended>> {
        match self.result.try_recv() {
            Ok(value) => Some(Ok(value)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(Ended)),
        }
    }
}

/// A task's thread ended without a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ended;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_hands_back_its_result_once_done() {
        let ctx = egui::Context::default();
        let task = Task::spawn(&ctx, "test", || 6 * 7).unwrap();
        let started = std::time::Instant::now();
        let result = loop {
            if let Some(r) = task.poll() {
                break r;
            }
            assert!(started.elapsed().as_secs() < 10);
            std::thread::yield_now();
        };
        assert_eq!(result, Ok(42));
        let lost: Task<u8> = Task::spawn(&ctx, "test", || panic!("lost")).unwrap();
        while lost.poll().is_none() {
            std::thread::yield_now();
        }
    }
}
