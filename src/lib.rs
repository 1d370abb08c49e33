//! datamap shows a person who had their Facebook data, from the "Download Your Information" export
//! they downloaded, crossed with the public record. Everything runs locally.
//!
//! Data flows one way, and each stage is a module:
//! [`archive`] (zip, parts, folder) → [`import`] (typed records per file family) → [`model`] (people,
//! companies, apps, threads) → [`catalog`] (the public record) → [`exposure`] (who could see what, when)
//! → [`graph`] (petgraph) → [`layout`] (force simulation).
//!
//! The modules sit on three floors, and an arrow only ever points down (`tests/layers.rs` fails otherwise):
//! - the **core**, every module listed above plus [`timeline`], [`derive`], [`redact`], [`report`],
//!   [`palette`], [`pipeline`] and [`demo`]: no egui, so it is tested and benchmarked headless;
//! - the **drawing** floor: [`views`] (egui functions over the loaded data) and [`card`] (the share card,
//!   drawn offscreen for Save image and `datamap render`);
//! - the **app**: [`app`], the window, its dialogs, the command line.

pub mod actions;
pub mod archive;
pub mod catalog;
pub mod dates;
pub mod demo;
pub mod derive;
pub mod exposure;
pub mod graph;
pub mod import;
pub mod layout;
mod memory;
pub mod model;
pub mod palette;
pub mod pipeline;
pub mod redact;
pub mod report;
pub mod timeline;

pub mod card;
pub mod views;

pub mod app;
