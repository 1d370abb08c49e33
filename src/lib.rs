//! datamap shows a person who had their Facebook data, from the "Download Your Information" export
//! they downloaded, crossed with the public record. Everything runs locally.
//!
//! Data flows one way, and each stage is a module:
//! [`archive`] (zip, parts, folder) → [`import`] (typed records per file family) → [`model`] (people,
//! companies, apps, threads) → [`graph`] (petgraph) → [`layout`] (force simulation) → `ui` (eframe views).
//! Nothing before `ui` depends on egui, so the whole pipeline is tested and benchmarked headless.

pub mod actions;
pub mod archive;
pub mod catalog;
pub mod cli;
pub mod demo;
pub mod exposure;
pub mod graph;
pub mod import;
pub mod layout;
mod memory;
pub mod model;
pub mod pipeline;
pub mod redact;
pub mod report;
pub mod share;
pub mod timeline;
pub mod ui;
