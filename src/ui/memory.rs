//! Every frame the canvas hands egui a few megabytes of mesh, and egui tessellates it into buffers of the
//! same size. glibc gives such large blocks back to the kernel as soon as they are freed, so each frame they
//! return as fresh pages, and at 10,000 nodes the page faults cost several times more than the drawing
//! (`cargo bench --bench frame`: 10 ms a frame with the defaults, 3.4 ms with these settings). The window
//! therefore asks glibc to keep freed memory for reuse. The CLI, which draws nothing, leaves the defaults.

/// Keep large freed blocks in the heap instead of returning them to the kernel.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn keep_freed_memory() {
    // SAFETY: mallopt only changes two allocator thresholds; it is called once, before the window starts
    // any thread, and takes plain integers.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 1 << 30);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn keep_freed_memory() {}
