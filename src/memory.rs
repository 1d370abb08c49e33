//! The allocator: mimalloc, for every binary that links the library (the app, the benchmarks, the tests).
//!
//! glibc's allocator gives freed memory back to the kernel eagerly and, with two threads, scatters long-lived
//! blocks between short-lived ones, so the next large block comes from fresh pages, each one a page fault the
//! kernel must zero. Two hot paths do exactly that:
//! - Every frame the canvas hands egui a few megabytes of mesh, and egui tessellates it into buffers of the
//!   same size. `PAUSE_MS=16 cargo bench --bench frame` (pausing between frames as a 60 Hz window does), one
//!   run per allocator: 17 ms a frame on glibc's defaults, 5.7 ms on glibc tuned with `mallopt`, 5.6 ms on
//!   the system's mimalloc preloaded; 4.8 to 5.9 ms with the mimalloc this crate links.
//! - An import inflates and parses thousands of files into short-lived buffers on two threads. `bench import`,
//!   15 alternating runs: 0.197 s and 0.36 s of CPU on glibc tuned with `mallopt`, 0.177 s and 0.30 s on
//!   mimalloc; glibc touched 10,000 to 22,000 fresh pages, mimalloc about 400 (it maps memory in large pages).
//!
//! Tuning glibc with `mallopt` fixed the frames but not the import, because the cause there is glibc's
//! per-thread cache of small blocks, which `mallopt` cannot turn off.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
