//! Classification: the rules engine and fact extraction.

pub mod extract;
