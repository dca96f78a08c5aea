//! The `tipnav` binary: hands the command line to [`tipnav::run`] and exits with its code.

fn main() -> std::process::ExitCode {
    tipnav::run(std::env::args_os())
}
