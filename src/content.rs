//! The shipped content: static data written by build.rs from `content/*.toml`.
#![allow(clippy::all)]

use crate::engine::graph::*;

include!(concat!(env!("OUT_DIR"), "/content.rs"));
