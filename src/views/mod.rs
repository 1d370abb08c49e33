//! The views: the map canvas, the "Who had access" table, the timeline, the details panel, the summary and
//! the As-of bar, each an egui function over the loaded data. They draw; they do not open windows, files or
//! dialogs, so the share card can draw them offscreen as well as the window on screen.

pub mod as_of;
pub mod batch;
pub mod details;
pub mod graph_view;
pub mod palette;
pub mod person;
pub mod status;
pub mod summary;
pub mod table_view;
pub mod timeline_view;
