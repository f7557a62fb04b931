//! oogst's integration tests: each module builds tiny sites in temporary
//! folders with the real binary and checks files, exit codes and messages.

mod audience;
mod build;
mod demo;
mod errors;
mod feeds;
mod foreign;
mod harness;
mod history;
mod knowledge;
mod leaks;
mod library;
mod markdown;
mod output;
mod planning;
mod print;
mod privacy;
mod programme;
mod publishing;
mod rebuild;
mod review;
mod scaffold;
mod scale;
mod themes;
mod validity;
mod watch;
mod year;
