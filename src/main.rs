//! The `tipnav` binary: hands the command line to [`tipnav::run`] and exits with its code.

// Evaluating a case allocates many small, short-lived strings and vectors (the report's
// trace); mimalloc serves those markedly faster than the system allocator in batch runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    tipnav::run(std::env::args_os())
}
