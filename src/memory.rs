//! glibc gives large freed blocks back to the kernel as soon as they are freed, so memory that is freed and
//! allocated again comes back as fresh pages, each one a page fault. Two hot paths do exactly that:
//! - Every frame the canvas hands egui a few megabytes of mesh, and egui tessellates it into buffers of the
//!   same size; at 10,000 nodes the faults cost several times more than the drawing (`cargo bench --bench
//!   frame`: 10 ms a frame with the defaults, 3.4 ms with these settings).
//! - An import parses thousands of files into short-lived buffers and maps (`bench/import.sh`: about 7% less
//!   time and CPU with these settings on the heavy export, measured side by side).
//!
//! So the binary asks glibc, once at start, to keep freed memory for reuse.

/// Keep large freed blocks in the heap instead of returning them to the kernel.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn keep_freed_memory() {
    // SAFETY: mallopt only changes two allocator thresholds and takes plain integers; `main` calls it once,
    // before any thread starts (the frame benchmark likewise, before it draws).
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 30);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn keep_freed_memory() {}
