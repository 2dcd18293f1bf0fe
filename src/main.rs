//! mailroom's binary: parse arguments, run the command, exit.

fn main() -> std::process::ExitCode {
    mailroom::cli::main()
}
